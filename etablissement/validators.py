"""Identifiers of the national education system: the school's UAI and the student's INE."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError

# The UAI key letter: the 7-digit number modulo 23, read in this alphabet (no I, O, Q, which
# look like digits). 0330028 % 23 = 1 -> B: the Lycée Gustave Eiffel is 0330028B.
_CLES_UAI = "ABCDEFGHJKLMNPRSTUVWXYZ"
_UAI = re.compile(r"[0-9]{7}[A-Z]")

# The INE has 11 characters in three shapes: 9 digits and 2 letters (RNIE, since 2018),
# 10 digits and 1 key letter (base élèves before 2018), and the apprentices' 4 digits, A,
# 5 digits and a key letter. Their key algorithms are not published: the shape is checked.
_INE = re.compile(r"[0-9]{9}[A-Z]{2}|[0-9]{10}[A-Z]|[0-9]{4}A[0-9]{5}[A-Z]")


def normaliser_code(valeur: str) -> str:
    """Upper case, without the spaces, dots and dashes people type in codes."""
    return re.sub(r"[\s.\-]", "", valeur).upper()


def cle_uai(chiffres: str) -> str:
    return _CLES_UAI[int(chiffres) % len(_CLES_UAI)]


def valider_uai(valeur: str) -> None:
    if not _UAI.fullmatch(valeur):
        raise ValidationError(
            "Le code UAI « %(valeur)s » doit compter 7 chiffres suivis d'une lettre, par exemple 0330028B.",
            code="uai_format",
            params={"valeur": valeur},
        )
    if valeur[7] != cle_uai(valeur[:7]):
        raise ValidationError(
            "Le code UAI « %(valeur)s » est erroné : sa lettre clé devrait être %(cle)s.",
            code="uai_cle",
            params={"valeur": valeur, "cle": cle_uai(valeur[:7])},
        )


def valider_ine(valeur: str) -> None:
    if len(valeur) != 11 or not _INE.fullmatch(valeur):
        raise ValidationError(
            "L'INE « %(valeur)s » doit compter 11 caractères : 9 chiffres et 2 lettres, "
            "10 chiffres et 1 lettre, ou 4 chiffres, A, 5 chiffres et 1 lettre (apprentis).",
            code="ine_format",
            params={"valeur": valeur},
        )
