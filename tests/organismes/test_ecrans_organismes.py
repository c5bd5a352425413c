"""The list of hosts: search by name, SIREN, SIRET or town, size band, sort, pages, and a
constant number of queries."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.test import Client

from comptes.models import Utilisateur
from organismes import services
from organismes.models import OrganismeAccueil
from tests import fabriques
from tests.personas import *  # noqa: F403  (the persona fixtures)
from tests.pilotage.outils import requetes

URL = "/organismes/"


def _noms(html: str) -> list[str]:
    return re.findall(r'<td><a href="/organismes/\d+/">([^<]+)</a>', html)


def _liste(client: Client, **parametres: object) -> str:
    reponse = client.get(URL, parametres)
    assert reponse.status_code == 200
    return reponse.content.decode()


@pytest.fixture
def hotes(db: None) -> dict[str, OrganismeAccueil]:
    quai = fabriques.organisme(raison_sociale="Quai des Affaires", effectif=12, ville="Bordeaux")
    fabriques.etablissement_accueil(organisme=quai, ville="Mérignac")
    return {
        "quai": quai,
        "garonne": fabriques.organisme(
            raison_sociale="Garonne Immobilier", effectif=45, ville="Bègles"
        ),
        "chartrons": fabriques.organisme(
            raison_sociale="Chartrons Distribution", effectif=300, ville="Bordeaux"
        ),
        "inconnu": fabriques.organisme(raison_sociale="Atelier Saint-Michel", effectif=None),
    }


def test_it_lists_hosts_by_name_with_their_latest_headcount(
    hotes: dict[str, OrganismeAccueil], clients: dict[str, Client]
) -> None:
    html = _liste(clients["enseignant"])
    assert _noms(html) == [
        "Atelier Saint-Michel",
        "Chartrons Distribution",
        "Garonne Immobilier",
        "Quai des Affaires",
    ]
    ligne = html[html.index("Quai des Affaires") :]
    cellules = re.findall(r"<td>(.*?)</td>", ligne[: ligne.index("</tr>")], re.S)
    assert cellules[0] == hotes["quai"].siren
    assert "12" in cellules[2] and "août 2027" in cellules[2]  # the latest month declared
    assert cellules[3] == "2"  # two sites
    assert "non déclaré" in html


@pytest.mark.parametrize(
    ("cle", "recherche", "attendus"),
    [
        (None, "garonne", ["Garonne Immobilier"]),
        # Any case, with or without accents; every word must be found.
        (None, "GARONNE", ["Garonne Immobilier"]),
        (None, "quai affaires", ["Quai des Affaires"]),
        (None, "SAINT michel", ["Atelier Saint-Michel"]),
        (None, "sâint-michél", ["Atelier Saint-Michel"]),
        (None, "garonne affaires", []),
        ("quai", "siren", ["Quai des Affaires"]),
        ("quai", "siret", ["Quai des Affaires"]),
        (None, "Mérignac", ["Quai des Affaires"]),  # the town of a site
        (
            None,
            "bordeaux",
            [
                "Atelier Saint-Michel",
                "Chartrons Distribution",
                "Garonne Immobilier",
                "Quai des Affaires",
            ],
        ),
    ],
)
def test_it_searches_name_siren_siret_and_town(
    cle: str | None,
    recherche: str,
    attendus: list[str],
    hotes: dict[str, OrganismeAccueil],
    clients: dict[str, Client],
) -> None:
    if cle is not None:
        hote = hotes[cle]
        site = hote.etablissements.order_by("siret").first()
        assert site is not None
        # Typed the way it is printed: 552 081 317, 552 081 317 00012.
        brut = hote.siren if recherche == "siren" else site.siret
        recherche = " ".join([brut[:3], brut[3:6], brut[6:]])
        if len(brut) == 14:
            recherche = f"{brut[:3]} {brut[3:6]} {brut[6:9]} {brut[9:]}"
    assert _noms(_liste(clients["enseignant"], q=recherche)) == attendus


@pytest.mark.parametrize(
    ("taille", "attendus"),
    [
        ("moins_20", ["Quai des Affaires"]),
        ("20_49", ["Garonne Immobilier"]),
        ("250_plus", ["Chartrons Distribution"]),
        ("inconnu", ["Atelier Saint-Michel"]),
    ],
)
def test_it_filters_by_size_band(
    taille: str, attendus: list[str], hotes: dict[str, OrganismeAccueil], clients: dict[str, Client]
) -> None:
    assert _noms(_liste(clients["enseignant"], taille=taille)) == attendus


def test_the_band_is_the_latest_month_declared(
    hotes: dict[str, OrganismeAccueil], clients: dict[str, Client]
) -> None:
    services.effectif_enregistrer(organisme=hotes["quai"], mois=date(2027, 9, 1), personnes=25)
    assert _noms(_liste(clients["enseignant"], taille="20_49")) == [
        "Garonne Immobilier",
        "Quai des Affaires",
    ]


def test_it_sorts_by_headcount_unknown_first_on_every_database(
    hotes: dict[str, OrganismeAccueil], clients: dict[str, Client]
) -> None:
    html = _liste(clients["enseignant"], tri="effectif")
    assert _noms(html) == [
        "Atelier Saint-Michel",
        "Quai des Affaires",
        "Garonne Immobilier",
        "Chartrons Distribution",
    ]
    assert re.search(r'<th scope="col" aria-sort="ascending"><a [^>]*href="\?tri=-effectif"', html)
    assert _noms(_liste(clients["enseignant"], tri="-effectif"))[0] == "Chartrons Distribution"


def test_it_shows_25_hosts_a_page(db: None, clients: dict[str, Client]) -> None:
    for i in range(27):
        fabriques.organisme(raison_sociale=f"Organisme {i:02d}", effectif=None)
    assert len(_noms(_liste(clients["enseignant"]))) == 25
    assert _noms(_liste(clients["enseignant"], page=2)) == ["Organisme 25", "Organisme 26"]


def test_a_student_account_is_refused(clients: dict[str, Client]) -> None:
    assert clients["etudiant"].get(URL).status_code == 403


def test_it_runs_as_many_queries_for_3_hosts_as_for_30(
    db: None, administrateur: Utilisateur
) -> None:
    client = Client()
    client.force_login(administrateur)
    referent = fabriques.enseignant()

    def hote_avec_une_convention() -> None:
        # One month of headcount is enough for the column; 24 would be slow to build.
        hote = fabriques.organisme(effectifs={date(2026, 1, 1): 12})
        fabriques.convention(organisme_=hote, referent=referent)

    for _ in range(3):
        hote_avec_une_convention()
    requetes(client, URL)  # the session, once
    trois = requetes(client, URL)
    for _ in range(27):
        hote_avec_une_convention()
    trente = requetes(client, URL)
    assert OrganismeAccueil.objects.count() == 30
    assert trois == trente, (trois, trente)
    print("requêtes de la liste des organismes :", trois)
