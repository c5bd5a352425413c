"""Write rows out as CSV (streamed) or XLSX, the way a French spreadsheet opens them.

CSV: UTF-8 with a BOM and `;` separators (Excel in French reads both only then), dates
JJ/MM/AAAA, decimal commas, "oui"/"non". XLSX: real date and number cells. In both, a text
starting like a formula (= + - @) cannot run as one: a company name is not a formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Generic, TypeVar

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles import Font
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

T = TypeVar("T")
Valeur = str | int | Decimal | date | datetime | bool | None

_FORMULE = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Champ(Generic[T]):
    """One column of an export: its title and how to read it off a row."""

    titre: str
    valeur: Callable[[T], Valeur]


class _Tampon:
    """csv.writer writes into it; the generator hands each line on at once."""

    def write(self, ligne: str) -> str:
        return ligne


def _local(moment: datetime) -> datetime:
    return timezone.localtime(moment) if timezone.is_aware(moment) else moment


def _texte_csv(valeur: Valeur) -> str:
    if valeur is None:
        return ""
    if isinstance(valeur, bool):
        return "oui" if valeur else "non"
    if isinstance(valeur, datetime):
        return f"{_local(valeur):%d/%m/%Y %H:%M}"
    if isinstance(valeur, date):
        return f"{valeur:%d/%m/%Y}"
    if isinstance(valeur, Decimal):
        return format(valeur, "f").replace(".", ",")
    if isinstance(valeur, int):
        return str(valeur)
    return _desamorcer(valeur)


def _desamorcer(texte: str) -> str:
    return f"'{texte}" if texte.startswith(_FORMULE) else texte


def lignes_csv(champs: Sequence[Champ[T]], objets: Iterable[T]) -> Iterator[str]:
    """The CSV file, line by line: the BOM and header first, then one line per object."""
    ecrivain = csv.writer(_Tampon(), delimiter=";", lineterminator="\r\n")
    yield "\ufeff" + ecrivain.writerow([c.titre for c in champs])
    for objet in objets:
        yield ecrivain.writerow([_texte_csv(c.valeur(objet)) for c in champs])


def classeur_xlsx(champs: Sequence[Champ[T]], objets: Iterable[T], *, feuille: str) -> bytes:
    classeur = Workbook(write_only=True)
    onglet = classeur.create_sheet(feuille)
    onglet.freeze_panes = "A2"
    entete = []
    for champ in champs:
        cellule = WriteOnlyCell(onglet, value=champ.titre)
        cellule.font = Font(bold=True)
        entete.append(cellule)
    onglet.append(entete)
    for objet in objets:
        onglet.append([_cellule_xlsx(onglet, c.valeur(objet)) for c in champs])
    sortie = io.BytesIO()
    classeur.save(sortie)
    return sortie.getvalue()


def _cellule_xlsx(onglet: WriteOnlyWorksheet, valeur: Valeur) -> Cell | Valeur:
    if isinstance(valeur, bool):
        return "oui" if valeur else "non"  # as in the CSV; Excel's VRAI/FAUX reads worse
    if isinstance(valeur, datetime):
        # openpyxl writes no time zone: the Paris time people expect.
        return _cellule_datee(onglet, _local(valeur).replace(tzinfo=None), "DD/MM/YYYY HH:MM")
    if isinstance(valeur, date):
        return _cellule_datee(onglet, valeur, "DD/MM/YYYY")
    if isinstance(valeur, str) and valeur.startswith("="):
        cellule = WriteOnlyCell(onglet, value=valeur)
        cellule.data_type = "s"  # openpyxl would store it as a formula
        return cellule
    return valeur


def _cellule_datee(onglet: WriteOnlyWorksheet, valeur: date, format_: str) -> Cell:
    # openpyxl writes a date as a date cell; its type stubs only list datetime.
    cellule = WriteOnlyCell(onglet, value=valeur)  # type: ignore[arg-type]
    cellule.number_format = format_
    return cellule
