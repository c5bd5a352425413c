"""The one place that turns HTML into PDF (WeasyPrint). Every document of the project goes
through `pdf_depuis_gabarit`; nothing else imports weasyprint.

WeasyPrint fetches what the HTML points at (images, stylesheets). Our layouts embed what they
need (the print stylesheet inline, the school's logo as a data: URI), so the fetcher below
refuses every other URL: a text slipped into a document can make it read neither a local file
nor a server of the school's network.

A layout's inline stylesheet is the same for every document of its kind: it is parsed once per
process (`_feuille`) and handed to WeasyPrint, instead of being parsed again for every PDF."""

from __future__ import annotations

import base64
import mimetypes
import re
from collections.abc import Mapping, Sequence
from functools import cache, lru_cache
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


_STYLE = re.compile(r"<style>(.*?)</style>", re.S)


@lru_cache(maxsize=16)
def _feuille(css: str) -> Any:
    # Parsing the print stylesheet is about a sixth of a one-page document's rendering.
    from weasyprint import CSS

    return CSS(string=css, url_fetcher=_recuperateur(), font_config=_polices())


def _mise_en_page(html: str) -> Any:
    """The laid-out pages of `html` (a weasyprint Document). Its one inline stylesheet is
    handed over already parsed, as the only sheet besides the user agent's: WeasyPrint ranks
    it as a user sheet instead of an author one, which changes no cascade as long as it has no
    « !important » and no other sheet exists — else the HTML is rendered as it is."""
    from weasyprint import HTML

    feuilles = []
    styles = _STYLE.findall(html)
    if len(styles) == 1 and "!important" not in styles[0] and "<link" not in html:
        html = _STYLE.sub("", html, count=1)
        feuilles = [_feuille(styles[0])]
    return HTML(string=html, url_fetcher=_recuperateur()).render(
        font_config=_polices(), stylesheets=feuilles
    )


def pdf_depuis_html(html: str) -> bytes:
    pdf: bytes = _mise_en_page(html).write_pdf()
    return pdf


def pdf_depuis_gabarit(gabarit: str, contexte: Mapping[str, Any]) -> bytes:
    """Render the Django template `gabarit` (a layout of documents/templates/documents/pdf/)
    with `contexte`, then print it to PDF."""
    return pdf_depuis_html(render_to_string(gabarit, dict(contexte)))


def pdf_en_parties(gabarits: Sequence[tuple[str, Mapping[str, Any]]]) -> tuple[bytes, list[int]]:
    """Several documents printed as ONE PDF: each laid out on its own, exactly as
    `pdf_depuis_gabarit` lays it out, then all their pages written once (one file to read
    back, fonts embedded once). Returns the PDF and the number of pages of each part."""
    parties = [_mise_en_page(render_to_string(g, dict(c))) for g, c in gabarits]
    if not parties:
        raise ValueError("pdf_en_parties: aucun document à imprimer.")
    pdf: bytes = parties[0].copy([p for d in parties for p in d.pages]).write_pdf()
    return pdf, [len(d.pages) for d in parties]


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
