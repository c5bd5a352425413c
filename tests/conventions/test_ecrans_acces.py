"""Who writes on the convention screens: a teacher for the students they follow, an
administrator for all; every other member of staff reads (403 on writes)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from comptes.models import Utilisateur
from conventions.models import Convention
from tests import fabriques
from tests.conventions.ecrans import etudiant_suivi_par, formulaire

pytestmark = pytest.mark.django_db


def _url(nom: str, convention: Convention) -> str:
    return reverse(f"conventions:{nom}", kwargs={"pk": convention.pk})


def test_a_teacher_reads_but_does_not_change_a_convention_of_a_student_they_do_not_follow(
    enseignant: Utilisateur, clients: dict[str, Client]
) -> None:
    convention = fabriques.convention()
    client = clients["enseignant"]
    assert client.get(_url("detail", convention)).status_code == 200
    assert client.get(_url("pointages", convention)).status_code == 200
    assert client.get(_url("modifier", convention)).status_code == 403
    assert client.get(_url("avenant", convention)).status_code == 403
    donnees = formulaire(
        etudiant=convention.etudiant,
        organisme=convention.etablissement_accueil.organisme,
        tuteur=convention.tuteur,
        poste="Changé",
    )
    assert client.post(_url("modifier", convention), donnees).status_code == 403
    assert client.post(_url("transition", convention), {"action": "soumettre"}).status_code == 403
    assert client.post(_url("acquitter", convention), {"codes": ["X"]}).status_code == 403
    convention.refresh_from_db()
    assert convention.poste == "" and convention.statut == "brouillon"


def test_a_teacher_changes_the_conventions_of_the_students_they_follow(
    enseignant: Utilisateur, clients: dict[str, Client]
) -> None:
    suivi = etudiant_suivi_par(enseignant, nom="Suivi")
    fabriques.etudiant(nom="Autre")
    convention = fabriques.convention(etudiant_=suivi)
    client = clients["enseignant"]
    assert client.get(_url("modifier", convention)).status_code == 200
    reponse = client.post(_url("transition", convention), {"action": "soumettre"})
    assert reponse.status_code == 302

    # The creation form offers only the students they follow.
    page = client.get(reverse("conventions:creer")).content.decode()
    assert "Lucas Suivi" in page and "Lucas Autre" not in page


def test_a_teacher_cannot_create_for_a_student_they_do_not_follow(
    enseignant: Utilisateur, clients: dict[str, Client]
) -> None:
    org = fabriques.organisme()
    autre = fabriques.etudiant(nom="Autre")
    donnees = formulaire(etudiant=autre, organisme=org, tuteur=None)
    page = clients["enseignant"].post(reverse("conventions:creer"), donnees)
    assert page.status_code == 200 and not Convention.objects.exists()
    assert "Sélectionnez un choix valide" in page.content.decode()


def test_students_do_not_see_the_staff_screens(clients: dict[str, Client]) -> None:
    convention = fabriques.convention()
    for url in (reverse("conventions:liste"), _url("detail", convention)):
        assert clients["etudiant"].get(url).status_code == 403
