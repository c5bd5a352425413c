"""The candidate's pack: cover, attestations, fiches, annexes in order, every page numbered;
read back with pypdf."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from examens import pack
from examens.models import TypeFiche
from tests.examens import fabriques_examens as fx

pytestmark = pytest.mark.django_db


def textes(contenu: bytes) -> list[str]:
    return [p.extract_text() for p in PdfReader(io.BytesIO(contenu)).pages]


def test_the_pack_holds_cover_attestations_then_fiches_in_order_and_numbers_pages(
    settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    session = fx.session()
    eleve = fx.dossier_complet(session)
    resultat = pack.pack_candidat(eleve, session)
    pages = textes(resultat.contenu)
    total = len(pages)
    assert resultat.pages == total
    # Every page numbered « page n / N ».
    for n, texte in enumerate(pages, start=1):
        assert f"page {n} / {total}" in texte
    # The cover: candidate, session, deadline, table of contents with the unsigned one said.
    assert "Dossier d'examen" in pages[0]
    assert "MARTIN Lucas" in pages[0]
    assert "15/04/2027" in pages[0]
    assert "non signée" in pages[0]
    # Order: signed attestation (then its signature page), unsigned one, E4 n°1, its annex,
    # E4 n°2, then E6 — each where the table of contents says it starts.
    debuts = [p.debut for p in resultat.pieces]
    assert debuts == sorted(debuts) and debuts[0] == 2
    attendus = [
        "Attestation de stage",
        "Attestation de stage",
        "Vente d'une solution de caisse",
        "ANNEXE OFFRE UN",
        "Salon de l'habitat",
        "Animation du réseau",
    ]
    for piece, attendu in zip(resultat.pieces, attendus, strict=True):
        assert attendu in pages[piece.debut - 1], piece.titre
    signee, non_signee = resultat.pieces[0], resultat.pieces[1]
    assert "PAGE DES SIGNATURES" in pages[signee.debut + signee.pages - 2]
    assert signee.remarque == "" and non_signee.remarque.startswith("non signée")
    # The table of contents gives the page each piece starts on.
    titres = [p.titre for p in resultat.pieces]
    assert titres[2].startswith("Fiche E4 n° 1")
    assert titres[3] == "Annexe de la fiche E4 n° 1 — offre"
    debut_annexe = resultat.pieces[3].debut
    assert "ANNEXE OFFRE UN" in pages[debut_annexe - 1]


def test_the_pack_takes_the_latest_version_of_a_fiche(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    session = fx.session()
    eleve = fx.candidat(session)
    fx.fiche(eleve, TypeFiche.E6_DISTRIBUTEURS, 1, versions=2)
    contenu = "\n".join(textes(pack.pack_candidat(eleve, session).contenu))
    assert "ANCIENNE VERSION" not in contenu
    assert "Offre (texte)" in contenu


def test_an_unreadable_annex_stops_the_pack_with_a_message_naming_the_candidate(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    session = fx.session()
    eleve = fx.candidat(session, nom="Dupuy", prenom="Inès")
    fx.fiche(eleve, TypeFiche.E4_NEGO, 1, annexe=b"ceci n'est pas un PDF")
    with pytest.raises(pack.PackErreur) as erreur:
        pack.pack_candidat(eleve, session)
    assert str(erreur.value) == (
        "Inès Dupuy : l'annexe (présentation de l'offre) de la fiche E4 n° 1 n'est pas un PDF "
        "lisible (fichier absent ou endommagé)."
    )


def test_an_attestation_recorded_on_paper_is_named_on_the_cover_to_be_joined(settings, tmp_path):
    """The section clicked « Enregistrer l'attestation » for a stage whose attestation came
    back on paper: the readiness counts it, so the cover says the original is to be joined."""
    from conventions.models import Convention, Statut
    from documents.models import Document

    settings.MEDIA_ROOT = tmp_path
    session = fx.session()
    eleve = fx.dossier_complet(session)
    premiere = Convention.objects.filter(etudiant=eleve).order_by("pk").first()
    assert premiere is not None
    couverture = textes(pack.pack_candidat(eleve, session).contenu)[0]
    assert "remises sur papier" not in couverture
    Convention.objects.filter(pk=premiere.pk).update(statut=Statut.ATTESTEE)
    assert "remises sur papier" not in textes(pack.pack_candidat(eleve, session).contenu)[0]
    Document.objects.filter(convention=premiere).delete()  # no PDF of it in Stages
    resultat = pack.pack_candidat(eleve, session)
    couverture = " ".join(textes(resultat.contenu)[0].split())
    periode = premiere.periodes.get()
    assert "Attestations remises sur papier" in couverture
    assert f"du {periode.debut:%d/%m/%Y} au {periode.fin:%d/%m/%Y}" in couverture
    assert "original signé est à joindre" in couverture
    assert resultat.attestations == 1  # the PDF of the other stage only
