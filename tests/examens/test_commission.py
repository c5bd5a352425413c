"""The commission's read-only link: created by an administrator and e-mailed, it shows the
session's candidates, their fiches, attestations and pack — never an evaluation; expired or
revoked it says so in French; a forged one is not found."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from conventions.models import Convention, Statut
from evaluations.models import Evaluation
from examens import commission, taches
from examens.models import AccesCommission
from tests.evaluations import outils as evaluations_outils
from tests.examens import fabriques_examens as fx
from tests.examens.test_pack_taches import travailleur
from tests.personas import administrateur  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db

SECRET = "Réponse confidentielle du tuteur ZQX-4417"


def _texte_pdf(contenu: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(contenu)).pages)


def test_an_administrator_sends_a_link_that_the_jury_member_receives(
    administrateur,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    session = fx.session()
    client = Client()
    client.force_login(administrateur)
    url = reverse("examens:commission_acces", args=[session.pk])
    with django_capture_on_commit_callbacks(execute=True):
        reponse = client.post(
            url,
            {"nom": "Anne Jury", "email": "anne.jury@example.org", "jusqu_au": "2099-01-01"},
        )
    assert reponse.status_code == 200  # a year at most: refused on its field
    assert "Un lien vaut au plus un an." in reponse.content.decode()
    jour = (timezone.localdate() + timedelta(days=20)).isoformat()
    with django_capture_on_commit_callbacks(execute=True):
        reponse = client.post(
            url, {"nom": "Anne Jury", "email": "anne.jury@example.org", "jusqu_au": jour}
        )
    assert reponse.status_code == 302
    acces = AccesCommission.objects.get()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["anne.jury@example.org"]
    corps = mail.outbox[0].body
    lien = next(ligne for ligne in corps.splitlines() if "/commission/" in ligne)
    jeton = lien.rsplit("/commission/", 1)[1].strip("/")
    assert acces.jeton_sha256 == commission.empreinte(jeton) and jeton not in acces.jeton_sha256
    assert Client().get(reverse("examens:commission", args=[jeton])).status_code == 200
    # Revoked: a French page, never the dossiers.
    client.post(reverse("examens:commission_revoquer", args=[acces.pk]))
    ferme = Client().get(reverse("examens:commission", args=[jeton]))
    assert ferme.status_code == 410
    assert "La section a retiré ce lien" in ferme.content.decode()


def test_an_expired_link_says_so_and_a_forged_one_is_not_found():
    session = fx.session()
    cree = commission.acces_creer(
        session=session,
        nom="Anne Jury",
        email="anne.jury@example.org",
        jusqu_au=date.today() + timedelta(days=1),
        par=None,
        le=timezone.now(),
    )
    AccesCommission.objects.update(expire_le=timezone.now() - timedelta(minutes=1))
    page = Client().get(reverse("examens:commission", args=[cree.jeton]))
    assert page.status_code == 410 and "Ce lien était valable jusqu'au" in page.content.decode()
    candidat = fx.candidat(session)
    assert (
        Client()
        .get(reverse("examens:commission_candidat", args=[cree.jeton, candidat.pk]))
        .status_code
        == 410
    )
    assert Client().get(reverse("examens:commission", args=["lien-invente"])).status_code == 404
    assert Client().get(reverse("examens:commission", args=["x" * 500])).status_code == 404


def test_the_commission_sees_fiches_attestations_and_pack_never_an_evaluation(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    # A candidate whose tutor answered the evaluation with a recognisable text.
    stage = evaluations_outils.stage_termine()
    eleve = stage.etudiant
    evaluation = evaluations_outils.evaluation(stage)
    question_texte = next(
        q
        for q in evaluation.questionnaire.questions.filter(active=True)
        if q.type_reponse == "texte"
    )
    Evaluation.objects.filter(pk=evaluation.pk).update(
        reponses={str(question_texte.pk): SECRET}, remplie_le=timezone.now(), remplie_par="Tuteur"
    )
    session = fx.session(eleve.promotion, annee=eleve.promotion.session_examen)
    doc = fx.attestation(stage)
    fx.fiche(eleve, titre="Vente d'une solution de caisse")
    taches.pack_demander(session=session, etudiant=eleve, par=None, le=timezone.now())
    taches.pack_demander(session=session, etudiant=None, par=None, le=timezone.now())
    travailleur()
    jeton = commission.acces_creer(
        session=session,
        nom="Anne Jury",
        email="anne.jury@example.org",
        jusqu_au=date.today() + timedelta(days=5),
        par=None,
        le=timezone.now(),
    ).jeton

    client = Client()
    accueil = client.get(reverse("examens:commission", args=[jeton])).content.decode()
    assert f"{eleve.nom.upper()} {eleve.prenom}" in accueil
    assert "Télécharger tous les dossiers" in accueil
    page = client.get(reverse("examens:commission_candidat", args=[jeton, eleve.pk])).content
    page = page.decode()
    assert "Vente d&#x27;une solution de caisse" in page
    assert "Historique, problématique (texte)" in page
    assert "pas encore signée" in page
    assert "Télécharger le dossier complet (PDF)" in page

    attestation = client.get(reverse("examens:commission_attestation", args=[jeton, doc.pk]))
    dossier = client.get(reverse("examens:commission_pack", args=[jeton, eleve.pk]))
    archive = client.get(reverse("examens:commission_archive", args=[jeton]))
    pdfs = [b"".join(r.streaming_content) for r in (attestation, dossier)]
    assert all(p.startswith(b"%PDF") for p in pdfs)
    assert b"".join(archive.streaming_content).startswith(b"PK")
    # Nowhere: not in a page, not in a PDF.
    assert SECRET not in accueil and SECRET not in page
    for contenu in pdfs:
        assert SECRET not in _texte_pdf(contenu)
    assert "Vente d'une solution de caisse" in _texte_pdf(pdfs[1])
    # The grids' words are not there either.
    assert "évaluation" not in page.lower() and "grille" not in page.lower()
    # An attestation the section recorded on paper (no PDF of it in Stages) is named.
    assert "Remises sur papier" not in page
    doc.delete()
    Convention.objects.filter(pk=stage.pk).update(statut=Statut.ATTESTEE)
    page = client.get(reverse("examens:commission_candidat", args=[jeton, eleve.pk])).content
    assert "Remises sur papier" in page.decode() and "Aucune attestation" not in page.decode()


def test_a_candidate_of_another_session_is_not_found_through_the_link(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    session = fx.session()
    autre = fx.candidat(fx.session(annee=2028))
    jeton = commission.acces_creer(
        session=session,
        nom="Anne Jury",
        email="anne.jury@example.org",
        jusqu_au=date.today() + timedelta(days=5),
        par=None,
        le=timezone.now(),
    ).jeton
    client = Client()
    assert (
        client.get(reverse("examens:commission_candidat", args=[jeton, autre.pk])).status_code
        == 404
    )
    assert client.get(reverse("examens:commission_pack", args=[jeton, autre.pk])).status_code == 404
    assert client.get(reverse("examens:commission_archive", args=[jeton])).status_code == 404
