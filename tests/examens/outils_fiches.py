"""Builders of the fiches' tests: a student under way in a stage (optionally followed by a
teacher account, linked to a student account), a fiche of theirs, filled to be sent."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from pypdf import PdfWriter
from pytest_django.fixtures import Settings

from comptes.models import Utilisateur
from conventions.models import Convention
from etablissement.models import Etudiant
from examens import services
from examens.modeles import modele
from examens.models import Fiche
from tests import fabriques
from tests.journal import outils as journal


def _pdf_une_page() -> bytes:
    ecrivain = PdfWriter()
    ecrivain.add_blank_page(width=595, height=842)
    sortie = io.BytesIO()
    ecrivain.write(sortie)
    return sortie.getvalue()


# A real one-page PDF (the annex goes page by page into the commission's pack).
PDF = _pdf_une_page()
# The shape of a PDF, no page to read: refused.
PDF_ILLISIBLE = journal.PDF


@pytest.fixture
def media_temporaire(settings: Settings, tmp_path: Path) -> Path:
    media = tmp_path / "media"
    settings.MEDIA_ROOT = media
    return media


def eleve(
    *, utilisateur: Utilisateur | None = None, referent: Utilisateur | None = None, **champs: Any
) -> Etudiant:
    """A student (linked to `utilisateur`), followed by the teacher account `referent`."""
    if referent is not None:
        champs["referent"] = fabriques.enseignant(utilisateur=referent, email=referent.email)
    return fabriques.etudiant(utilisateur=utilisateur, **champs)


def stage(etudiant: Etudiant) -> Convention:
    return journal.stage(etudiant=etudiant)


def fiche(
    etudiant: Etudiant,
    *,
    type_fiche: str = "E4_NEGO",
    convention: Convention | None = None,
    titre: str = "Vente de caves à vin connectées",
) -> Fiche:
    return services.fiche_creer(
        etudiant=etudiant,
        type_fiche=type_fiche,
        titre=titre,
        convention=convention,
        le=timezone.now(),
        aujourdhui=timezone.localdate(),
    )


def remplir(f: Fiche, *, annexe: bool = True) -> Fiche:
    """Every field filled (and the annex of an E4 fiche): ready to be sent."""
    services.fiche_modifier(
        fiche=f,
        titre=f.titre,
        contenu={c.cle: f"Texte de « {c.libelle} »." for c in modele(f.type).champs},
        le=timezone.now(),
    )
    if annexe and modele(f.type).annexe_offre:
        services.annexe_deposer(
            fiche=f, flux=SimpleUploadedFile("offre.pdf", PDF), taille=len(PDF), le=timezone.now()
        )
    f.refresh_from_db()
    return f


def tout(f: Fiche, avis: str, commentaire: str = "") -> dict[str, tuple[str, str]]:
    """The same word on every field of `f`."""
    return {c.cle: (avis, commentaire) for c in modele(f.type).champs}
