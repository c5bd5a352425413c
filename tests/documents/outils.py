"""Reading back a generated PDF: its text, one string, whitespace collapsed (a PDF breaks
lines where the layout wraps them)."""

from __future__ import annotations

import io

from pypdf import PdfReader

from documents.models import Document


def texte_pdf(contenu: bytes) -> str:
    lecteur = PdfReader(io.BytesIO(contenu))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in lecteur.pages)


def texte_document(document: Document) -> str:
    with document.fichier.open("rb") as fichier:
        return texte_pdf(fichier.read())
