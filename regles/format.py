"""French formatting of the figures in findings: 1 234,56 €, 308,5 h, 05/03/2026."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

CENT = Decimal("0.01")


def arrondi_centime(montant: Decimal) -> Decimal:
    """Round to the cent, half-up (R-GRAT-6: the texts fix no rounding; this is ours)."""
    return montant.quantize(CENT, rounding=ROUND_HALF_UP)


def _groupes(entier: str) -> str:
    groupes: list[str] = []
    while len(entier) > 3:
        groupes.insert(0, entier[-3:])
        entier = entier[:-3]
    groupes.insert(0, entier)
    return "\u202f".join(groupes)


@lru_cache(maxsize=65_536)  # an audit writes the same amounts and hours many times
def nombre(valeur: Decimal | int, decimales: int = 2) -> str:
    """Format with a thin space between thousands and a decimal comma; trailing ,00 kept."""
    signe = "-" if valeur < 0 else ""
    texte = f"{abs(Decimal(valeur)):.{decimales}f}"
    entier, _, fraction = texte.partition(".")
    return signe + _groupes(entier) + ("," + fraction if fraction else "")


def euros(montant: Decimal) -> str:
    return f"{nombre(montant)} €"


@lru_cache(maxsize=65_536)  # the same hours and days recur across an audit
def heures(minutes: int) -> str:
    """308 h, 308,5 h, 7,25 h: hours with no useless decimals."""
    valeur = Decimal(minutes) / 60
    texte = nombre(valeur, 2).rstrip("0").rstrip(",")
    return f"{texte} h"


@lru_cache(maxsize=65_536)  # the same hours and days recur across an audit
def heures_texte(minutes: int) -> str:
    """Minutes as decimal hours for machines: "308", "308.5", "7.25" (never an exponent)."""
    return decimal_texte((Decimal(minutes) / 60).quantize(CENT, rounding=ROUND_HALF_UP))


def decimal_texte(valeur: Decimal) -> str:
    """A Decimal without trailing zeros nor exponent: 280.00 -> "280", 1.50 -> "1.5"."""
    texte = format(valeur, "f")
    return texte.rstrip("0").rstrip(".") if "." in texte else texte


@lru_cache(maxsize=65_536)  # the same hours and days recur across an audit
def jour(valeur: date) -> str:
    return valeur.strftime("%d/%m/%Y")


_MOIS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre")  # fmt: skip


def mois(valeur: date) -> str:
    """The month of a date in words: mars 2026."""
    return f"{_MOIS[valeur.month - 1]} {valeur.year}"


_JOURS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


def _quantieme(valeur: date) -> str:
    return "1er" if valeur.day == 1 else str(valeur.day)


def jour_long(valeur: date) -> str:
    """A date as a sentence says it: lundi 12 janvier 2027, jeudi 1er avril 2027."""
    return f"{_JOURS[valeur.weekday()]} {_quantieme(valeur)} {mois(valeur)}"


def semaine(lundi: date) -> str:
    """A civil week (Monday to Sunday) in words: semaine du 11 au 17 janvier 2027, semaine
    du 29 mars au 4 avril 2027, semaine du 28 décembre 2026 au 3 janvier 2027."""
    dimanche = lundi + timedelta(days=6)
    if lundi.month == dimanche.month:
        debut = _quantieme(lundi)
    elif lundi.year == dimanche.year:
        debut = f"{_quantieme(lundi)} {_MOIS[lundi.month - 1]}"
    else:
        debut = f"{_quantieme(lundi)} {mois(lundi)}"
    return f"semaine du {debut} au {_quantieme(dimanche)} {mois(dimanche)}"


def duree(minutes: int) -> str:
    """A duration in hours and minutes: 140 h, 7 h 30 min, 45 min."""
    h, m = divmod(abs(int(minutes)), 60)
    signe = "-" if minutes < 0 else ""
    if not h:
        return f"{signe}{m} min"
    return f"{signe}{nombre(h, 0)} h" + (f" {m:02d} min" if m else "")
