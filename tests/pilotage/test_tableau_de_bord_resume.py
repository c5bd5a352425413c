"""More cohorts in training than a page can show (an académie's instance): the dashboard lists
them with their counts, each leading to its own dashboard, and builds none; its number of
queries does not grow with the number of cohorts."""

from __future__ import annotations

import re

import time_machine
from django.test import Client

from conventions.models import Statut
from pilotage.resume import PROMOTIONS_PAR_PAGE
from tests import fabriques
from tests.pilotage.outils import chef_de_travaux, requetes, valider
from tests.pilotage.test_tableau_de_bord import DECEMBRE, JANVIER, URL

ANNEE = "2025"


def _promotions(n: int, premiere: int = 0) -> list[object]:
    return [
        fabriques.promotion(annee_debut=2025 - (i % 2), libelle=f"Groupe {i:02d}")
        for i in range(premiere, premiere + n)
    ]


def _ligne(html: str, libelle: str) -> list[str]:
    """The counts of a cohort's row in the table (a phone gets the same in sentences)."""
    debut = html.index(f">{libelle}</a>", html.index("<tbody>"))
    ligne = html[debut : html.index("</tr>", debut)]
    return re.findall(r'<td class="fr-cell--right">(\d+)</td>', ligne)


def test_beyond_a_page_of_cohorts_it_lists_them_with_their_counts(
    db: None, clients: dict[str, Client]
) -> None:
    chef = chef_de_travaux()
    promos = _promotions(PROMOTIONS_PAR_PAGE + 1)
    premier = promos[0]
    alice = fabriques.etudiant(promotion=premier, nom="Arnaud", prenom="Alice")
    bruno = fabriques.etudiant(promotion=premier, nom="Bernard", prenom="Bruno")
    fabriques.etudiant(promotion=premier, nom="Chevalier", prenom="Chloé")
    valider(fabriques.convention(etudiant_=alice, periodes=JANVIER, auteur=chef), chef)
    fabriques.convention(etudiant_=bruno, periodes=JANVIER, auteur=chef)
    annulee = fabriques.convention(
        etudiant_=fabriques.etudiant(promotion=premier, nom="Dupuy", prenom="Denis"),
        periodes=JANVIER,
        auteur=chef,
    )
    annulee.statut = Statut.ANNULEE
    annulee.save(update_fields=["statut"])
    with time_machine.travel(DECEMBRE):
        html = clients["administrateur"].get(URL).content.decode()
    assert f"{PROMOTIONS_PAR_PAGE + 1} promotions sont en formation" in html
    # 4 students; 2 without a convention this year (Chloé, and Denis whose one is cancelled);
    # Bruno's draft in preparation; Alice's validated.
    assert _ligne(html, "Groupe 00") == ["4", "2", "1", "1"]
    assert _ligne(html, "Groupe 01") == ["0", "0", "0", "0"]
    assert (
        "4 étudiants, 2 sans convention cette année ; conventions : 1 en préparation, 1 validée ou signée."
        in html
    )
    assert f'href="?promotion={premier.pk}&amp;annee={ANNEE}"' in html  # type: ignore[attr-defined]
    # No cohort's dashboard is built.
    assert 'id="promotion-' not in html
    # Chosen, the cohort shows its full dashboard.
    with time_machine.travel(DECEMBRE):
        une = clients["administrateur"].get(URL, {"promotion": premier.pk}).content.decode()  # type: ignore[attr-defined]
    assert f'id="promotion-{premier.pk}"' in une and "Chevalier Chloé" in une  # type: ignore[attr-defined]


def test_up_to_a_page_of_cohorts_each_dashboard_is_shown(
    db: None, clients: dict[str, Client]
) -> None:
    promos = _promotions(PROMOTIONS_PAR_PAGE)
    with time_machine.travel(DECEMBRE):
        html = clients["administrateur"].get(URL).content.decode()
    assert "promotions sont en formation" not in html
    for p in promos:
        assert f'id="promotion-{p.pk}"' in html  # type: ignore[attr-defined]


def test_the_summary_s_queries_do_not_grow_with_the_cohorts(
    db: None, clients: dict[str, Client]
) -> None:
    chef = chef_de_travaux()
    for i, promo in enumerate(_promotions(PROMOTIONS_PAR_PAGE + 1)):
        eleve = fabriques.etudiant(promotion=promo, nom=f"Nom{i}", prenom="Élève")
        fabriques.convention(etudiant_=eleve, periodes=JANVIER, auteur=chef)
    with time_machine.travel(DECEMBRE):
        avant = requetes(clients["administrateur"], URL)
    for i, promo in enumerate(_promotions(8, premiere=20)):
        eleve = fabriques.etudiant(promotion=promo, nom=f"Autre{i}", prenom="Élève")
        fabriques.convention(etudiant_=eleve, periodes=JANVIER, auteur=chef)
    with time_machine.travel(DECEMBRE):
        assert requetes(clients["administrateur"], URL) == avant
