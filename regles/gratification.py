"""Minimum gratification: rates, monthly schedules (real hours or smoothed), shortfalls."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from regles.format import arrondi_centime
from regles.parametres import Parametres, parametres


def taux_minimal(signature: date, p: Parametres | None = None) -> Decimal:
    """Share of the PHSS owed per hour, by the convention's signature date (R-GRAT-3)."""
    return (p or parametres()).decimal("gratification.taux_minimal", signature)


def plafond_horaire(mois: date, p: Parametres | None = None) -> Decimal:
    """PHSS of the calendar year of `mois` (R-GRAT-5)."""
    return (p or parametres()).decimal("securite_sociale.plafond_horaire", mois)


def taux_horaire_minimal(*, signature: date, mois: date, p: Parametres | None = None) -> Decimal:
    """Minimum gratification per hour of presence in `mois` (unrounded: 15 % × 30 = 4,50).

    Remembered by the parameters per (signature, month): an audit asks the same pairs for
    every month of tens of thousands of conventions."""
    p = p or parametres()
    cle = ("taux_horaire_minimal", signature, mois)
    taux = p.memo.get(cle)
    if not isinstance(taux, Decimal):
        taux = p.memo[cle] = taux_minimal(signature, p) * plafond_horaire(mois, p)
    return taux


def repartir(total: Decimal, parts: int) -> list[Decimal]:
    """Split `total` into `parts` equal instalments to the cent; the last absorbs the rounding
    so that the instalments add up to the total exactly (smoothing, R-GRAT-6)."""
    if parts <= 0:
        return []
    base = arrondi_centime(total / parts)
    return [base] * (parts - 1) + [total - base * (parts - 1)]
