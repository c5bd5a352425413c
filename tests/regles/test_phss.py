"""The hourly social-security ceiling (PHSS) is the monthly ceiling (PSS) turned into hours.

CSS art. D242-19: the hourly ceiling is the monthly ceiling × 12 / 1 607 hours, rounded to the
euro (regles-stage.md, R-GRAT-4; OpenFisca-France, note of plafond_securite_sociale_horaire). The file keeps the published value; this test
derives it from the stored PSS of the same date, so a wrong year in either table shows.
"""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pytest

from regles.parametres import parametres

# CSS art. D242-19: months in a year and the legal annual working time it divides by.
MOIS_PAR_AN = 12
HEURES_ANNUELLES = 1607


def phss_derive(pss: Decimal) -> Decimal:
    """The PHSS the law derives from a monthly PSS: rounded to the nearest euro."""
    return (pss * MOIS_PAR_AN / HEURES_ANNUELLES).quantize(Decimal(1), rounding=ROUND_HALF_UP)


def dates_phss() -> list[date]:
    return list(parametres()["securite_sociale.plafond_horaire"].dates)


def test_every_phss_date_has_a_pss_and_every_pss_date_a_phss() -> None:
    horaire = parametres()["securite_sociale.plafond_horaire"]
    mensuel = parametres()["securite_sociale.plafond_mensuel"]
    assert horaire.dates == mensuel.dates


@pytest.mark.parametrize("jour", dates_phss(), ids=lambda jour: str(jour.year))
def test_the_stored_phss_is_the_pss_times_12_over_1607_rounded_to_the_euro(jour: date) -> None:
    p = parametres()
    pss = p.decimal("securite_sociale.plafond_mensuel", jour)
    assert p.decimal("securite_sociale.plafond_horaire", jour) == phss_derive(pss)


def test_the_rounding_is_to_the_nearest_euro_not_up_nor_down() -> None:
    # The published years tell the rule apart: 2016 (24,03) rules out rounding up, 2018
    # (24,72) rounding down. The derivation above must keep matching both.
    p = parametres()
    brut = {
        annee: p.decimal("securite_sociale.plafond_mensuel", date(annee, 1, 1))
        * MOIS_PAR_AN
        / HEURES_ANNUELLES
        for annee in (2016, 2018)
    }
    assert brut[2016] % 1 < Decimal("0.5") < brut[2018] % 1
    for annee, valeur in brut.items():
        publie = p.decimal("securite_sociale.plafond_horaire", date(annee, 1, 1))
        assert publie == valeur.quantize(Decimal(1), rounding=ROUND_HALF_UP)
