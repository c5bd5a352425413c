"""The renderer parses a layout's inline stylesheet once per process and hands it to
WeasyPrint already parsed: the PDF must stay the one WeasyPrint prints from the HTML as it
is, byte for byte."""

from __future__ import annotations

import io

import pytest
from django.template.loader import render_to_string
from pypdf import PdfReader

from documents import rendu
from examens.models import TypeFiche
from examens.pdf import GABARIT, contexte_fiche, derniere_version
from tests.examens import fabriques_examens as fx

pytestmark = pytest.mark.django_db


def weasyprint_seul(html: str) -> bytes:
    """The reference: WeasyPrint given the HTML with its stylesheet inline."""
    from weasyprint import HTML

    pdf: bytes = HTML(string=html, url_fetcher=rendu._recuperateur()).write_pdf(
        font_config=rendu._polices()
    )
    return pdf


def html_fiche(type_: str, numero: int, *, dans_pack: bool) -> str:
    f = fx.fiche(fx.candidat(fx.session()), type_, numero)
    contexte = {"f": contexte_fiche(f, derniere_version(f)), "ecole": {"nom": "Lycée Test"}}
    return render_to_string(GABARIT, {**contexte, "logo": "", "dans_pack": dans_pack})


@pytest.mark.parametrize("dans_pack", [False, True])
def test_a_fiche_prints_byte_for_byte_as_weasyprint_prints_it_alone(dans_pack):
    html = html_fiche(TypeFiche.E4_NEGO, 1, dans_pack=dans_pack)
    assert html.count("<style>") == 1
    assert rendu.pdf_depuis_html(html) == weasyprint_seul(html)


@pytest.mark.parametrize(
    "tete",
    [
        # As a user sheet, its « !important » would beat the author's one of the style attribute.
        "<style>p { color: red !important; }</style>",
        # As a user sheet, the first would lose to the second despite its specificity.
        "<style>body p { margin: 9mm; }</style><style>p { margin: 2mm; }</style>",
    ],
)
def test_a_sheet_that_would_rank_otherwise_is_left_in_the_html(tete):
    html = (
        f"<!DOCTYPE html><html><head>{tete}</head>"
        '<body><p style="color: blue !important">Texte</p></body></html>'
    )
    rendu._feuille.cache_clear()
    assert rendu.pdf_depuis_html(html) == weasyprint_seul(html)
    assert rendu._feuille.cache_info().currsize == 0


def test_the_sheet_of_a_layout_is_parsed_once_for_all_its_documents():
    rendu._feuille.cache_clear()
    un = html_fiche(TypeFiche.E6_PARTENAIRES, 1, dans_pack=True)
    deux = html_fiche(TypeFiche.E6_VENTE_DIRECTE, 2, dans_pack=True)
    rendu.pdf_depuis_html(un)
    rendu.pdf_depuis_html(deux)
    info = rendu._feuille.cache_info()
    assert (info.misses, info.hits) == (1, 1)


def test_parts_printed_together_keep_each_ones_pages_in_order():
    gabarit = "examens/pdf/fiche.html"
    parties = []
    for numero, type_ in enumerate((TypeFiche.E4_NEGO, TypeFiche.E6_PARTENAIRES), start=1):
        f = fx.fiche(fx.candidat(fx.session(), f"Nom{numero}"), type_, numero)
        contexte = {"f": contexte_fiche(f, derniere_version(f)), "dans_pack": True}
        parties.append((gabarit, contexte))
    pdf, nombres = rendu.pdf_en_parties(parties)
    seuls = [rendu.pdf_depuis_gabarit(g, c) for g, c in parties]

    lus = [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]
    attendus = [p.extract_text() for s in seuls for p in PdfReader(io.BytesIO(s)).pages]
    assert lus == attendus
    assert nombres == [len(PdfReader(io.BytesIO(s)).pages) for s in seuls]
    assert "NOM1" in lus[0] and "NOM2" in lus[nombres[0]]
    with pytest.raises(ValueError):
        rendu.pdf_en_parties([])
