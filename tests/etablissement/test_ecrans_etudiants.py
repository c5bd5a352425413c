"""The list of students: search by name, INE or e-mail, filters, sort, pages, and a
constant number of queries."""

from __future__ import annotations

import re
from datetime import date

import pytest
import time_machine
from django.test import Client

from comptes.models import Utilisateur
from etablissement import services
from etablissement.models import Etudiant
from tests import fabriques
from tests.personas import *  # noqa: F403  (the persona fixtures)
from tests.pilotage.outils import requetes

URL = "/etudiants/"
LE = date(2026, 3, 2)


def _noms(html: str) -> list[str]:
    """The students' names in the table, in order."""
    return re.findall(r'<td><a href="/etudiants/\d+/">([^<]+)</a>', html)


def _liste(client: Client, **parametres: object) -> str:
    with time_machine.travel(LE):
        reponse = client.get(URL, parametres)
    assert reponse.status_code == 200
    return reponse.content.decode()


@pytest.fixture
def classe(db: None) -> dict[str, Etudiant]:
    promo = fabriques.promotion(annee_debut=2025, periodes=False)
    autre = fabriques.promotion(annee_debut=2024, libelle="NDRC 2024-2026", periodes=False)
    suivi_par = fabriques.enseignant(nom="Leroy", prenom="Marc")
    return {
        "lucas": fabriques.etudiant(
            promotion=promo,
            nom="Martin",
            prenom="Lucas",
            ine="123456789AB",
            classe="NDRC1 A",
            referent=suivi_par,
        ),
        # Minor until 1 September 2026.
        "ines": fabriques.etudiant(
            promotion=promo,
            nom="Benali",
            prenom="Inès",
            date_naissance=date(2008, 9, 1),
            email="ines.benali@example.org",
            classe="NDRC1 B",
        ),
        "yanis": fabriques.etudiant(
            promotion=autre, nom="Martinez", prenom="Yanis", classe="NDRC2 A"
        ),
        "parti": services.etudiant_archiver(
            etudiant=fabriques.etudiant(promotion=promo, nom="Durand", prenom="Léa")
        ),
    }


def test_it_lists_current_students_by_name_without_the_archived(
    classe: dict[str, Etudiant], clients: dict[str, Client]
) -> None:
    html = _liste(clients["enseignant"])
    assert _noms(html) == ["Benali Inès", "Martin Lucas", "Martinez Yanis"]
    assert "3 étudiants." in html
    assert '<span class="fr-badge fr-badge--sm fr-badge--warning">mineur</span>' in html


@pytest.mark.parametrize(
    ("recherche", "attendus"),
    [
        ("lucas mart", ["Martin Lucas"]),
        ("MARTIN", ["Martin Lucas", "Martinez Yanis"]),
        ("123 456 789 ab", ["Martin Lucas"]),
        ("ines.benali@", ["Benali Inès"]),
        ("martin 6789ab", ["Martin Lucas"]),  # a word may be a piece of the INE
    ],
)
def test_it_searches_names_ine_and_email(
    recherche: str, attendus: list[str], classe: dict[str, Etudiant], clients: dict[str, Client]
) -> None:
    html = _liste(clients["enseignant"], q=recherche)
    assert _noms(html) == attendus
    assert f"pour « {recherche} »" in html
    assert f'value="{recherche}"' in html  # the search stays in its field


def test_it_filters_by_cohort_class_and_referent(
    classe: dict[str, Etudiant], clients: dict[str, Client]
) -> None:
    client = clients["enseignant"]
    lucas, yanis = classe["lucas"], classe["yanis"]
    assert _noms(_liste(client, promotion=yanis.promotion_id)) == ["Martinez Yanis"]
    assert _noms(_liste(client, classe="NDRC1 B")) == ["Benali Inès"]
    assert _noms(_liste(client, referent=lucas.referent_id)) == ["Martin Lucas"]
    assert _noms(_liste(client, referent="aucun")) == ["Benali Inès", "Martinez Yanis"]


def test_it_filters_minors_of_today_and_the_archived(
    classe: dict[str, Etudiant], clients: dict[str, Client]
) -> None:
    client = clients["enseignant"]
    assert _noms(_liste(client, mineur="oui")) == ["Benali Inès"]
    assert _noms(_liste(client, mineur="non")) == ["Martin Lucas", "Martinez Yanis"]
    assert _noms(_liste(client, archive="oui")) == ["Durand Léa"]
    assert len(_noms(_liste(client, archive="tous"))) == 4


def test_an_unknown_filter_value_is_left_out_not_the_others(
    classe: dict[str, Etudiant], clients: dict[str, Client]
) -> None:
    html = _liste(clients["enseignant"], promotion="99999", classe="NDRC1 A")
    assert _noms(html) == ["Martin Lucas"]


def test_it_sorts_and_marks_the_sorted_column_for_screen_readers(
    classe: dict[str, Etudiant], clients: dict[str, Client]
) -> None:
    html = _liste(clients["enseignant"], tri="-naissance")
    assert _noms(html) == ["Benali Inès", "Martinez Yanis", "Martin Lucas"]
    assert re.search(r'<th scope="col" aria-sort="descending"><a [^>]*href="\?tri=naissance"', html)
    assert html.count("aria-sort=") == 1
    assert "triés par date de naissance, ordre décroissant" in html
    # The filters keep the sort; the sort links keep the filters.
    html = _liste(clients["enseignant"], tri="classe", mineur="non")
    assert '<input type="hidden" name="tri" value="classe">' in html
    assert (
        'href="?tri=-classe&amp;mineur=non"' in html or 'href="?mineur=non&amp;tri=-classe"' in html
    )


def test_it_shows_25_students_a_page(db: None, clients: dict[str, Client]) -> None:
    fabriques.etudiants(fabriques.promotion(periodes=False), 30)
    premiere = _liste(clients["enseignant"])
    assert len(_noms(premiere)) == 25
    assert "30 étudiants, page 1 sur 2." in premiere
    assert 'class="fr-pagination"' in premiere
    assert 'href="?tri=-nom&amp;page=2"' not in premiere and 'href="?page=2"' in premiere
    seconde = _liste(clients["enseignant"], page=2, tri="-nom")
    assert _noms(seconde) == [f"Etudiant{i:02d} Lucas" for i in range(5, 0, -1)]
    # The page links keep the sort; the last page's "next" leads nowhere, and says so.
    assert 'href="?page=1&amp;tri=-nom"' in seconde or 'href="?tri=-nom&amp;page=1"' in seconde
    assert 'aria-disabled="true" role="link">Page suivante</a>' in seconde


def test_only_administrators_are_offered_to_create_a_student(
    classe: dict[str, Etudiant], clients: dict[str, Client]
) -> None:
    assert "/etudiants/nouveau/" in _liste(clients["administrateur"])
    assert "/etudiants/nouveau/" not in _liste(clients["enseignant"])


def test_a_student_account_is_refused(clients: dict[str, Client]) -> None:
    assert clients["etudiant"].get(URL).status_code == 403


def _convention(etudiant: Etudiant) -> None:
    # A host without headcounts and the student's référent: quicker to build, same rows.
    fabriques.convention(
        etudiant_=etudiant,
        organisme_=fabriques.organisme(effectif=None),
        referent=etudiant.referent,
    )


def test_it_runs_as_many_queries_for_3_students_as_for_30(
    db: None, administrateur: Utilisateur
) -> None:
    client = Client()
    client.force_login(administrateur)
    promo = fabriques.promotion(periodes=False)
    referent = fabriques.enseignant()
    for etudiant in fabriques.etudiants(promo, 3, referent=referent, classe="NDRC1 A"):
        _convention(etudiant)
    requetes(client, URL)  # the session, once
    trois = requetes(client, URL)
    autre = fabriques.promotion(annee_debut=2024, libelle="NDRC 2024-2026", periodes=False)
    for etudiant in fabriques.etudiants(
        autre, 27, referent=fabriques.enseignant(), classe="NDRC2 B"
    ):
        _convention(etudiant)
    trente = requetes(client, URL)
    assert Etudiant.objects.count() == 30
    assert trois == trente, (trois, trente)
    print("requêtes de la liste des étudiants :", trois)
