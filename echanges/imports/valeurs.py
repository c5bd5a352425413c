"""Turn a raw cell into a typed value, or say in French why it cannot be one."""

from __future__ import annotations

import re
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from openpyxl.utils.datetime import from_excel

from echanges.imports.lecture import Brut
from regles.bornes import MESSAGE_DATE, date_dans_les_bornes
from regles.format import nombre as format_nombre


class ValeurInvalide(Exception):
    def __init__(self, raison: str) -> None:
        super().__init__(raison)
        self.raison = raison


# Spreadsheets saved as CSV sometimes add a midnight time to a date.
_HEURE = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
# re.ASCII: \d is 0-9 only, not the other scripts' digits Unicode counts.
_JJ_MM_AAAA = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})" + _HEURE, re.ASCII)
_AAAA_MM_JJ = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})" + _HEURE, re.ASCII)
_ANNEE_COURTE = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2}", re.ASCII)
# str.isdigit() is true for "²" or "٣", which int() then refuses or reads; and int() refuses
# more than 4 300 digits: a count is 0-9 digits, 15 at most (the maximum is checked after).
_CHIFFRES = re.compile(r"[0-9]{1,15}")


def texte(brut: Brut) -> str:
    if brut is None:
        return ""
    if isinstance(brut, float) and brut.is_integer():
        return str(int(brut))
    if isinstance(brut, datetime):
        return f"{brut:%d/%m/%Y}"
    return str(brut).strip()


def jour(brut: Brut) -> date | None:
    """JJ/MM/AAAA, AAAA-MM-JJ or a date cell, within the bounds of every date Stages keeps
    (regles.bornes); None for an empty cell."""
    resultat = _jour(brut)
    if resultat is not None and not date_dans_les_bornes(resultat):
        ecrite = f"{resultat.day:02d}/{resultat.month:02d}/{resultat.year:04d}"
        raise ValeurInvalide(f"{ecrite} : {MESSAGE_DATE[0].lower()}{MESSAGE_DATE[1:]}")
    return resultat


def _jour(brut: Brut) -> date | None:
    if isinstance(brut, datetime):
        return brut.date()
    if isinstance(brut, date):
        return brut
    if isinstance(brut, int | float) and not isinstance(brut, bool):
        # A date cell that lost its format still holds Excel's day number.
        if 1 <= brut < 2958466:  # 01/01/1900 to 31/12/9999
            resultat = from_excel(brut)
            if isinstance(resultat, datetime):
                return resultat.date()
        raise ValeurInvalide(f"{texte(brut)} n'est pas une date.")
    valeur = texte(brut)
    if not valeur:
        return None
    if trouve := _JJ_MM_AAAA.fullmatch(valeur):
        j, m, a = (int(g) for g in trouve.groups())
    elif trouve := _AAAA_MM_JJ.fullmatch(valeur):
        a, m, j = (int(g) for g in trouve.groups())
    elif _ANNEE_COURTE.fullmatch(valeur):
        raise ValeurInvalide(f"{valeur} : écrivez l'année sur 4 chiffres (JJ/MM/AAAA).")
    else:
        raise ValeurInvalide(f"« {valeur} » n'est pas une date : écrivez JJ/MM/AAAA ou AAAA-MM-JJ.")
    try:
        return date(a, m, j)
    except ValueError:
        raise ValeurInvalide(f"{valeur} n'est pas une date.") from None


def entier(brut: Brut, *, maximum: int) -> int | None:
    """A whole number from 0 to `maximum` ("12", "1 200", 12.0); None for an empty cell."""
    if isinstance(brut, int | float) and not isinstance(brut, bool):
        if not (brut >= 0 and float(brut).is_integer()):
            raise ValeurInvalide(f"{texte(brut)} n'est pas un nombre entier positif.")
        nombre = int(brut)
    else:
        valeur = texte(brut)
        if not valeur:
            return None
        chiffres = re.sub(r"[\s\u00a0\u202f]", "", valeur)
        if _CHIFFRES.fullmatch(chiffres):
            nombre = int(chiffres)
        elif chiffres.isascii() and chiffres.isdigit():
            nombre = maximum + 1  # too many digits to read: more than any maximum
        else:
            raise ValeurInvalide(f"« {valeur} » n'est pas un nombre entier positif.")
    if nombre > maximum:
        raise ValeurInvalide(
            f"{texte(brut)} dépasse {format_nombre(maximum, 0)} : vérifiez le nombre."
        )
    return nombre


def numero(brut: Brut, *, chiffres: int) -> str:
    """A number written with digits (SIREN, SIRET, postal code): as typed, without spaces
    and dots; a numeric cell gets back the leading zeros a spreadsheet drops (06000)."""
    if isinstance(brut, int | float) and not isinstance(brut, bool):
        if float(brut).is_integer() and 0 <= brut < 10**chiffres:
            return f"{int(brut):0{chiffres}d}"
        return texte(brut)
    return re.sub(r"[\s.\u00a0\u202f]", "", texte(brut))


def email(brut: Brut) -> str:
    valeur = texte(brut).lower()
    if valeur:
        try:
            validate_email(valeur)
        except ValidationError:
            raise ValeurInvalide(f"« {valeur} » n'est pas une adresse e-mail valide.") from None
    return valeur
