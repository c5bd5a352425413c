"""Income tax on gratifications: exempt up to the annual SMIC (CGI art. 81 bis; R-TAX-1)."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from regles.parametres import ParametreNonEnVigueur, Parametres, parametres

SMIC = "impot.smic_horaire_1er_janvier"


def limite_exoneration(annee: int, p: Parametres | None = None) -> Decimal:
    """Exempt gratifications of the income year `annee`: SMIC horaire at 1 January × the
    annual hours, to the euro (BOFiP: 2015 gives 9,61 × 1 820 = 17 490)."""
    p = p or parametres()
    premier_janvier = date(annee, 1, 1)
    # The SMIC is revalued every 1 January: an older value in force is a missing year in the
    # data, not the SMIC of that year.
    if p[SMIC].date_effet(premier_janvier) != premier_janvier:
        raise ParametreNonEnVigueur(SMIC, premier_janvier)
    smic = p.decimal(SMIC, premier_janvier)
    heures = p.decimal("impot.heures_smic_annuel", premier_janvier)
    return (smic * heures).quantize(Decimal(1), rounding=ROUND_HALF_UP)


def part_imposable(*, annee: int, gratifications: Decimal, p: Parametres | None = None) -> Decimal:
    """Taxable part of the gratifications received in the income year `annee`."""
    return max(gratifications - limite_exoneration(annee, p), Decimal(0))
