"""HTML to PDF for the public simulator, with WeasyPrint: the one place it is imported for
this app (the conventions' documents have their own, in documents/)."""

from __future__ import annotations

import importlib
from pathlib import Path

from django.contrib.staticfiles import finders

FEUILLE = "public/simulateur-pdf.css"


def depuis_html(html: str, *, base_url: str) -> bytes:
    # Imported here, since WeasyPrint loads Pango at import and only the PDF needs it; by
    # name, since it ships no type hints (the calls below are checked by the tests).
    weasyprint = importlib.import_module("weasyprint")
    CSS, HTML = weasyprint.CSS, weasyprint.HTML
    feuille = finders.find(FEUILLE)
    styles = [CSS(filename=str(Path(str(feuille))))] if feuille else []
    # No URL fetched over the network: the stylesheet is read from disk, images are none.
    document = HTML(string=html, base_url=base_url, url_fetcher=_aucun_telechargement)
    return bytes(document.write_pdf(stylesheets=styles))


def _aucun_telechargement(url: str, *args: object, **kwargs: object) -> dict[str, object]:
    raise ValueError(f"Ressource externe refusée dans le PDF : {url}")
