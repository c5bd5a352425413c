"""Build the files the tests upload: CSV in a given encoding and separator, XLSX with openpyxl."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook


def csv_octets(
    rangees: Sequence[Sequence[Any]], *, separateur: str = ";", encodage: str = "utf-8-sig"
) -> bytes:
    texte = "\r\n".join(separateur.join(str(c) for c in rangee) for rangee in rangees) + "\r\n"
    return texte.encode(encodage)


def xlsx_octets(rangees: Sequence[Sequence[Any]]) -> bytes:
    classeur = Workbook()
    feuille = classeur.active
    assert feuille is not None
    for rangee in rangees:
        feuille.append(list(rangee))
    sortie = io.BytesIO()
    classeur.save(sortie)
    return sortie.getvalue()


def depot(contenu: bytes, nom: str = "liste.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(nom, contenu, content_type="application/octet-stream")
