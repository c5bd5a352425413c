"""The pack is built by the worker of the real queue (django-tasks' database backend): the
request queues a task row, the worker's loop (`db_worker --batch`'s Worker) takes and runs
it; progress on the Pack row, « prêt » with the SHA-256, or « échec » with the message."""

from __future__ import annotations

import hashlib
import io
import zipfile
from unittest import mock

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from django_tasks_db.management.commands import db_worker
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from examens import taches
from examens.models import EtatPack, Pack, TypeFiche
from tests.examens import fabriques_examens as fx

pytestmark = pytest.mark.django_db


def travailleur() -> None:
    """The worker of `manage.py db_worker --batch`: every task queued, then it stops. Its
    loop closes the database connection it finds inside a transaction (as a request's end
    does): inside the test's transaction it must keep it, as Django's test client does."""
    with mock.patch.object(db_worker, "close_old_connections", lambda: None):
        _travailleur()


def _travailleur() -> None:
    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="tests",
        excluded_queue_names=[],
    ).run()


@pytest.fixture(autouse=True)
def medias(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_the_cohort_archive_is_built_by_the_worker_with_its_progress():
    session = fx.session()
    martin = fx.dossier_complet(session, "Martin")
    fx.candidat(session, "Abadie")  # nothing yet: a cover alone
    pack = taches.pack_demander(session=session, etudiant=None, par=None, le=timezone.now())
    assert pack.etat == EtatPack.EN_ATTENTE and pack.total == 2
    assert DBTaskResult.objects.filter(args_kwargs__args=[pack.pk]).count() == 1

    travailleur()

    pack.refresh_from_db()
    assert pack.etat == EtatPack.TERMINE, pack.erreur
    assert (pack.faits, pack.total) == (2, 2)
    contenu = pack.fichier.read()
    assert pack.sha256 == hashlib.sha256(contenu).hexdigest()
    with zipfile.ZipFile(io.BytesIO(contenu)) as archive:
        noms = archive.namelist()
        index = archive.read("index.csv").decode("utf-8-sig").splitlines()
    assert noms[-1] == "index.csv" and len(noms) == 3
    assert index[0].startswith("Candidat;Fichier;Pages")
    assert index[1].startswith("ABADIE Lucas;") and index[2].startswith("MARTIN Lucas;")
    assert (
        f"-{martin.pk}.pdf;" in index[2] and ";2;1;3;" in index[2]
    )  # 2 attestations, 1 unsigned, 3 fiches
    assert DBTaskResult.objects.get(args_kwargs__args=[pack.pk]).status == "SUCCESSFUL"


def test_a_failing_candidate_fails_the_pack_with_its_message_and_a_retry_works():
    session = fx.session()
    eleve = fx.candidat(session, "Dupuy", prenom="Inès")
    fiche = fx.fiche(eleve, TypeFiche.E4_NEGO, 1, annexe=b"pas un PDF")
    premier = taches.pack_demander(session=session, etudiant=eleve, par=None, le=timezone.now())
    travailleur()
    premier.refresh_from_db()
    assert premier.etat == EtatPack.ECHEC
    assert premier.erreur.startswith(
        "Inès Dupuy : l'annexe (présentation de l'offre) de la fiche E4 n° 1"
    )
    assert not premier.fichier

    fiche.annexe_offre.save("annexe.pdf", ContentFile(fx.pdf_texte("OFFRE")), save=True)
    second = taches.pack_demander(session=session, etudiant=eleve, par=None, le=timezone.now())
    assert second.pk != premier.pk
    travailleur()
    second.refresh_from_db()
    assert second.etat == EtatPack.TERMINE and second.fichier.name.endswith(".pdf")
    assert (second.faits, second.total) == (1, 1)


def test_a_second_click_while_it_runs_gets_the_same_pack():
    session = fx.session()
    eleve = fx.candidat(session)
    un = taches.pack_demander(session=session, etudiant=eleve, par=None, le=timezone.now())
    deux = taches.pack_demander(session=session, etudiant=eleve, par=None, le=timezone.now())
    assert un.pk == deux.pk
    assert DBTaskResult.objects.count() == 1


def test_progress_is_written_candidate_by_candidate(monkeypatch):
    session = fx.session()
    for nom in ("Abadie", "Bernard", "Costa"):
        fx.candidat(session, nom)
    pack = taches.pack_demander(session=session, etudiant=None, par=None, le=timezone.now())
    vus: list[tuple[str, int, int]] = []
    from examens import pack as module_pack

    vrai = module_pack.pack_candidat

    def espion(etudiant, session_):  # type: ignore[no-untyped-def]
        p = Pack.objects.get(pk=pack.pk)
        vus.append((p.etat, p.faits, p.total))
        return vrai(etudiant, session_)

    monkeypatch.setattr(module_pack, "pack_candidat", espion)
    travailleur()
    assert vus == [("en_cours", 0, 3), ("en_cours", 1, 3), ("en_cours", 2, 3)]
    pack.refresh_from_db()
    assert (pack.etat, pack.faits) == (EtatPack.TERMINE, 3)
