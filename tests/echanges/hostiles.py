"""Hostile files, built in memory: a XLSX that lies about its size or unpacks to far more
than it weighs, a CSV far too long. Each is small and quick to build."""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Callable

FEUILLE = "xl/worksheets/sheet1.xml"


def avec_feuille(xlsx: bytes, changer: Callable[[bytes], bytes]) -> bytes:
    """The same workbook, its first sheet's XML changed (openpyxl writes inline strings,
    no XML declaration)."""
    source = zipfile.ZipFile(io.BytesIO(xlsx))
    sortie = io.BytesIO()
    with zipfile.ZipFile(sortie, "w", zipfile.ZIP_DEFLATED) as archive:
        for partie in source.infolist():
            contenu = source.read(partie.filename)
            if partie.filename == FEUILLE:
                contenu = changer(contenu)
            archive.writestr(partie.filename, contenu, compress_type=zipfile.ZIP_DEFLATED)
    return sortie.getvalue()


def dimension_geante(xlsx: bytes) -> bytes:
    """The sheet declares the whole grid, A1:XFD1048576 (16 384 columns, a million rows): a
    reader that trusts it pads every row to 16 384 cells, and with a row far down, fills
    gigabytes from a file of 2 Ko."""

    def changer(xml: bytes) -> bytes:
        debut = xml.index(b'<dimension ref="')
        fin = xml.index(b'"', debut + len(b'<dimension ref="'))
        return xml[:debut] + b'<dimension ref="A1:XFD1048576' + xml[fin:]

    return avec_feuille(xlsx, changer)


def bourre(xlsx: bytes, octets: int) -> bytes:
    """A zip bomb: `octets` of blanks inside the sheet's XML, compressed to almost nothing."""
    return avec_feuille(
        xlsx, lambda xml: xml.replace(b"<sheetData>", b"<sheetData>" + b" " * octets)
    )


def taille_menteuse(xlsx: bytes, declaree: int) -> bytes:
    """The archive's directory says the sheet unpacks to `declaree` bytes, fewer than it does."""
    archive = bytearray(xlsx)
    nom = FEUILLE.encode()
    position = 0
    while (position := archive.find(b"PK\x01\x02", position)) != -1:  # directory entries
        longueur_nom = struct.unpack_from("<H", archive, position + 28)[0]
        if archive[position + 46 : position + 46 + longueur_nom] == nom:
            struct.pack_into("<I", archive, position + 24, declaree)  # uncompressed size
            return bytes(archive)
        position += 4
    raise ValueError(f"{FEUILLE} absent")


def rires(xlsx: bytes) -> bytes:
    """ "Billion laughs": nested XML entities that would expand to 3 Go of text."""
    entites = '<!ENTITY rire0 "ha">' + "".join(
        f'<!ENTITY rire{n} "{f"&rire{n - 1};" * 10}">' for n in range(1, 10)
    )
    prologue = f"<!DOCTYPE worksheet [{entites}]>".encode()
    return avec_feuille(
        xlsx, lambda xml: prologue + xml.replace(b"<t>Martin</t>", b"<t>&rire9;</t>")
    )
