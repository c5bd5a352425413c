"""Income tax on gratifications: the annual SMIC limit of CGI art. 81 bis (R-TAX-1; S8, S9)."""

from decimal import Decimal

import pytest

from regles.impot import limite_exoneration, part_imposable
from regles.parametres import ParametreNonEnVigueur


@pytest.mark.parametrize(
    ("annee", "limite"),
    [
        pytest.param(2015, "17490", id="2015 BOFiP example: 9,61 x 1 820 = 17 490,2 rounds down"),
        pytest.param(2024, "21203", id="2024: 11,65 x 1 820, no rounding"),
        pytest.param(2025, "21622", id="2025: 21 621,6 rounds up to the euro"),
        pytest.param(2026, "21876", id="2026: SMIC at 1 January (12,02), not a later one"),
    ],
)
def test_the_limit_is_the_annual_smic_at_1_january(annee: int, limite: str) -> None:
    assert limite_exoneration(annee) == Decimal(limite)


@pytest.mark.parametrize(
    ("gratifications", "imposable"),
    [
        pytest.param("5000.00", "0", id="S8 far below the limit: fully exempt"),
        pytest.param("22000.00", "378", id="S9 only the part above 21 622 is taxable"),
        pytest.param("21622.00", "0", id="exactly the limit: exempt"),
        pytest.param("21622.01", "0.01", id="one cent above: one cent taxable"),
    ],
)
def test_the_taxable_part_in_2025(gratifications: str, imposable: str) -> None:
    assert part_imposable(annee=2025, gratifications=Decimal(gratifications)) == Decimal(imposable)


def test_a_year_missing_from_the_smic_table_is_refused_not_read_from_an_older_year() -> None:
    # 2016-2023 are not in the data: 2015's 9,61 would silently give a wrong limit.
    with pytest.raises(ParametreNonEnVigueur):
        limite_exoneration(2020)
