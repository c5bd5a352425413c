"""The social-contribution franchise (CSS L242-4-1, D242-2-1; R-SOC-1, R-SOC-4).

Per calendar month, the part of the gratification up to hours of the month × rate × PHSS
carries no contribution at all (CSG/CRDS included). URSSAF's simulator uses a flat 15 % of
the monthly PSS instead; the law, and this module, use the hours.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from regles.format import arrondi_centime
from regles.gratification import taux_horaire_minimal
from regles.modele import Minutes
from regles.parametres import Parametres


def franchise(
    *, minutes: Minutes, signature: date, mois: date, p: Parametres | None = None
) -> Decimal:
    """Exempt amount for `minutes` of presence in the month `mois`, to the cent."""
    taux = taux_horaire_minimal(signature=signature, mois=mois, p=p)
    return arrondi_centime(Decimal(minutes) * taux / 60)


def ventiler(*, verse: Decimal, franchise: Decimal) -> tuple[Decimal, Decimal]:
    """Split what is paid into (exempt part, excess): the two always add up to `verse`."""
    exonere = min(verse, franchise)
    return exonere, verse - exonere
