"""The one place that turns HTML into PDF (WeasyPrint). Every document of the project goes
through `pdf_depuis_gabarit`; nothing else imports weasyprint.

WeasyPrint fetches what the HTML points at (images, stylesheets). Our layouts embed what they
need (the print stylesheet inline, the school's logo as a data: URI), so the fetcher below
refuses every other URL: a text slipped into a document can make it read neither a local file
nor a server of the school's network."""

from __future__ import annotations

import base64
import mimetypes
from collections.abc import Mapping
from functools import cache
from typing import Any

from django.template.loader import render_to_string

from etablissement.models import Etablissement


def _recuperateur() -> Any:
    # A new one per document: a fetcher keeps per-request state.
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols={"data"}, allow_redirects=False)


@cache
def _polices() -> Any:
    # One font configuration for the process: building it scans fontconfig each time.
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def pdf_depuis_html(html: str) -> bytes:
    from weasyprint import HTML

    pdf: bytes = HTML(string=html, url_fetcher=_recuperateur()).write_pdf(font_config=_polices())
    return pdf


def pdf_depuis_gabarit(gabarit: str, contexte: Mapping[str, Any]) -> bytes:
    """Render the Django template `gabarit` (a layout of documents/templates/documents/pdf/)
    with `contexte`, then print it to PDF."""
    return pdf_depuis_html(render_to_string(gabarit, dict(contexte)))


def logo_en_data_uri(etablissement: Etablissement | None) -> str:
    """The school's logo as a data: URI ("" without one, or if its file is gone)."""
    if etablissement is None or not etablissement.logo:
        return ""
    type_mime = mimetypes.guess_type(etablissement.logo.name)[0] or "application/octet-stream"
    try:
        with etablissement.logo.open("rb") as fichier:
            contenu = fichier.read()
    except OSError:
        return ""
    return f"data:{type_mime};base64,{base64.b64encode(contenu).decode('ascii')}"
