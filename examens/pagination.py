"""The pack's page numbers: « page n / N » at the foot of every page of a candidate's PDF.

An overlay of N pages (each only its number, rendered by documents/rendu) is stamped on the
pack's pages with pypdf. It depends on N alone, and a cohort's packs mostly have the same
number of pages: it is rendered once per N in the process, not once per pack."""

from __future__ import annotations

import io
from functools import lru_cache

from pypdf import PdfReader, PdfWriter

from documents.rendu import pdf_depuis_html

_PAGINATION = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><style>
@page {{ size: A4; margin: 0 0 5mm 0;
  @bottom-right {{ content: "page " counter(page) " / " counter(pages); font: 8pt "DejaVu Sans";
    color: #000; padding-right: 8mm; vertical-align: middle; }} }}
div {{ break-after: page; height: 1px; }} div:last-child {{ break-after: auto; }}
</style></head><body>{pages}</body></html>"""


@lru_cache(maxsize=32)
def calque(total: int) -> bytes:
    """The overlay of a pack of `total` pages (a PDF of `total` pages, numbers only)."""
    return pdf_depuis_html(_PAGINATION.format(pages="<div></div>" * total))


def numeroter(ecrivain: PdfWriter) -> None:
    """Stamp « page n / N » at the foot of every page (a fresh reader of the cached overlay:
    pypdf's pages are not shared between two writers)."""
    tampons = PdfReader(io.BytesIO(calque(len(ecrivain.pages)))).pages
    for page, tampon in zip(ecrivain.pages, tampons, strict=True):
        page.merge_page(tampon)
