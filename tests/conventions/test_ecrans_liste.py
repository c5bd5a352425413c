"""The list of conventions: search, filters, sort, and a constant number of queries."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from comptes.models import Utilisateur
from conventions.models import Statut
from tests import fabriques
from tests.conventions.ecrans import avancer

pytestmark = pytest.mark.django_db
URL = reverse("conventions:liste")

# Session, user, the school (header), the count, the page's ids then its rows (the cohort
# and teacher filters are text fields with suggestions, no list of rows);
# then the blocking findings' marker (conventions.verdicts): the rows with their details and
# periods, their neighbours in force (ids, then rows and periods), the journals (2) and the
# hosts' counts (3).
REQUETES = 15


def _conventions(nombre: int) -> None:
    promo = fabriques.promotion(libelle=f"NDRC liste {nombre}", periodes=False)
    org = fabriques.organisme()
    for i in range(nombre):
        eleve = fabriques.etudiant(promotion=promo, nom=f"Eleve{i:02d}")
        fabriques.convention(etudiant_=eleve, organisme_=org)


@pytest.mark.parametrize("nombre", [3, 30])
def test_the_list_runs_the_same_queries_whatever_the_number_of_rows(
    nombre: int, clients: dict[str, Client], django_assert_num_queries: Any
) -> None:
    _conventions(nombre)
    with django_assert_num_queries(REQUETES):
        page = clients["administrateur"].get(URL)
    assert page.status_code == 200
    assert page.content.decode().count('href="/conventions/') >= min(nombre, 25)


def test_it_finds_a_convention_by_student_host_or_siren(clients: dict[str, Client]) -> None:
    org = fabriques.organisme(raison_sociale="Cave des Chartrons")
    ines = fabriques.etudiant(nom="Benali", prenom="Inès")
    fabriques.convention(etudiant_=ines, organisme_=org)
    fabriques.convention(etudiant_=fabriques.etudiant(nom="Durand"))
    client = clients["enseignant"]
    for recherche in ("benali", "inès benali", "chartrons", org.siren):
        page = client.get(URL, {"q": recherche}).content.decode()
        assert "Inès Benali" in page and "Lucas Durand" not in page, recherche
    assert "Aucune convention" in client.get(URL, {"q": "introuvable"}).content.decode()


def test_it_filters_by_status_and_by_who_must_act(
    administrateur: Utilisateur, clients: dict[str, Client]
) -> None:
    fabriques.convention(etudiant_=fabriques.etudiant(nom="Brouillon"))
    signee = fabriques.convention(etudiant_=fabriques.etudiant(nom="Signataire"))
    avancer(signee, Statut.EN_SIGNATURE, administrateur)
    client = clients["administrateur"]

    page = client.get(URL, {"statut": "en_signature"}).content.decode()
    assert "Signataire" in page and "Lucas Brouillon" not in page
    page = client.get(URL, {"attente": "section"}).content.decode()
    assert "Lucas Brouillon" in page and "Lucas Signataire" not in page
    assert "La section : le référent complète la convention" in page
    # An unknown filter value filters nothing rather than fail.
    assert client.get(URL, {"statut": "inconnu"}).status_code == 200


def test_its_headers_sort_and_say_so(clients: dict[str, Client]) -> None:
    fabriques.convention(etudiant_=fabriques.etudiant(nom="Zola"))
    fabriques.convention(etudiant_=fabriques.etudiant(nom="Adam"))
    page = clients["administrateur"].get(URL, {"tri": "etudiant"}).content.decode()
    assert page.index("Lucas Adam") < page.index("Lucas Zola")
    assert 'aria-sort="ascending"' in page and "?tri=-etudiant" in page
    page = clients["administrateur"].get(URL, {"tri": "-etudiant"}).content.decode()
    assert page.index("Lucas Zola") < page.index("Lucas Adam")
