"""The fiche's PDF in the official layout, read back with pypdf, and who may download it."""

from __future__ import annotations

import io

import pytest
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from comptes.models import Role
from comptes.services import utilisateur_creer
from examens.models import TypeFiche
from examens.pdf import fiche_pdf
from tests import fabriques
from tests.examens import fabriques_examens as fx

pytestmark = pytest.mark.django_db


def texte(contenu: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(contenu)).pages)


def test_an_e4_fiche_ticks_its_type_names_the_candidate_and_mentions_its_annex(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    session = fx.session()
    eleve = fx.candidat(session, "Dupuy", prenom="Inès")
    f = fx.fiche(eleve, TypeFiche.E4_EVENEMENT, 2, titre="Salon de l'habitat")
    lu = texte(fiche_pdf(f))
    assert "Fiche descriptive d'activité professionnelle — E4" in lu
    assert "☐ Négociation-vente et accompagnement de la relation client" in lu
    assert "☒ Organisation et animation d'un évènement commercial" in lu
    assert "DUPUY Inès" in lu and "Salon de l'habitat" in lu and "2027" in lu
    assert "Annexe obligatoire : présentation de l'offre commerciale — non jointe." in lu
    # Every section as a titled box with its fields, label then text.
    for libelle in (
        "Cadre de l'activité professionnelle",
        "Bilan réflexif",
        "Historique, problématique",
    ):
        assert libelle in lu
    assert "Historique, problématique (texte)" in lu
    assert "Page 1 sur" in lu  # alone, it numbers its own pages


def test_an_e6_fiche_says_whether_the_activity_was_really_lived(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    eleve = fx.candidat(fx.session())
    f = fx.fiche(eleve, TypeFiche.E6_VENTE_DIRECTE, 3, activite_reelle=False, contenu={})
    lu = texte(fiche_pdf(f))
    assert "☒ Réseau de vente directe" in lu and "☐ Réseau de partenaires" in lu
    assert "☐ oui ☒ non" in lu
    assert "Non renseigné" in lu
    assert "Annexe" not in lu


def _client(utilisateur) -> Client:  # type: ignore[no-untyped-def]
    c = Client()
    c.force_login(utilisateur)
    return c


def test_the_student_and_their_referent_download_it_others_find_nothing(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    compte = utilisateur_creer(
        email="eleve@example.org",
        role=Role.ETUDIANT,
        prenom="L",
        nom="M",
        mot_de_passe="x-y-z-w-1234",
    )
    prof = utilisateur_creer(
        email="prof@example.org",
        role=Role.ENSEIGNANT,
        prenom="C",
        nom="D",
        mot_de_passe="x-y-z-w-1234",
    )
    autre_prof = utilisateur_creer(
        email="autre@example.org",
        role=Role.ENSEIGNANT,
        prenom="A",
        nom="B",
        mot_de_passe="x-y-z-w-1234",
    )
    referent = fabriques.enseignant(email="prof@example.org", utilisateur=prof)
    session = fx.session()
    eleve = fx.candidat(session, utilisateur=compte, referent=referent)
    autre = utilisateur_creer(
        email="autre-eleve@example.org",
        role=Role.ETUDIANT,
        prenom="Z",
        nom="Z",
        mot_de_passe="x-y-z-w-1234",
    )
    fx.candidat(session, "Autre", utilisateur=autre)
    f = fx.fiche(eleve)
    url = reverse("examens:fiche_pdf", args=[f.pk])
    for qui in (compte, prof):
        reponse = _client(qui).get(url)
        assert reponse.status_code == 200 and reponse["Content-Type"] == "application/pdf"
        assert reponse.content.startswith(b"%PDF")
    for qui in (autre_prof, autre):
        assert _client(qui).get(url).status_code == 404
    assert _client(compte).get(reverse("examens:fiche_pdf", args=[f.pk + 999])).status_code == 404
