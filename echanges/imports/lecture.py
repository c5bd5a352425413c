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
import itertools
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from openpyxl import load_workbook
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from echanges.imports.colonnes import Colonne, reperer
from echanges.imports.limites import (
    COLONNES_MAX,
    LIGNES_MAX,
    LIGNES_PARCOURUES_MAX,
    XLSX_DECOMPRESSE_MAX,
    XLSX_PARTIES_MAX,
    XLSX_TAUX_AU_DELA_DE,
    XLSX_TAUX_MAX,
    en_mo,
)
from regles.format import nombre

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
        return _vide(self.valeurs.get(cle))


@dataclass(frozen=True)
class Tableau:
    lignes: list[Ligne]
    colonnes: frozenset[str]  # the keys found in the header
    ignorees: list[str]  # the headers no column recognised, as written


def lire(contenu: bytes, colonnes: Sequence[Colonne], exigences: Sequence[Exigence]) -> Tableau:
    """The rows of an uploaded list; `FichierIllisible` for a file that cannot be read, or
    that passes one of the limits of `echanges.imports.limites` (checked as it is read, so a
    huge file is refused as soon as it passes the limit)."""
    if contenu.startswith(_XLS):
        raise FichierIllisible(
            "Ce fichier est au format Excel 97-2003 (.xls), qui n'est pas lu : enregistrez-le "
            "au format .xlsx ou CSV, puis déposez-le de nouveau."
        )
    if contenu.startswith(_XLSX):
        return _tableau(_rangees_xlsx(contenu), colonnes, exigences)
    # No NUL is meaningful in a list, and the database refuses it in a text.
    texte = _decoder(contenu).replace("\x00", "")
    # The separator is the one that makes a header appear: title lines may hold commas.
    separateur = max(_SEPARATEURS, key=lambda s: _score(_debut_csv(texte, s), colonnes))
    return _tableau(_rangees_csv(texte, separateur), colonnes, exigences)


def _decoder(contenu: bytes) -> str:
    if contenu.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return contenu.decode("utf-16")
        except UnicodeDecodeError:  # an odd number of bytes, half a character
            raise FichierIllisible(
                "Ce fichier texte Unicode (UTF-16) est incomplet ou abîmé : enregistrez-le de "
                "nouveau depuis votre tableur, au format CSV ou .xlsx."
            ) from None
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


def _debut_csv(texte: str, separateur: str) -> list[list[Brut]]:
    """The first rows, where the header must be, to choose the separator."""
    try:
        lecteur = csv.reader(io.StringIO(texte, newline=None), delimiter=separateur)
        return [list(rangee) for rangee in itertools.islice(lecteur, _LIGNES_AVANT_ENTETE)]
    except csv.Error:
        return []  # this separator does not read the file; the others may


def _rangees_csv(texte: str, separateur: str) -> list[list[Brut]]:
    # newline=None: lines ending in \r (old Mac exports) are lines too.
    lecteur = csv.reader(io.StringIO(texte, newline=None), delimiter=separateur)
    debut = 1  # the line where the row being read starts (a quoted cell may span lines)

    def rangees() -> Iterator[list[str]]:
        nonlocal debut
        while True:
            debut = lecteur.line_num + 1
            try:
                yield next(lecteur)
            except StopIteration:
                return

    try:
        return _borner(rangees())
    except csv.Error:  # the reader's only complaint here: a cell past 128 K characters
        raise FichierIllisible(
            f'Ce fichier CSV est mal formé à partir de la ligne {debut} : un guillemet (") '
            "n'y est jamais refermé, ou une cellule est démesurée."
        ) from None


def _rangees_xlsx(contenu: bytes) -> list[list[Brut]]:
    _verifier_archive(contenu)
    illisible = FichierIllisible(
        "Ce fichier n'est pas un classeur XLSX lisible : ouvrez-le dans votre tableur et "
        "enregistrez-le au format .xlsx ou CSV."
    )
    try:
        classeur = load_workbook(io.BytesIO(contenu), read_only=True, data_only=True)
    except Exception:  # openpyxl raises whatever its parsers meet in a damaged file
        raise illisible from None
    try:
        feuille = classeur.worksheets[0]  # the export's sheet; a second one would be notes
        assert isinstance(feuille, ReadOnlyWorksheet)  # what read_only=True gives
        # The dimension the file declares ("A1:XFD1048576") is not trusted: without it the
        # rows end where the sheet's data ends, and no row is padded past COLONNES_MAX + 1
        # (one more, to see that a file has too many). Missing rows between two are still
        # padded, so position + 1 is the row number the spreadsheet shows.
        feuille.reset_dimensions()
        return _borner(feuille.iter_rows(max_col=COLONNES_MAX + 1, values_only=True))
    except FichierIllisible:
        raise
    except Exception:  # a damaged sheet (XML cut short, a cell openpyxl cannot type)
        raise illisible from None
    finally:
        classeur.close()


def _verifier_archive(contenu: bytes) -> None:
    """Refuse a XLSX whose content, once uncompressed, would pass the limits: read from
    the archive's directory, before anything is uncompressed. Python's zipfile never
    uncompresses a part beyond the size the directory declares, so these sizes bind."""
    try:
        with zipfile.ZipFile(io.BytesIO(contenu)) as archive:
            parties = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise FichierIllisible(
            "Ce fichier n'est pas un classeur XLSX lisible : ouvrez-le dans votre tableur et "
            "enregistrez-le au format .xlsx ou CSV."
        ) from None
    total = sum(partie.file_size for partie in parties)
    gonflee = any(
        partie.file_size > XLSX_TAUX_AU_DELA_DE
        and partie.file_size > XLSX_TAUX_MAX * max(partie.compress_size, 1)
        for partie in parties
    )
    if len(parties) > XLSX_PARTIES_MAX or total > XLSX_DECOMPRESSE_MAX or gonflee:
        raise FichierIllisible(
            "Ce classeur occuperait plus de "
            f"{en_mo(XLSX_DECOMPRESSE_MAX)} une fois décompressé, ou contient des parties "
            "anormalement gonflées : l'import ne le lit pas. Enregistrez la liste seule, "
            "au format CSV ou dans un nouveau classeur .xlsx."
        )


def _borner(rangees: Iterable[Sequence[object]]) -> list[list[Brut]]:
    """Read rows, their trailing empty cells dropped, until the file passes a limit."""
    lues: list[list[Brut]] = []
    pleines = 0
    for position, rangee in enumerate(rangees, start=1):
        if position > LIGNES_PARCOURUES_MAX:
            raise FichierIllisible(
                f"Ce fichier compte plus de {nombre(LIGNES_PARCOURUES_MAX, 0)} lignes, vides "
                "comprises : l'import ne le lit pas. Supprimez les lignes inutiles, ou "
                "enregistrez la liste seule dans un nouveau fichier."
            )
        if rangee.count(None) + rangee.count("") == len(rangee):
            lues.append([])  # a blank row, counted in C: a sheet may pad thousands of them
            continue
        cellules = [_cellule(valeur) for valeur in rangee]
        while cellules and _vide(cellules[-1]):
            cellules.pop()
        if len(cellules) > COLONNES_MAX:
            raise FichierIllisible(
                f"La ligne {position} du fichier a plus de {COLONNES_MAX} colonnes : l'import "
                f"en lit {COLONNES_MAX} au plus. Supprimez les colonnes inutiles, puis "
                "déposez-le de nouveau."
            )
        if cellules:
            pleines += 1
            # Title lines and the header come first, at most _LIGNES_AVANT_ENTETE of them.
            if pleines > LIGNES_MAX + _LIGNES_AVANT_ENTETE:
                raise _trop_de_lignes()
        lues.append(cellules)
    return lues


def _trop_de_lignes() -> FichierIllisible:
    return FichierIllisible(
        f"Ce fichier compte plus de {nombre(LIGNES_MAX, 0)} lignes : l'import en lit "
        f"{nombre(LIGNES_MAX, 0)} au plus. Découpez la liste en plusieurs fichiers."
    )


def _vide(valeur: Brut) -> bool:
    return valeur is None or (isinstance(valeur, str) and not valeur.strip())


def _cellule(valeur: object) -> Brut:
    # XML cannot hold a NUL: a XLSX with one is refused by its parser, as damaged.
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
    if len(lignes) > LIGNES_MAX:
        raise _trop_de_lignes()
    return Tableau(lignes=lignes, colonnes=frozenset(positions), ignorees=ignorees)
