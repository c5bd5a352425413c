"""Company identifiers of the SIRENE register: SIREN, SIRET and the NAF (APE) code."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError

# La Poste's thousands of post offices share one SIREN; INSEE numbers their SIRETs with
# another key: the sum of the 14 digits is a multiple of 5.
SIREN_LA_POSTE = "356000000"

_NAF = re.compile(r"[0-9]{2}\.[0-9]{2}[A-Z]")


def normaliser_numero(valeur: str) -> str:
    """The digits as typed, without the spaces and dots of "552 081 317"."""
    return re.sub(r"[\s.]", "", valeur)


def normaliser_naf(valeur: str) -> str:
    """ "4711f" and "47 11 F" -> "47.11F", the form INSEE prints."""
    brut = re.sub(r"[\s.]", "", valeur).upper()
    return f"{brut[:2]}.{brut[2:]}" if re.fullmatch(r"[0-9]{4}[A-Z]", brut) else valeur.strip()


def luhn_valide(chiffres: str) -> bool:
    total = 0
    for rang, caractere in enumerate(reversed(chiffres)):
        chiffre = int(caractere)
        if rang % 2 == 1:
            chiffre *= 2
            if chiffre > 9:
                chiffre -= 9
        total += chiffre
    return total % 10 == 0


def cle_luhn(chiffres: str) -> str:
    """The digit that completes `chiffres` into a number passing the Luhn check: builds
    valid SIREN/SIRET for demos, benchmarks and tests."""
    return next(c for c in "0123456789" if luhn_valide(chiffres + c))


def valider_siren(valeur: str) -> None:
    if not re.fullmatch(r"[0-9]{9}", valeur):
        raise ValidationError(
            "Le SIREN « %(valeur)s » doit compter 9 chiffres.",
            code="siren_format",
            params={"valeur": valeur},
        )
    if not luhn_valide(valeur):
        raise ValidationError(
            "Le SIREN « %(valeur)s » est erroné : sa clé de contrôle ne correspond pas. "
            "Vérifiez-le sur l'annuaire des entreprises.",
            code="siren_cle",
            params={"valeur": valeur},
        )


def valider_siret(valeur: str) -> None:
    if not re.fullmatch(r"[0-9]{14}", valeur):
        raise ValidationError(
            "Le SIRET « %(valeur)s » doit compter 14 chiffres.",
            code="siret_format",
            params={"valeur": valeur},
        )
    # Its head office (35600000000048) passes the Luhn key as well: accept either.
    la_poste = valeur.startswith(SIREN_LA_POSTE) and sum(int(c) for c in valeur) % 5 == 0
    if not (luhn_valide(valeur) or la_poste):
        raise ValidationError(
            "Le SIRET « %(valeur)s » est erroné : sa clé de contrôle ne correspond pas. "
            "Vérifiez-le sur l'annuaire des entreprises.",
            code="siret_cle",
            params={"valeur": valeur},
        )


def valider_naf(valeur: str) -> None:
    if not _NAF.fullmatch(valeur):
        raise ValidationError(
            "Le code NAF « %(valeur)s » doit s'écrire 2 chiffres, un point, 2 chiffres et une "
            "lettre, par exemple 47.11F.",
            code="naf_format",
            params={"valeur": valeur},
        )
