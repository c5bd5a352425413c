"""What an attachment may be: a size cap and a type read from the file's first bytes, never
from its name or from what the browser claims (a renamed .exe stays an .exe).

Accepted: PDF, PNG, JPEG, and the two word-processing formats students use (ODT, DOCX),
both ZIP archives told apart by their content. The stored name is drawn at random (the
file is served by a view that checks who asks, never by its address alone)."""

from __future__ import annotations

import secrets
import zipfile
from dataclasses import dataclass
from typing import IO

# Not a legal figure: the section's choice, sized for a phone photo or a short PDF.
TAILLE_MAX = 5 * 1024 * 1024
PIECES_MAX = 5  # per entry

ODT = "application/vnd.oasis.opendocument.text"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True)
class TypeFichier:
    type_contenu: str
    extension: str
    libelle: str


PDF = TypeFichier("application/pdf", "pdf", "PDF")
PNG = TypeFichier("image/png", "png", "image PNG")
JPEG = TypeFichier("image/jpeg", "jpg", "image JPEG")
TEXTE_ODT = TypeFichier(ODT, "odt", "texte OpenDocument")
TEXTE_DOCX = TypeFichier(DOCX, "docx", "document Word")
TYPES = {t.type_contenu: t for t in (PDF, PNG, JPEG, TEXTE_ODT, TEXTE_DOCX)}

MESSAGE_TYPE = (
    "Ce fichier n'est pas accepté : joignez un PDF, une image PNG ou JPEG, ou un texte "
    "OpenDocument (.odt) ou Word (.docx)."
)


class FichierRefuse(ValueError):
    """An attachment refused, with the French sentence to show."""


def message_taille() -> str:
    return f"Ce fichier dépasse {TAILLE_MAX // (1024 * 1024)} Mo : réduisez-le ou découpez-le."


def type_du_contenu(flux: IO[bytes]) -> TypeFichier | None:
    """The type of the file by its content, or None when it is none of the accepted ones."""
    flux.seek(0)
    tete = flux.read(16)
    flux.seek(0)
    if tete.startswith(b"%PDF-"):
        return PDF
    if tete.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if tete.startswith(b"\xff\xd8\xff"):
        return JPEG
    if tete.startswith(b"PK\x03\x04"):
        return _archive(flux)
    return None


def _archive(flux: IO[bytes]) -> TypeFichier | None:
    """An OpenDocument text names its type in a `mimetype` entry; a Word document holds
    `word/document.xml`. Only the list of entries and that short entry are read."""
    try:
        with zipfile.ZipFile(flux) as archive:
            noms = set(archive.namelist())
            if (
                "mimetype" in noms
                and archive.getinfo("mimetype").file_size < 100
                and archive.read("mimetype").strip() == ODT.encode()
            ):
                return TEXTE_ODT
            if "word/document.xml" in noms and "[Content_Types].xml" in noms:
                return TEXTE_DOCX
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, RuntimeError):
        return None
    finally:
        flux.seek(0)
    return None


def verifier(flux: IO[bytes], taille: int) -> TypeFichier:
    """The file's type if it may be attached; FichierRefuse with the reason otherwise."""
    if taille > TAILLE_MAX:
        raise FichierRefuse(message_taille())
    if taille == 0:
        raise FichierRefuse("Ce fichier est vide.")
    trouve = type_du_contenu(flux)
    if trouve is None:
        raise FichierRefuse(MESSAGE_TYPE)
    return trouve


def nom_aleatoire(type_fichier: TypeFichier) -> str:
    """An unguessable file name (192 random bits) with the extension of its real type."""
    return f"{secrets.token_urlsafe(24)}.{type_fichier.extension}"


def nom_affiche(nom: str) -> str:
    """The name the student gave, without folders or control characters, bounded."""
    nom = nom.replace("\\", "/").rsplit("/", 1)[-1]
    nom = "".join(c for c in nom if c.isprintable()).strip() or "piece-jointe"
    return nom[-150:]
