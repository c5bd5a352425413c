"""Fictional identifiers that pass the registers' checks: SIREN and SIRET (Luhn key), INE.

Deterministic, so that a rebuilt demo has the same numbers and `--reinitialiser` finds its
own hosts again by their SIREN.
"""

from __future__ import annotations

import string

from organismes.validators import luhn_valide

# Demo SIRENs are this base plus a rank, then the key: one fixed block, so that the demo's
# hosts are found again by their numbers (fictional: not looked up in the SIRENE register).
_BASE_SIREN = 19_330_000


def cle_luhn(chiffres: str) -> str:
    """The digit that completes `chiffres` into a number passing the Luhn check."""
    return next(cle for cle in string.digits if luhn_valide(chiffres + cle))


def siren(rang: int) -> str:
    base = f"{_BASE_SIREN + rang:08d}"
    return base + cle_luhn(base)


def siret(siren_: str, nic: int = 1) -> str:
    """A site of the organisme `siren_`: its SIREN, a 4-digit NIC and the Luhn key."""
    base = f"{siren_}{nic:04d}"
    return base + cle_luhn(base)


def ine(rang: int) -> str:
    """An INE of the RNIE shape (9 digits, 2 letters); the multiplier, prime with 10, spreads
    the ranks over the 9 digits without two ranks sharing a number."""
    chiffres = f"{(rang + 1) * 387_420_489 % 10**9:09d}"
    lettres = string.ascii_uppercase[rang % 26] + string.ascii_uppercase[(rang // 26 + 7) % 26]
    return chiffres + lettres
