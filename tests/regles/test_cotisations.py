"""Contributions on the excess of a gratification (R-SOC-2, R-SOC-3; vectors S1-S5)."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from regles.cotisations import (
    ORGANISME,
    STAGIAIRE,
    Cotisations,
    LigneCotisation,
    estimer_cotisations,
)
from regles.format import arrondi_centime
from regles.franchise import franchise, ventiler
from regles.parametres import ParametreNonEnVigueur

SIGNATURE = date(2022, 9, 1)  # before every month tested, after 1 Sept 2015: 15 % of the PHSS


def lignes(cotisations: Cotisations, redevable: str) -> dict[str, LigneCotisation]:
    par_code = {ligne.code: ligne for ligne in cotisations.lignes if ligne.redevable == redevable}
    assert len(par_code) == sum(ligne.redevable == redevable for ligne in cotisations.lignes)
    return par_code


def taux(cotisations: Cotisations, redevable: str) -> dict[str, Decimal]:
    return {code: ligne.taux for code, ligne in lignes(cotisations, redevable).items()}


def assiette(cotisations: Cotisations, redevable: str, code: str) -> Decimal:
    return lignes(cotisations, redevable)[code].assiette


@pytest.mark.parametrize(
    ("mois", "heures", "verse", "exonere", "excedent", "stagiaire", "organisme"),
    [
        pytest.param(
            date(2026, 3, 1), 140, "700.00", "630.00", "70.00", "11.78", "22.83",
            id="S1 70 of excess in 2026: URSSAF's simulator gives 11,781 and 22,834",
        ),
        pytest.param(
            date(2026, 3, 1), 154, "693.00", "693.00", "0.00", "0.00", "0.00",
            id="S2 paid exactly the franchise: nothing due",
        ),
        pytest.param(
            date(2026, 3, 1), 140, "300.00", "300.00", "0.00", "0.00", "0.00",
            id="S3 optional gratification under the franchise: exempt too",
        ),
        pytest.param(
            date(2025, 3, 1), 154, "800.00", "669.90", "130.10", "21.90", "42.37",
            id="S5 2025 rates: vieillesse deplafonnee 2,02 %, AT/MP 2,12 %",
        ),
    ],
)  # fmt: skip
def test_the_s_vectors(
    mois: date,
    heures: int,
    verse: str,
    exonere: str,
    excedent: str,
    stagiaire: str,
    organisme: str,
) -> None:
    limite = franchise(minutes=heures * 60, signature=SIGNATURE, mois=mois)
    assert ventiler(verse=Decimal(verse), franchise=limite) == (Decimal(exonere), Decimal(excedent))
    cotisations = estimer_cotisations(excedent=Decimal(excedent), mois=mois, effectif=4)
    assert (cotisations.stagiaire, cotisations.organisme) == (
        Decimal(stagiaire),
        Decimal(organisme),
    )


def test_s1_splits_into_vieillesse_and_csg_crds_and_rounds_only_the_totals() -> None:
    cotisations = estimer_cotisations(excedent=Decimal("70.00"), mois=date(2026, 3, 1), effectif=4)
    stagiaire = {code: ligne.montant for code, ligne in lignes(cotisations, STAGIAIRE).items()}
    vieillesse = stagiaire["vieillesse_plafonnee"] + stagiaire["vieillesse_deplafonnee"]
    csg_crds = stagiaire["csg_deductible"] + stagiaire["csg_non_deductible"] + stagiaire["crds"]
    assert (arrondi_centime(vieillesse), arrondi_centime(csg_crds)) == (
        Decimal("5.11"),
        Decimal("6.67"),
    )
    # Rounding each of the host's lines first would give 22,85.
    lignes_arrondies = sum(
        arrondi_centime(ligne.montant) for ligne in lignes(cotisations, ORGANISME).values()
    )
    assert lignes_arrondies == Decimal("22.85")
    assert cotisations.organisme == Decimal("22.83")


@pytest.mark.parametrize(
    ("effectif", "fnal", "formation", "peec", "versement_mobilite"),
    [
        pytest.param(
            None, "0.001", "0.0055", False, False, id="unknown headcount: the smallest size"
        ),
        pytest.param(
            10, "0.001", "0.0055", False, False, id="10: reduced rates, no versement mobilite"
        ),
        pytest.param(
            11, "0.001", "0.01", False, True, id="11: formation 1 % and versement mobilite"
        ),
        pytest.param(49, "0.001", "0.01", False, True, id="49: FNAL still reduced, no PEEC"),
        pytest.param(50, "0.005", "0.01", True, True, id="50: FNAL 0,50 % and PEEC"),
    ],
)
def test_the_headcount_thresholds(
    effectif: int | None, fnal: str, formation: str, peec: bool, versement_mobilite: bool
) -> None:
    cotisations = estimer_cotisations(
        excedent=Decimal(100),
        mois=date(2026, 3, 1),
        effectif=effectif,
        taux_versement_mobilite=Decimal("0.0175"),
    )
    organisme = taux(cotisations, ORGANISME)
    assert organisme["fnal"] == Decimal(fnal)
    assert organisme["formation_professionnelle"] == Decimal(formation)
    assert ("peec" in organisme) is peec
    assert ("versement_mobilite" in organisme) is versement_mobilite


@pytest.mark.parametrize(
    ("mois", "deplafonnee", "atmp"),
    [
        pytest.param(date(2023, 6, 1), "0.019", "0.0224", id="2023"),
        pytest.param(date(2024, 1, 1), "0.0202", "0.0212", id="2024 from 1 January"),
        pytest.param(date(2025, 12, 1), "0.0202", "0.0212", id="2025 unchanged"),
        pytest.param(date(2026, 1, 1), "0.0211", "0.0208", id="2026 from 1 January"),
    ],
)
def test_the_dated_rates_follow_the_month(mois: date, deplafonnee: str, atmp: str) -> None:
    organisme = taux(estimer_cotisations(excedent=Decimal(100), mois=mois, effectif=4), ORGANISME)
    assert (organisme["vieillesse_deplafonnee"], organisme["atmp"]) == (
        Decimal(deplafonnee),
        Decimal(atmp),
    )


def test_the_hosts_own_atmp_rate_replaces_the_average() -> None:
    cotisations = estimer_cotisations(
        excedent=Decimal(100), mois=date(2026, 3, 1), effectif=4, taux_atmp=Decimal("0.035")
    )
    atmp = lignes(cotisations, ORGANISME)["atmp"]
    assert (atmp.assiette, atmp.taux) == (Decimal(100), Decimal("0.035"))


def test_the_capped_contributions_stop_at_the_monthly_pss() -> None:
    petit = estimer_cotisations(excedent=Decimal(5000), mois=date(2026, 3, 1), effectif=4)
    assert assiette(petit, STAGIAIRE, "vieillesse_plafonnee") == Decimal(4005)
    assert assiette(petit, ORGANISME, "vieillesse_plafonnee") == Decimal(4005)
    assert assiette(petit, ORGANISME, "vieillesse_deplafonnee") == Decimal(5000)
    assert assiette(petit, ORGANISME, "fnal") == Decimal(4005)
    grand = estimer_cotisations(excedent=Decimal(5000), mois=date(2026, 3, 1), effectif=50)
    assert assiette(grand, ORGANISME, "fnal") == Decimal(5000)


def test_the_csg_allowance_stops_at_four_pss() -> None:
    cotisations = estimer_cotisations(excedent=Decimal(20000), mois=date(2026, 3, 1), effectif=4)
    # 4 × 4 005 = 16 020 at 98,25 %, the remaining 3 980 in full.
    assert assiette(cotisations, STAGIAIRE, "crds") == Decimal("15739.65") + Decimal(3980)


def test_there_are_no_rates_before_2015_in_the_data() -> None:
    """The rates go back to the first year of the PSS and PHSS, not further."""
    estimer_cotisations(excedent=Decimal(100), mois=date(2015, 1, 1), effectif=4)
    with pytest.raises(ParametreNonEnVigueur):
        estimer_cotisations(excedent=Decimal(100), mois=date(2014, 12, 1), effectif=4)


def test_a_negative_excess_is_refused() -> None:
    with pytest.raises(ValueError, match="négatif"):
        estimer_cotisations(excedent=Decimal("-0.01"), mois=date(2026, 3, 1), effectif=4)


@given(
    minutes=st.integers(min_value=0, max_value=250 * 60),
    mois=st.dates(min_value=date(2023, 1, 1), max_value=date(2026, 12, 31)),
    verse=st.decimals(min_value=0, max_value=30000, places=2),
    effectif=st.none() | st.integers(min_value=0, max_value=5000),
)
def test_exempt_plus_excess_is_what_is_paid_and_only_the_excess_bears_contributions(
    minutes: int, mois: date, verse: Decimal, effectif: int | None
) -> None:
    limite = franchise(minutes=minutes, signature=SIGNATURE, mois=mois)
    exonere, excedent = ventiler(verse=verse, franchise=limite)
    assert exonere + excedent == verse
    assert exonere == min(verse, limite)
    assert excedent >= 0
    cotisations = estimer_cotisations(excedent=excedent, mois=mois, effectif=effectif)
    assert 0 <= cotisations.stagiaire + cotisations.organisme < excedent or excedent == 0
    if excedent == 0:
        assert cotisations.stagiaire == cotisations.organisme == 0
