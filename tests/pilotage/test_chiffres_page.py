"""The figures page: two years side by side, each figure's chart (SVG with its title and
description) and table, its CSV and XLSX, the year chosen by default, bad input, and a number
of queries that does not grow with the students."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from decimal import Decimal

import pytest
import time_machine
from django.test import Client
from openpyxl import load_workbook

from comptes.models import Utilisateur
from pilotage.chiffres.calcul import chiffres
from tests.pilotage.chiffres_donnees import plus_d_etudiants, section
from tests.pilotage.outils import requetes

URL = "/chiffres/"


@pytest.fixture
def admin(db: None, administrateur: Utilisateur) -> Client:
    client = Client()
    client.force_login(administrateur)
    return client


def _placement(annee: int, comparee: int | None = None) -> dict[str, tuple[object, ...]]:
    figure = next(f for f in chiffres(annee, comparee) if f.cle == "placement")
    return {ligne.libelle: ligne.valeurs for ligne in figure.lignes}


def test_two_years_side_by_side(db: None) -> None:
    section()
    # 2024-2025: Dan's cohort in 1re année, Dan placed in January 2025.
    assert _placement(2024) == {
        "1re année — Stage de janvier": (Decimal(100), 1, 1, "NDRC 2024-2026"),
        "1re année — Stage de mai-juin": (Decimal(0), 0, 1, "NDRC 2024-2026"),
    }
    figure = next(f for f in chiffres(2025, 2024) if f.cle == "placement")
    assert figure.colonnes[:2] == (
        "Taux de placement (%) (2025-2026)",
        "Taux de placement (%) (2024-2025)",
    )
    lignes = {ligne.libelle: ligne.valeurs for ligne in figure.lignes}
    assert lignes["1re année — Stage de janvier"] == (
        Decimal(67),
        Decimal(100),
        2,
        1,
        3,
        1,
        "NDRC 2025-2027",
        "NDRC 2024-2026",
    )
    # A row of one year only: the other's cells are empty.
    assert lignes["2e année — Stage de novembre"] == (
        Decimal(0),
        None,
        0,
        None,
        1,
        None,
        "NDRC 2024-2026",
        None,
    )
    # The chart draws the rate of both years, row by row.
    assert [s.nom for s in figure.series] == ["2025-2026", "2024-2025"]
    assert figure.series[0].valeurs == (67.0, 0.0, 0.0, 0.0)
    assert figure.series[1].valeurs == (100.0, 0.0, None, None)


def test_a_rule_s_article_is_written_once_when_comparing(db: None) -> None:
    section()
    figure = next(f for f in chiffres(2025, 2024) if f.cle == "blocages")
    assert figure.colonnes == ("Conventions (2025-2026)", "Conventions (2024-2025)", "Article")
    assert [(x.libelle, x.valeurs) for x in figure.lignes] == [
        ("Mentions obligatoires manquantes dans la convention", (1, None, "C. éduc. D124-4"))
    ]


def test_the_page_draws_each_figure_with_its_table(admin: Client) -> None:
    section()
    reponse = admin.get(URL, {"annee": "2025", "comparer": "2024"})
    assert reponse.status_code == 200
    html = reponse.content.decode()
    for cle in (
        "placement",
        "jours",
        "secteurs",
        "tailles",
        "fidelite",
        "gratifications",
        "evaluations",
        "delais",
        "blocages",
    ):
        assert f'<section id="{cle}"' in html
        assert f'href="/chiffres/{cle}.csv?annee=2025&amp;comparer=2024"' in html
        assert f'href="/chiffres/{cle}.xlsx?annee=2025&amp;comparer=2024"' in html
    debut = html.index('<section id="placement"')
    placement = html[debut : html.index("</section>", debut)]
    assert 'role="img"' in placement
    assert re.search(
        r"<desc [^>]*>1re année — Stage de janvier : 67 % en 2025-2026, 100 % en 2024-2025 ;",
        placement,
    )
    assert "<td>67</td>" in placement
    # The table's header on two rows: each measure over its two years.
    assert '<th scope="colgroup" colspan="2">Taux de placement (%)</th>' in placement
    assert placement.count('<th scope="col">2024-2025</th>') == 4
    assert "Aucune autre année" in html
    # The staff menu leads here.
    assert 'href="/chiffres/"' in html


def test_the_current_school_year_by_default_and_bad_input(admin: Client) -> None:
    section()
    with time_machine.travel(date(2026, 1, 15), tick=False):
        defaut = admin.get(URL).content.decode()
        absurde = admin.get(URL, {"annee": "deux mille", "comparer": "1900"})
    assert "Chiffres de la section, 2025-2026 —" in defaut
    # Unreadable or unknown years: the current one, nothing compared, never an error.
    assert absurde.status_code == 200
    assert "Chiffres de la section, 2025-2026 —" in absurde.content.decode()


def test_csv_export(admin: Client) -> None:
    section()
    reponse = admin.get("/chiffres/placement.csv", {"annee": "2025", "comparer": "2024"})
    assert reponse.status_code == 200
    assert (
        reponse["Content-Disposition"] == 'attachment; filename="chiffres-placement-2025-2024.csv"'
    )
    contenu = reponse.content
    assert contenu.startswith("\ufeff".encode())
    lignes = list(csv.reader(io.StringIO(contenu.decode("utf-8-sig")), delimiter=";"))
    assert lignes[0][:3] == [
        "Période",
        "Taux de placement (%) (2025-2026)",
        "Taux de placement (%) (2024-2025)",
    ]
    assert lignes[1] == [
        "1re année — Stage de janvier",
        "67",
        "100",
        "2",
        "1",
        "3",
        "1",
        "NDRC 2025-2027",
        "NDRC 2024-2026",
    ]
    # A row of 2025-2026 only: the other year's cells are empty.
    assert lignes[3] == [
        "2e année — Stage de novembre",
        "0",
        "",
        "0",
        "",
        "1",
        "",
        "NDRC 2024-2026",
        "",
    ]


def test_xlsx_export(admin: Client) -> None:
    section()
    reponse = admin.get("/chiffres/delais.xlsx", {"annee": "2025"})
    assert reponse.status_code == 200
    feuille = load_workbook(io.BytesIO(reponse.content)).worksheets[0]
    rangees = list(feuille.iter_rows(values_only=True))
    assert rangees[0] == ("Délai", "Conventions")
    assert rangees[1:] == [
        ("Moins d'une semaine", 1),
        ("1 à 2 semaines", 0),
        ("2 à 4 semaines", 1),
        ("4 à 8 semaines", 0),
        ("8 semaines ou plus", 0),
    ]


def test_every_figure_exports_in_both_formats(admin: Client) -> None:
    section()
    for figure in chiffres(2025, 2024):
        donnees = {"annee": "2025", "comparer": "2024"}
        xlsx = admin.get(f"/chiffres/{figure.cle}.xlsx", donnees)
        rangees = list(load_workbook(io.BytesIO(xlsx.content)).worksheets[0].values)
        assert rangees[0] == (figure.entete, *figure.colonnes)
        assert len(rangees) == len(figure.lignes) + 1
        texte = admin.get(f"/chiffres/{figure.cle}.csv", donnees).content.decode("utf-8-sig")
        assert len(list(csv.reader(io.StringIO(texte), delimiter=";"))) == len(figure.lignes) + 1


def test_unknown_figure_or_format(admin: Client) -> None:
    assert admin.get("/chiffres/inconnu.csv").status_code == 404
    assert admin.get("/chiffres/placement.pdf").status_code == 404


def test_queries_do_not_grow_with_the_students(admin: Client) -> None:
    section()
    donnees = {"annee": "2025", "comparer": "2024"}
    peu = requetes(admin, URL, donnees)
    plus_d_etudiants(6)
    assert requetes(admin, URL, donnees) == peu
