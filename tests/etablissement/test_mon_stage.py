"""« Mon stage »: a student sees their own conventions (status, who acts next, the findings in
plain French, what is missing), their days against the target and their documents, and
nothing of another student; after logging in they land there."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings

from comptes.models import Role, Utilisateur
from comptes.services import utilisateur_creer
from conventions.models import Convention
from documents.models import Document
from documents.services import convention_pdf_generer
from etablissement.models import Etudiant
from tests import fabriques
from tests.pilotage.outils import chef_de_travaux, valider

MOT_DE_PASSE = "correct-cheval-pile-agrafe"
MON_STAGE = "/mon-stage/"


@pytest.fixture(autouse=True)
def media_temporaire(settings: Settings, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


def _eleve(email: str, nom: str) -> Etudiant:
    compte = utilisateur_creer(
        email=email, role=Role.ETUDIANT, prenom="Prénom", nom=nom, mot_de_passe=MOT_DE_PASSE
    )
    return fabriques.etudiant(nom=nom, utilisateur=compte)


def _client(eleve: Etudiant) -> Client:
    client = Client()
    assert isinstance(eleve.utilisateur, Utilisateur)
    client.force_login(eleve.utilisateur)
    return client


def _texte(html: str) -> str:
    corps = html[html.index("<main") : html.index("</main>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", corps))


@pytest.fixture
def camille(db: None) -> Etudiant:
    """A validated convention at « Aquitaine Distribution » with its PDF, and a draft at
    « Gironde Conseil » missing its 1st D124-4 item."""
    eleve = _eleve("camille@lycee-eiffel.test", "Lalanne")
    validee = fabriques.convention(etudiant_=eleve)
    convention_pdf_generer(convention=validee, auteur=None, le=date(2026, 2, 2))
    valider(validee, chef_de_travaux())
    contenus = dict(fabriques.CLAUSES)
    contenus.pop("formation")
    fabriques.convention(
        etudiant_=eleve,
        organisme_=fabriques.organisme(raison_sociale="Gironde Conseil"),
        periodes=((date(2026, 5, 4), date(2026, 5, 29)),),
        contenus=contenus,
    )
    return eleve


@pytest.fixture
def lucas(db: None) -> Etudiant:
    """Another student, at « Landes Services », with a generated PDF."""
    eleve = _eleve("lucas@lycee-eiffel.test", "Martin")
    convention = fabriques.convention(
        etudiant_=eleve, organisme_=fabriques.organisme(raison_sociale="Landes Services")
    )
    convention_pdf_generer(convention=convention, auteur=None, le=date(2026, 2, 2))
    return eleve


def test_a_student_sees_their_conventions_and_findings_in_plain_french(
    camille: Etudiant, lucas: Etudiant
) -> None:
    reponse = _client(camille).get(MON_STAGE)
    assert reponse.status_code == 200
    texte = _texte(reponse.content.decode())
    assert "Aquitaine Distribution" in texte
    assert "Gironde Conseil" in texte
    assert "Validée" in texte and "Brouillon" in texte
    # Who acts next, for the draft.
    assert "En attente —" in texte
    # The draft's missing D124-4 item, said in words.
    assert "Mentions obligatoires manquantes" in texte
    assert "du 02/03/2026 au 27/03/2026" in texte
    assert "Objectif" in texte
    # Nothing of the other student, and no internal code.
    assert "Landes Services" not in texte
    assert "Martin" not in texte
    assert not re.findall(r"\b[A-Z_]{6,}\b", texte), re.findall(r"\b[A-Z_]{6,}\b", texte)


def test_a_student_downloads_their_documents_only(camille: Etudiant, lucas: Etudiant) -> None:
    client = _client(camille)
    sien = Document.objects.get(convention__etudiant=camille)
    autre = Document.objects.get(convention__etudiant=lucas)
    page = client.get(MON_STAGE).content.decode()
    lien = reverse("documents:etudiant_telecharger", kwargs={"pk": sien.pk})
    assert lien in page
    assert reverse("documents:etudiant_telecharger", kwargs={"pk": autre.pk}) not in page
    reponse = client.get(lien)
    assert reponse.status_code == 200
    assert b"".join(reponse.streaming_content).startswith(b"%PDF")
    refus = client.get(reverse("documents:etudiant_telecharger", kwargs={"pk": autre.pk}))
    assert refus.status_code == 404


def test_the_staff_convention_page_stays_closed_to_the_student(camille: Etudiant) -> None:
    convention = Convention.objects.filter(etudiant=camille).first()
    assert convention is not None
    client = _client(camille)
    assert (
        client.get(reverse("conventions:detail", kwargs={"pk": convention.pk})).status_code == 403
    )


def test_a_student_without_a_record_is_told_so(db: None) -> None:
    compte = utilisateur_creer(
        email="sans.fiche@lycee-eiffel.test",
        role=Role.ETUDIANT,
        prenom="Sans",
        nom="Fiche",
        mot_de_passe=MOT_DE_PASSE,
    )
    client = Client()
    client.force_login(compte)
    reponse = client.get(MON_STAGE)
    assert reponse.status_code == 200
    assert "relié à aucune fiche" in reponse.content.decode()


def test_a_student_lands_on_mon_stage_after_login(camille: Etudiant) -> None:
    reponse = Client().post(
        reverse("comptes:connexion"),
        {"username": "camille@lycee-eiffel.test", "password": MOT_DE_PASSE},
    )
    assert reponse.status_code == 302
    assert reponse["Location"] == MON_STAGE


def test_the_student_menu_offers_mon_stage(camille: Etudiant) -> None:
    page = _client(camille).get(reverse("public:offres")).content.decode()
    assert f'href="{MON_STAGE}"' in page
