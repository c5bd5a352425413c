"""The convention page's « Pièces et liens » (one click to documents, circuit, student,
host, avenants' PDFs, and back), and its primary action when the engine blocks it."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from comptes.models import Utilisateur
from conventions.models import Statut
from conventions.services import avenant_creer
from documents import services as documents
from tests import fabriques
from tests.conventions.ecrans import avancer

pytestmark = pytest.mark.django_db


def _bouton(page: str, libelle: str) -> str:
    """The opening tag of the button labelled `libelle`."""
    trouve = re.search(r"<(button|a)\b[^>]*>\s*" + re.escape(libelle) + r"\s*<", page)
    assert trouve, libelle
    return trouve.group(0)


def test_the_page_links_to_documents_circuit_student_host_and_back(
    administrateur: Utilisateur, clients: dict[str, Client]
) -> None:
    convention = fabriques.convention()
    client = clients["administrateur"]
    url = reverse("conventions:detail", args=[convention.pk])
    page = client.get(url).content.decode()
    assert "Pièces et liens" in page
    for lien in (
        reverse("documents:convention", args=[convention.pk]),
        reverse("etablissement:etudiant", args=[convention.etudiant_id]),
        reverse("organismes:detail", args=[convention.etablissement_accueil.organisme_id]),
    ):
        assert f'href="{lien}"' in page, lien
    assert "Circuit de signature : aucun PDF généré" in page

    document = documents.convention_pdf_generer(
        convention=convention, auteur=administrateur, le=date(2026, 2, 1)
    )
    page = client.get(url).content.decode()
    assert f'href="{reverse("documents:suivi", args=[document.pk])}"' in page
    # And back, from the documents page and the circuit's.
    for retour in (
        reverse("documents:convention", args=[convention.pk]),
        reverse("documents:suivi", args=[document.pk]),
    ):
        assert f'href="{url}"' in client.get(retour).content.decode(), retour
    # The student's and the host's pages link to the convention.
    for fiche in (
        reverse("etablissement:etudiant", args=[convention.etudiant_id]),
        reverse("organismes:detail", args=[convention.etablissement_accueil.organisme_id]),
    ):
        assert f'href="{url}"' in client.get(fiche).content.decode(), fiche


def test_an_avenant_without_pdf_offers_to_generate_it_then_links_to_it(
    administrateur: Utilisateur, clients: dict[str, Client]
) -> None:
    convention = avancer(fabriques.convention(), Statut.SIGNEE, administrateur)
    avenant_creer(
        convention=convention,
        auteur=administrateur,
        date_effet=date(2026, 3, 9),
        motif="Horaire du vendredi",
        minutes_vendredi=360,
    )
    client = clients["administrateur"]
    url = reverse("conventions:detail", args=[convention.pk])
    page = client.get(url).content.decode()
    generer = reverse("documents:avenant_pdf", args=[convention.pk, 1])
    assert f'action="{generer}"' in page and "Générer le PDF" in page
    reponse = client.post(generer)
    assert reponse.status_code == 200 and reponse["Content-Type"] == "application/pdf"
    page = client.get(url).content.decode()
    assert "Avenant n° 1 (PDF, version 1)" in page and f'action="{generer}"' not in page


def test_a_blocked_convention_offers_the_fix_not_validation(
    administrateur: Utilisateur, clients: dict[str, Client]
) -> None:
    convention = fabriques.convention(tuteur_=False)  # no tutor: blocking (L124-9)
    client = clients["administrateur"]
    url = reverse("conventions:detail", args=[convention.pk])
    page = client.get(url).content.decode()
    correction = _bouton(page, "Modifier la convention")
    assert "fr-btn--secondary" not in correction
    assert f"{reverse('conventions:modifier', args=[convention.pk])}#id_tuteur" in correction
    soumettre = _bouton(page, "Soumettre à validation")
    assert "fr-btn--secondary" in soumettre

    client.post(reverse("conventions:transition", args=[convention.pk]), {"action": "soumettre"})
    page = client.get(url).content.decode()
    valider = _bouton(page, "Valider")
    assert "disabled" in valider and "fr-btn--secondary" in valider
    assert "« Valider » sera refusé tant que le moteur relève" in page
    assert re.search(r"relève \d+ constats? bloquants?", page)


def test_a_lawful_convention_keeps_its_next_step_primary(
    administrateur: Utilisateur, clients: dict[str, Client]
) -> None:
    convention = fabriques.convention()
    page = clients["administrateur"].get(reverse("conventions:detail", args=[convention.pk]))
    texte = page.content.decode()
    assert "fr-btn--secondary" not in _bouton(texte, "Soumettre à validation")
    assert "fr-btn--secondary" in _bouton(texte, "Modifier la convention")


def test_the_page_shows_the_hosts_headcount_as_everywhere(
    administrateur: Utilisateur, clients: dict[str, Client]
) -> None:
    """The R124-12 figure the quota is counted on, with its month, as on the host's page."""
    avec = fabriques.convention(organisme_=fabriques.organisme(effectif=12))
    page = clients["administrateur"].get(reverse("conventions:detail", args=[avec.pk]))
    texte = re.sub(r"\s+", " ", page.content.decode())
    assert "L'effectif de l'organisme, base du quota" in texte
    assert "Effectif retenu : 12 personnes" in texte
    sans = fabriques.convention(organisme_=fabriques.organisme(effectif=None))
    page = clients["administrateur"].get(reverse("conventions:detail", args=[sans.pk]))
    assert "Effectif non renseigné" in page.content.decode()
