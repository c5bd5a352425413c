"""The pack prints a candidate's fiches as one PDF and cuts it by page range, and stamps an
overlay of page numbers kept per page count: each fiche must still be, page for page, its
own PDF, and every pack numbered with its own total."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from examens import pack, pagination
from examens.models import TypeFiche
from examens.pdf import fiche_pdf
from tests.examens import fabriques_examens as fx

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def medias(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def textes(contenu: bytes) -> list[str]:
    return [p.extract_text() for p in PdfReader(io.BytesIO(contenu)).pages]


def sans_numero(texte: str) -> str:
    return re.sub(r"\s*page \d+ / \d+\s*", "\n", texte).strip()


def test_each_fiche_of_the_pack_is_page_for_page_its_own_pdf():
    session = fx.session()
    eleve = fx.dossier_complet(session)
    fx.fiche(eleve, TypeFiche.E6_VENTE_DIRECTE, 2, titre="Vente directe")
    resultat = pack.pack_candidat(eleve, session)
    pages = [sans_numero(t) for t in textes(resultat.contenu)]
    fiches = pack.fiches(eleve)
    pieces = [p for p in resultat.pieces if p.titre.startswith("Fiche")]
    assert [p.titre.split(" : ")[-1] for p in pieces] == [f.titre for f in fiches]
    for piece, f in zip(pieces, fiches, strict=True):
        seule = [sans_numero(t) for t in textes(fiche_pdf(f, dans_pack=True))]
        assert piece.pages == len(seule)
        assert pages[piece.debut - 1 : piece.debut - 1 + piece.pages] == seule, piece.titre
    # The annex comes right after its E4 fiche, then the next fiche.
    annexe = resultat.pieces[resultat.pieces.index(pieces[0]) + 1]
    assert annexe.debut == pieces[0].debut + pieces[0].pages
    assert "ANNEXE OFFRE UN" in pages[annexe.debut - 1]
    assert pieces[1].debut == annexe.debut + annexe.pages


def test_packs_of_different_lengths_are_each_numbered_with_their_own_total():
    session = fx.session()
    court = fx.candidat(session, "Abadie")  # the cover alone
    long = fx.dossier_complet(session, "Martin")
    pagination.calque.cache_clear()
    for eleve in (court, long, court):
        resultat = pack.pack_candidat(eleve, session)
        pages = textes(resultat.contenu)
        assert resultat.pages == len(pages)
        for n, texte in enumerate(pages, start=1):
            assert f"page {n} / {len(pages)}" in texte
    info = pagination.calque.cache_info()
    assert (info.misses, info.hits) == (2, 1)  # one overlay per page count
