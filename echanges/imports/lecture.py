"""Read an uploaded list, CSV or XLSX, into numbered rows keyed by column.

What the school's tools really produce: CSV in UTF-8 (with or without BOM), Windows-1252
(Excel "CSV (séparateur : point-virgule)") or UTF-16 (Excel "Texte Unicode"); `;`, `,` or tab
separators; title lines above the header; XLSX whose dates are date cells and whose numbers
lost their leading zeros. The format is told by the content, never by the file name.
"""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from echanges.imports.colonnes import Colonne, reperer

# What a cell holds: text from a CSV; text, numbers, dates or booleans from a XLSX.
Brut = str | int | float | bool | date | datetime | time | timedelta | None

# Alternatives for one required column: ("siret", "siren") is met by either.
Exigence = tuple[str, ...]

_SEPARATEURS = (";", ",", "\t")
# Student information systems print a title, a date or the class above the header.
_LIGNES_AVANT_ENTETE = 10
_XLSX = b"PK\x03\x04"  # a zip archive
_XLS = b"\xd0\xcf\x11\xe0"  # Excel 97-2003 (OLE2), which openpyxl does not read


class FichierIllisible(Exception):
    """The file as a whole cannot be read: the message says what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Ligne:
    numero: int  # as a spreadsheet numbers it: the header's line counts, and blank lines too
    valeurs: dict[str, Brut]  # column key -> cell; a column missing from the file is absent

    def vide(self, cle: str) -> bool:
        valeur = self.valeurs.get(cle)
        return valeur is None or (isinstance(valeur, str) and not valeur.strip())


@dataclass(frozen=True)
class Tableau:
    lignes: list[Ligne]
    colonnes: frozenset[str]  # the keys found in the header
    ignorees: list[str]  # the headers no column recognised, as written


def lire(contenu: bytes, colonnes: Sequence[Colonne], exigences: Sequence[Exigence]) -> Tableau:
    if contenu.startswith(_XLS):
        raise FichierIllisible(
            "Ce fichier est au format Excel 97-2003 (.xls), qui n'est pas lu : enregistrez-le "
            "au format .xlsx ou CSV, puis déposez-le de nouveau."
        )
    if contenu.startswith(_XLSX):
        return _tableau(_rangees_xlsx(contenu), colonnes, exigences)
    texte = _decoder(contenu)
    # The separator is the one that makes a header appear: title lines may hold commas.
    essais = [_rangees_csv(texte, separateur) for separateur in _SEPARATEURS]
    meilleur = max(essais, key=lambda rangees: _score(rangees, colonnes))
    return _tableau(meilleur, colonnes, exigences)


def _decoder(contenu: bytes) -> str:
    if contenu.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return contenu.decode("utf-16")
    try:
        return contenu.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # Accented letters in Windows-1252 are invalid UTF-8 sequences: a file that is not
    # UTF-8 is read as Excel's French CSV.
    try:
        return contenu.decode("cp1252")
    except UnicodeDecodeError:
        raise FichierIllisible(
            "Ce fichier n'est ni un classeur XLSX ni un texte CSV lisible (encodage UTF-8 ou "
            "Windows-1252)."
        ) from None


def _rangees_csv(texte: str, separateur: str) -> list[list[Brut]]:
    # newline=None: lines ending in \r (old Mac exports) are lines too.
    lecteur = csv.reader(io.StringIO(texte, newline=None), delimiter=separateur)
    try:
        return [list(rangee) for rangee in lecteur]
    except csv.Error as erreur:
        raise FichierIllisible(
            f"Ce fichier CSV est mal formé à la ligne {lecteur.line_num} ({erreur})."
        ) from None


def _rangees_xlsx(contenu: bytes) -> list[list[Brut]]:
    try:
        classeur = load_workbook(io.BytesIO(contenu), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError):
        raise FichierIllisible(
            "Ce fichier n'est pas un classeur XLSX lisible : ouvrez-le dans votre tableur et "
            "enregistrez-le au format .xlsx ou CSV."
        ) from None
    try:
        feuille = classeur.worksheets[0]  # the export's sheet; a second one would be notes
        # Read-only mode pads missing rows, so position + 1 is the row number Excel shows.
        return [
            [_cellule(valeur) for valeur in rangee]
            for rangee in feuille.iter_rows(min_row=1, values_only=True)
        ]
    finally:
        classeur.close()


def _cellule(valeur: object) -> Brut:
    if valeur is None or isinstance(valeur, str | int | float | date | time | timedelta):
        return valeur
    return str(valeur)  # rich text, or a formula never computed: its text


def _entetes(rangee: list[Brut]) -> list[str]:
    return ["" if cellule is None else str(cellule).strip() for cellule in rangee]


def _score(rangees: list[list[Brut]], colonnes: Sequence[Colonne]) -> int:
    return max(
        (len(reperer(_entetes(r), colonnes)) for r in rangees[:_LIGNES_AVANT_ENTETE]),
        default=0,
    )


def _manquantes(trouvees: dict[str, int], exigences: Sequence[Exigence]) -> list[Exigence]:
    return [e for e in exigences if not any(cle in trouvees for cle in e)]


def _tableau(
    rangees: list[list[Brut]], colonnes: Sequence[Colonne], exigences: Sequence[Exigence]
) -> Tableau:
    libelles = {c.cle: c.libelle for c in colonnes}
    meilleure: tuple[int, dict[str, int]] | None = None
    for index, rangee in enumerate(rangees[:_LIGNES_AVANT_ENTETE]):
        positions = reperer(_entetes(rangee), colonnes)
        if not _manquantes(positions, exigences):
            return _lignes(rangees, index, positions)
        if positions and (meilleure is None or len(positions) > len(meilleure[1])):
            meilleure = (index, positions)
    attendues = " ; ".join(
        " ou ".join(f"« {libelles[cle]} »" for cle in exigence) for exigence in exigences
    )
    if meilleure is None:
        raise FichierIllisible(
            "Aucune ligne d'en-tête reconnue dans les premières lignes du fichier : il faut "
            f"les colonnes {attendues}."
        )
    index, positions = meilleure
    absentes = " ; ".join(
        " ou ".join(f"« {libelles[cle]} »" for cle in exigence)
        for exigence in _manquantes(positions, exigences)
    )
    raise FichierIllisible(
        f"L'en-tête (ligne {index + 1}) n'a pas la colonne {absentes}. Colonnes attendues : "
        f"{attendues}."
    )


def _lignes(rangees: list[list[Brut]], index_entete: int, positions: dict[str, int]) -> Tableau:
    entetes = _entetes(rangees[index_entete])
    lues = set(positions.values())
    ignorees = [e for position, e in enumerate(entetes) if e and position not in lues]
    lignes = []
    for index in range(index_entete + 1, len(rangees)):
        rangee = rangees[index]
        valeurs = {
            cle: (rangee[position] if position < len(rangee) else None)
            for cle, position in positions.items()
        }
        ligne = Ligne(numero=index + 1, valeurs=valeurs)
        if all(ligne.vide(cle) for cle in valeurs):
            continue  # a blank line, or a total line of another column: nothing to import
        lignes.append(ligne)
    return Tableau(lignes=lignes, colonnes=frozenset(positions), ignorees=ignorees)
