"""Contributions for any month since 2015: every parameter they read has a dated value back
to the PSS's first year, and the rates of the years before 2023 are the law's of each year."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

import pytest

from regles.cotisations import STAGIAIRE, estimer_cotisations


def test_ten_thousand_random_cases_over_144_months_all_compute() -> None:
    rng = random.Random(2015)
    mois_vus = set()
    for _ in range(10_000):
        mois = date(rng.randint(2015, 2026), rng.randint(1, 12), 1)
        mois_vus.add(mois)
        resultat = estimer_cotisations(
            excedent=Decimal(rng.randint(0, 150_000)) / 100,
            mois=mois,
            effectif=rng.choice([None, 3, 10, 11, 19, 20, 45, 50, 80, 200]),
            taux_atmp=rng.choice([None, Decimal(rng.randint(60, 600)) / 10_000]),
        )
        assert resultat.stagiaire >= 0 and resultat.organisme >= 0
    assert len(mois_vus) == 144


@pytest.mark.parametrize(
    ("mois", "effectif", "stagiaire", "organisme"),
    [
        # 2015, 4 staff: intern 6,85 + 0,30 + maladie 0,75 + CSG 7,5 % and CRDS 0,5 % of 98,25;
        # host 12,80 + 8,50 + 1,80 + 5,25 + AT/MP 2,22 + FNAL 0,10 + CSA 0,30 + 0,55 + TA 0,68.
        (date(2015, 6, 1), 4, "15.76", "32.20"),
        # 2019, 25 staff: FNAL at 0,50 % and PEEC from 20 staff (before PACTE), CSG 9,2 %.
        (date(2019, 6, 1), 25, "16.83", "33.85"),
        # 2020, 25 staff: the threshold is 50 (PACTE), TA split into 0,59 % + 0,09 %.
        (date(2020, 6, 1), 25, "16.83", "32.99"),
    ],
)
def test_rates_of_the_years_before_2023(
    mois: date, effectif: int, stagiaire: str, organisme: str
) -> None:
    resultat = estimer_cotisations(excedent=Decimal(100), mois=mois, effectif=effectif)
    assert (resultat.stagiaire, resultat.organisme) == (Decimal(stagiaire), Decimal(organisme))


def test_the_interns_health_contribution_ends_in_2018() -> None:
    def maladie(mois: date) -> list[Decimal]:
        lignes = estimer_cotisations(excedent=Decimal(100), mois=mois, effectif=4).lignes
        return [
            ligne.taux
            for ligne in lignes
            if ligne.redevable == STAGIAIRE and ligne.code == "maladie"
        ]

    assert maladie(date(2017, 12, 1)) == [Decimal("0.0075")]
    assert maladie(date(2018, 1, 1)) == []
