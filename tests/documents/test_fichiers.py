"""A write that fails leaves no file behind: the PDF it stored goes with the rows rolled
back; what a crash of the process leaves, the sweep finds."""

from __future__ import annotations

import io
import os
import time
from datetime import date
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from comptes.models import Utilisateur
from conventions import services as conventions_services
from conventions.models import Convention, Statut
from documents import services, signatures
from documents.models import Document
from tests.documents.test_signatures import _document

pytestmark = pytest.mark.django_db


def _fichiers(media: Path) -> list[str]:
    return sorted(p.name for p in media.rglob("*") if p.is_file())


class Panne(Exception):
    pass


def _panne(**_: object) -> None:
    raise Panne("le serveur s'arrête")


def test_a_crash_at_the_last_signature_leaves_no_signed_pdf(
    administrateur: Utilisateur, media_temporaire: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = _document()
    liens = signatures.circuit_ouvrir(document=document, le=timezone.now(), auteur=administrateur)
    for lien in liens[:-1]:
        signatures.signer(
            signature=lien.signature, le=timezone.now(), adresse_ip=None, navigateur=""
        )
    avant = _fichiers(media_temporaire)
    monkeypatch.setattr(conventions_services, "convention_enregistrer_signatures", _panne)

    with pytest.raises(Panne):
        signatures.signer(
            signature=liens[-1].signature, le=timezone.now(), adresse_ip=None, navigateur=""
        )

    assert _fichiers(media_temporaire) == avant  # the signed PDF went with the rollback
    assert not any(nom.endswith("-signe.pdf") for nom in avant)
    document.refresh_from_db()
    assert not document.fichier_signe and not document.sha256_fichier_signe
    liens[-1].signature.refresh_from_db()
    assert liens[-1].signature.signe_le is None
    assert Convention.objects.get(pk=document.convention_id).statut == Statut.EN_SIGNATURE

    # Tried again once the server is back, the same file name is free.
    monkeypatch.undo()
    signatures.signer(
        signature=liens[-1].signature, le=timezone.now(), adresse_ip=None, navigateur=""
    )
    document.refresh_from_db()
    assert Path(document.fichier_signe.name).name == document.fichier_signe_nom


def test_a_crash_while_storing_a_new_version_leaves_no_pdf(
    media_temporaire: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = _document()
    signatures.circuit_ouvrir(document=document, le=timezone.now())
    avant = _fichiers(media_temporaire)
    monkeypatch.setattr(signatures, "circuit_reporter", _panne)
    with pytest.raises(Panne):
        services.convention_pdf_generer(
            convention=document.convention, auteur=None, le=date(2026, 2, 3)
        )
    assert _fichiers(media_temporaire) == avant
    assert Document.objects.filter(convention_id=document.convention_id).count() == 1


def test_a_paper_copy_whose_row_fails_leaves_no_file(
    administrateur: Utilisateur, media_temporaire: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = _document()
    signatures.circuit_ouvrir(document=document, le=timezone.now())
    avant = _fichiers(media_temporaire)
    monkeypatch.setattr(signatures.CopieSignee, "save", lambda *a, **k: _panne())
    with pytest.raises(Panne):
        signatures.copie_deposer(
            document=document,
            contenu=b"%PDF-1.4 copie",
            signature=None,
            auteur=administrateur,
            le=timezone.now(),
        )
    assert _fichiers(media_temporaire) == avant


def test_the_sweep_deletes_old_files_no_row_references(media_temporaire: Path) -> None:
    document = _document()
    dossier = media_temporaire / "documents" / "convention-999"
    dossier.mkdir(parents=True)
    vieux, recent = dossier / "convention-999-v1-signe.pdf", dossier / "en-cours.pdf"
    for fichier in (vieux, recent):
        fichier.write_bytes(b"%PDF-1.7")
    il_y_a_deux_heures = time.time() - 2 * 3600
    os.utime(vieux, (il_y_a_deux_heures, il_y_a_deux_heures))
    reference = Path(document.fichier.path)
    os.utime(reference, (il_y_a_deux_heures, il_y_a_deux_heures))

    sortie = io.StringIO()
    call_command("documents_orphelins", stdout=sortie)
    assert "documents/convention-999/convention-999-v1-signe.pdf" in sortie.getvalue()
    assert vieux.exists()  # only listed

    call_command("documents_orphelins", "--supprimer", stdout=io.StringIO())
    assert not vieux.exists()
    assert recent.exists()  # a write may be in progress
    assert reference.exists()  # a document's file
