"""The monthly schedule: regles-stage.md §8 vectors M (minimum amounts) and S (franchise)."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from regles.echeancier import echeancier
from regles.modele import Methode
from regles.presence import Jour
from tests.regles.fabrique import convention, heures, minimum_legal, par_heure, par_mois

D = Decimal


def jours_du_mois(annee: int, mois: int, total_heures: float | int) -> list[Jour]:
    """`total_heures` spread as 7 h days from the 1st of the month (last day takes the rest)."""
    restant, jour, jours = heures(total_heures), date(annee, mois, 1), []
    while restant > 0:
        jours.append(Jour(jour, min(420, restant)))
        restant -= min(420, restant)
        jour += timedelta(days=1)
    return jours


def toujours(_: date) -> bool:
    return True


def jamais(_: date) -> bool:
    return False


def test_m1_official_example_real_hours_and_smoothed() -> None:
    """M1, service-public F32131: 2024, 154 h + 147 h + 147 h, rate 4,35 €."""
    jours = jours_du_mois(2024, 1, 154) + jours_du_mois(2024, 2, 147) + jours_du_mois(2024, 3, 147)
    c = convention("m1", (date(2024, 1, 1), date(2024, 3, 31)), date_signature=date(2023, 12, 1))
    reel = echeancier(c, jours, obligatoire=toujours)
    assert [m.minimum_reel for m in reel.mois] == [D("669.90"), D("639.45"), D("639.45")]
    assert reel.minimum_reel_total == D("1948.80")
    assert [m.minimum_lisse for m in reel.mois] == [D("649.60")] * 3


@pytest.mark.parametrize(
    ("annee", "mois", "signature", "total_heures", "attendu"),
    [
        (2022, 5, date(2022, 1, 10), 140, D("546.00")),  # M2: 140 h × 3,90
        (2026, 3, date(2026, 1, 10), 147, D("661.50")),  # M4: 147 h × 4,50
        (2018, 3, date(2018, 1, 10), 154, D("577.50")),  # M5: the brochure's 3,75 €
        (2015, 3, date(2014, 11, 15), 10, D("30.00")),  # M6: signed before 1 Dec 2014: 12,5 % × 24
        (2015, 3, date(2015, 1, 15), 10, D("33.00")),  # M7: signed 1 Dec 2014–31 Aug 2015: 13,75 %
        (2015, 10, date(2015, 9, 1), 10, D("36.00")),  # M8: signed from 1 Sep 2015: 15 % × 24
    ],
    ids=["M2", "M4", "M5", "M6", "M7", "M8"],
)
def test_monthly_minimum(
    annee: int, mois: int, signature: date, total_heures: int, attendu: Decimal
) -> None:
    c = convention("m", (date(annee, mois, 1), date(annee, mois, 28)), date_signature=signature)
    plan = echeancier(c, jours_du_mois(annee, mois, total_heures), obligatoire=toujours)
    assert plan.mois[0].minimum_reel == attendu


def test_m3_2025_quarter_of_441_hours() -> None:
    """M3: 2025, 22 + 20 + 21 days of 7 h = 441 h × 4,35 = 1 918,35."""
    jours = jours_du_mois(2025, 1, 154) + jours_du_mois(2025, 2, 140) + jours_du_mois(2025, 3, 147)
    c = convention("m3", (date(2025, 1, 1), date(2025, 3, 31)), date_signature=date(2024, 12, 1))
    assert echeancier(c, jours, obligatoire=toujours).minimum_reel_total == D("1918.35")


def test_m11_shortfall_when_the_host_pays_less_than_the_minimum() -> None:
    """M11: mandatory, 154 h in a 2026 month, 600,00 paid: minimum 693,00, shortfall 93,00."""
    c = convention("m11", (date(2026, 3, 1), date(2026, 3, 31)), gratification=par_mois("600"))
    plan = echeancier(c, jours_du_mois(2026, 3, 154), obligatoire=toujours)
    assert (plan.mois[0].minimum_reel, plan.mois[0].verse, plan.mois[0].ecart) == (
        D("693.00"),
        D("600"),
        D("93.00"),
    )


def test_m12_optional_stage_paying_nothing_is_compliant() -> None:
    """M12: optional gratification (200 h), nothing paid: no shortfall."""
    c = convention("m12", (date(2026, 3, 1), date(2026, 3, 31)))
    plan = echeancier(c, jours_du_mois(2026, 3, 200), obligatoire=jamais)
    assert plan.ecart_total == 0 and plan.verse_total == 0


def test_a_flat_rate_below_the_new_years_minimum_falls_short_from_january() -> None:
    """R-GRAT-5: 4,35 €/h signed in 2025 is short in January 2026 (PHSS 30 → 4,50)."""
    jours = jours_du_mois(2025, 12, 70) + jours_du_mois(2026, 1, 70)
    c = convention(
        "g",
        (date(2025, 12, 1), date(2026, 1, 31)),
        date_signature=date(2025, 11, 1),
        gratification=par_heure("4.35"),
    )
    plan = echeancier(c, jours, obligatoire=toujours)
    assert [m.ecart for m in plan.mois] == [D("0.00"), D("10.50")]


@pytest.mark.parametrize(
    ("heures_mois", "verse", "franchise", "excedent"),
    [
        (140, "700", D("630.00"), D("70.00")),  # S1: 140 h in 2026, 700 paid
        (154, "693", D("693.00"), D("0.00")),  # S2: 154 h, exactly the minimum
        (140, "300", D("630.00"), D("0")),  # S3: an optional 300 € is fully exempt
    ],
    ids=["S1", "S2", "S3"],
)
def test_franchise_and_excess_2026(
    heures_mois: int, verse: str, franchise: Decimal, excedent: Decimal
) -> None:
    c = convention("s", (date(2026, 3, 1), date(2026, 3, 31)), gratification=par_mois(verse))
    mois = echeancier(c, jours_du_mois(2026, 3, heures_mois), obligatoire=jamais).mois[0]
    assert (mois.franchise, mois.excedent) == (franchise, excedent)
    assert mois.exonere + mois.excedent == mois.verse


def test_s5_2025_franchise_and_excess() -> None:
    """S5: 2025, 154 h, 800 paid: franchise 669,90, excess 130,10."""
    c = convention("s5", (date(2025, 3, 1), date(2025, 3, 31)), gratification=par_mois("800"))
    mois = echeancier(c, jours_du_mois(2025, 3, 154), obligatoire=jamais).mois[0]
    assert (mois.franchise, mois.excedent) == (D("669.90"), D("130.10"))


def test_contributions_are_asked_only_for_an_excess() -> None:
    appels: list[tuple[Decimal, date]] = []

    def cotiser(excedent: Decimal, mois: date) -> tuple[Decimal, Decimal]:
        appels.append((excedent, mois))
        return D("1"), D("2")

    c = convention("s", (date(2026, 3, 1), date(2026, 4, 30)), gratification=par_mois("700"))
    plan = echeancier(
        c,
        jours_du_mois(2026, 3, 140) + jours_du_mois(2026, 4, 156),
        obligatoire=jamais,
        cotiser=cotiser,
    )
    assert appels == [(D("70.00"), date(2026, 3, 1))]
    assert (plan.mois[0].cotisations_stagiaire, plan.mois[1].cotisations_organisme) == (
        D("1"),
        D("0"),
    )


mois_heures = st.lists(st.integers(min_value=1, max_value=200 * 60), min_size=1, max_size=14)


@settings(max_examples=200, deadline=None)
@given(mois_heures, st.sampled_from([2023, 2024, 2025, 2026]))
def test_smoothed_total_equals_real_hours_total(minutes_par_mois: list[int], annee: int) -> None:
    """Smoothing moves money between months, never changes the total (R-GRAT-6)."""
    jours = [Jour(date(annee + i // 12, i % 12 + 1, 1), m) for i, m in enumerate(minutes_par_mois)]
    c = convention(
        "p", (jours[0].jour, jours[-1].jour), gratification=minimum_legal(Methode.LISSEE)
    )
    plan = echeancier(c, jours, obligatoire=toujours)
    assert sum(m.minimum_lisse for m in plan.mois) == plan.minimum_reel_total
    assert plan.verse_total == plan.minimum_reel_total
    assert plan.ecart_total == 0


@settings(max_examples=200, deadline=None)
@given(mois_heures, st.decimals(min_value=0, max_value=3000, places=2))
def test_exempt_part_plus_excess_is_what_is_paid(
    minutes_par_mois: list[int], montant: Decimal
) -> None:
    jours = [
        Jour(date(2026, 1, 1) + timedelta(days=31 * i), m)
        for i, m in enumerate(minutes_par_mois[:12])
    ]
    c = convention("p", (jours[0].jour, jours[-1].jour), gratification=par_mois(str(montant)))
    for mois in echeancier(c, jours, obligatoire=jamais).mois:
        assert mois.exonere + mois.excedent == mois.verse
        assert mois.excedent >= 0 and mois.exonere <= mois.franchise
