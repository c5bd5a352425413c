"""`manage.py sauvegarder` then `restaurer`: the demo's section (its conventions, their PDFs,
the signature circuit, the exam files and their annexes) saved, the database and documents
wiped, put back: every row of every model the same, field by field (the two dumps are
equal), the same PDF bytes; and on a new instance (a new SQLite database, `migrate`, then
`restaurer`), whatever the engine the archive came from. A damaged or foreign archive is
refused in French, the database left as it was."""

from __future__ import annotations

import hashlib
import io
import json
import os
import secrets
import shutil
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.test import TestCase, override_settings

from comptes.models import Utilisateur
from conventions.models import Convention
from core.restauration import vider
from core.sauvegarde import EXCLUS, compter, fichiers_media
from demo.circuit import demo_circuit_ouvrir
from demo.donnees import demo_construire
from documents.models import Document
from tests.courriels import LISIBLES

pytestmark = pytest.mark.django_db
RACINE = Path(__file__).resolve().parents[2]


def _dump() -> list[dict[str, Any]]:
    sortie = io.StringIO()
    call_command(
        "dumpdata", exclude=list(EXCLUS), natural_foreign=True, use_base_manager=True, stdout=sortie
    )
    lignes: list[dict[str, Any]] = json.loads(sortie.getvalue())
    return lignes


def _sha(chemin: Path) -> str:
    return hashlib.sha256(chemin.read_bytes()).hexdigest()


def _empreintes_des_documents() -> dict[str, str]:
    """Every file of MEDIA_ROOT (the PDFs, the exam files' annexes), by its path."""
    return {nom: _sha(chemin) for nom, chemin in fichiers_media(Path(settings.MEDIA_ROOT))}


@pytest.fixture(scope="module")
def section(
    django_db_setup: None, django_db_blocker: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Path, list[dict[str, Any]], dict[str, str]]]:
    """The demo, its circuit open, saved once: the archive, the dump and the PDFs' hashes of
    that moment. Rolled back after the module."""
    from django.db import transaction

    media = tmp_path_factory.mktemp("media")
    archive = tmp_path_factory.mktemp("sauvegardes") / "stages.tar.gz"
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media, **LISIBLES),
        transaction.atomic(),
    ):
        cas = demo_construire()
        assert cas.en_signature is not None
        with TestCase.captureOnCommitCallbacks(execute=True):
            demo_circuit_ouvrir(cas.en_signature)
        call_command("sauvegarder", str(archive), stdout=io.StringIO())
        yield archive, _dump(), _empreintes_des_documents()
        transaction.set_rollback(True)


def _effacer_tout() -> None:
    vider()  # `flush`
    shutil.rmtree(settings.MEDIA_ROOT)


def test_saved_wiped_restored_every_row_and_every_pdf_is_the_same(section: Any) -> None:
    archive, avant, pdf = section
    assert Convention.objects.count() > 100 and Document.objects.exists()
    assert sum(nom.endswith(".pdf") for nom in pdf) >= 5
    lignes = compter()
    _effacer_tout()
    assert Convention.objects.count() == 0 and not Path(settings.MEDIA_ROOT).exists()

    sortie = io.StringIO()
    call_command("restaurer", str(archive), stdout=sortie)

    assert f"restaurée : {sum(lignes.values())} lignes" in sortie.getvalue()
    assert compter() == lignes
    assert _dump() == avant  # every field of every row
    assert _empreintes_des_documents() == pdf
    for document in Document.objects.all():  # as recorded when it was made
        assert pdf[document.fichier.name] == document.sha256
    # The keys go on after the restored ones (PostgreSQL's sequences set again).
    plus_grand = max(u["pk"] for u in avant if u["model"] == "comptes.utilisateur")
    nouveau = Utilisateur.objects.create_user(email="nouvelle@eiffel-demo.test", password="x")
    assert nouveau.pk > plus_grand


def test_a_new_instance_migrated_then_restored_holds_the_same(section: Any, tmp_path: Path) -> None:
    archive, avant, pdf = section
    media = tmp_path / "media"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "stages.settings",
        "PYTHONPATH": str(RACINE),
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'nouvelle.sqlite3'}",
        "MEDIA_ROOT": str(media),
    }

    def manage(*args: str) -> str:
        fait = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=RACINE,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert fait.returncode == 0, fait.stderr
        return fait.stdout

    manage("migrate", "--noinput", "-v0")
    # A new database (only what `migrate` writes) needs no --ecraser; `restaurer` compares
    # the rows of each model with the manifest, and fails if one differs.
    assert "restaurée" in manage("restaurer", str(archive))
    assert {nom: _sha(chemin) for nom, chemin in fichiers_media(media)} == pdf


def test_a_database_with_data_is_replaced_only_when_asked(section: Any) -> None:
    archive, avant, pdf = section
    Utilisateur.objects.filter(email="helene.castaing@eiffel-demo.test").update(last_name="Autre")
    change = _dump()
    depuis = Path(settings.MEDIA_ROOT) / "documents" / "fait-depuis.pdf"
    depuis.write_bytes(b"%PDF-1.7 fait depuis la sauvegarde")
    with pytest.raises(CommandError, match=r"La base de données n'est pas vide \(.*--ecraser"):
        call_command("restaurer", str(archive))
    assert _dump() == change and depuis.exists()
    call_command("restaurer", str(archive), ecraser=True, stdout=io.StringIO())
    assert _dump() == avant
    assert _empreintes_des_documents() == pdf  # the later file gone with its rows


def _reecrire(source: Path, cible: Path, changer: Any) -> None:
    """`cible`: the archive `source` with its members passed through `changer`."""
    with tarfile.open(source, "r:gz") as lue:
        fichiers = [m for m in lue if m.isfile()]
        membres = [(m, lue.extractfile(m).read()) for m in fichiers]  # type: ignore[union-attr]
    with tarfile.open(cible, "w:gz") as ecrite:
        for membre, contenu in changer(membres):
            membre.size = len(contenu)
            ecrite.addfile(membre, io.BytesIO(contenu))


def _un_pdf_change(membres: list[Any]) -> list[Any]:
    pdf = next(i for i, (m, _) in enumerate(membres) if m.name.endswith(".pdf"))
    membre, contenu = membres[pdf]
    membres[pdf] = (membre, contenu.replace(b"%PDF", b"%PDX", 1))
    return membres


def _un_fichier_en_trop(membres: list[Any]) -> list[Any]:
    return [*membres, (tarfile.TarInfo("media/../../etc/cron.d/stages"), b"* * * * * root id\n")]


def _sans_manifeste(membres: list[Any]) -> list[Any]:
    return [(m, c) for m, c in membres if m.name != "manifeste.json"]


def _plus_recente(membres: list[Any]) -> list[Any]:
    def changer(m: Any, c: bytes) -> bytes:
        if m.name != "manifeste.json":
            return c
        manifeste = json.loads(c)
        manifeste["migrations"]["core"].append("9999_venue_du_futur")
        return json.dumps(manifeste).encode()

    return [(m, changer(m, c)) for m, c in membres]


@pytest.mark.parametrize(
    ("changer", "message"),
    [
        (
            _un_pdf_change,
            r"L'archive est abîmée : « media/.*\.pdf » ne correspond pas à son empreinte "
            r"SHA-256\.",
        ),
        (
            _un_fichier_en_trop,
            r"L'archive est abîmée : « media/\.\./\.\./etc/cron\.d/stages » n'est pas dans "
            r"son manifeste\.",
        ),
        (
            _sans_manifeste,
            r"Cette archive n'est pas une sauvegarde de Stages : elle n'a pas de manifeste\.",
        ),
        (
            _plus_recente,
            r"version plus récente de Stages \(migration core\.9999_venue_du_futur inconnue ici\)",
        ),
    ],
    ids=["pdf-modifie", "chemin-hors-media", "sans-manifeste", "version-plus-recente"],
)
def test_a_damaged_or_foreign_archive_is_refused_and_nothing_changes(
    section: Any, tmp_path: Path, changer: Any, message: str
) -> None:
    archive, avant, pdf = section
    abimee = tmp_path / "abimee.tar.gz"
    _reecrire(archive, abimee, changer)
    with pytest.raises(CommandError, match=message):
        call_command("restaurer", str(abimee), ecraser=True)
    assert _dump() == avant
    assert _empreintes_des_documents() == pdf
    assert not (Path(settings.MEDIA_ROOT).parent / "etc").exists()


def test_a_missing_truncated_or_other_file_is_refused_in_french(
    section: Any, tmp_path: Path
) -> None:
    archive, _, _ = section
    with pytest.raises(CommandError, match=r"Le fichier « .*absente\.tar\.gz » n'existe pas\."):
        call_command("restaurer", str(tmp_path / "absente.tar.gz"))
    tronquee = tmp_path / "tronquee.tar.gz"
    tronquee.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    autre = tmp_path / "notes.tar.gz"
    autre.write_text("pas une archive", encoding="utf-8")
    for fichier in (tronquee, autre):
        with pytest.raises(
            CommandError,
            match=rf"« {fichier.name} » n'est pas une sauvegarde de Stages lisible \(une archive "
            r"tar\.gz entière est attendue\)\.",
        ):
            call_command("restaurer", str(fichier), ecraser=True)
