"""The end of the signature circuit: the last signature moves the convention to "signée"
(through convention_transition, the staff member who opened the circuit as the actor) and
stores the final PDF with its signature page; a new version invalidates only the signatures
already given, and only those signatories sign again."""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from pypdf import PdfReader

from comptes.models import Utilisateur
from conventions.models import Convention, EvenementConvention, Statut
from documents import services, signatures
from documents.models import Document, Signature
from tests.documents.outils import texte_pdf
from tests.documents.test_signatures import _document

pytestmark = pytest.mark.django_db


def _en_signature(document: Document) -> None:
    Convention.objects.filter(pk=document.convention_id).update(statut=Statut.EN_SIGNATURE)


def _signer(signature: Signature, *, navigateur: str = "Firefox de test") -> None:
    signatures.signer(
        signature=signature, le=timezone.now(), adresse_ip="203.0.113.7", navigateur=navigateur
    )


def _pages(contenu: bytes) -> int:
    return len(PdfReader(io.BytesIO(contenu)).pages)


def test_the_last_signature_moves_the_convention_to_signee_with_a_signature_page(
    administrateur: Utilisateur,
) -> None:
    document = _document()
    _en_signature(document)
    liens = signatures.circuit_ouvrir(document=document, le=timezone.now(), auteur=administrateur)
    for lien in liens[:-1]:
        _signer(lien.signature)
    convention = Convention.objects.get(pk=document.convention_id)
    assert convention.statut == Statut.EN_SIGNATURE  # not before the last one
    document.refresh_from_db()
    assert not document.fichier_signe

    _signer(liens[-1].signature, navigateur="Edge du proviseur")

    convention.refresh_from_db()
    assert convention.statut == Statut.SIGNEE
    evenement = EvenementConvention.objects.get(
        convention=convention, action="enregistrer_signatures"
    )
    assert evenement.auteur == administrateur
    document.refresh_from_db()
    with document.fichier.open("rb") as f:
        original = f.read()
    with document.fichier_signe.open("rb") as f:
        final = f.read()
    assert _pages(final) == _pages(original) + 1
    page = " ".join(texte_pdf(final).split())
    for lien in liens:
        assert lien.signature.nom in page
    assert "203.0.113.7" in page
    assert "Edge du proviseur" in page
    assert document.sha256 in page.replace(" ", "")
    assert document.sha256_fichier_signe


def test_a_new_version_invalidates_the_given_signatures_and_only_they_sign_again(
    administrateur: Utilisateur, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    v1 = _document()
    _en_signature(v1)
    liens = signatures.circuit_ouvrir(document=v1, le=timezone.now(), auteur=administrateur)
    _signer(liens[0].signature)
    _signer(liens[1].signature)
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        v2 = services.convention_pdf_generer(
            convention=v1.convention, auteur=administrateur, le=date(2026, 2, 3)
        )

    assert v2.version == 2
    for lien in liens[:2]:
        lien.signature.refresh_from_db()
        assert lien.signature.invalidee_le is not None  # kept as evidence, no longer counts
        assert lien.signature.document == v1
    # The two who had signed get a new link for v2, and nobody else is written to.
    assert sorted(m.to[0] for m in mailoutbox) == sorted(x.signature.email for x in liens[:2])
    nouvelles = {s.role: s for s in v2.signatures.all()}
    assert set(nouvelles) == {lien.signature.role for lien in liens}
    # Those who had not signed keep their link, which now shows v2.
    for lien in liens[2:]:
        trouvee = signatures.signature_par_jeton(lien.jeton, le=timezone.now())
        assert trouvee is not None and trouvee.document == v2
        _signer(trouvee)
    assert Convention.objects.get(pk=v1.convention_id).statut == Statut.EN_SIGNATURE
    for lien in liens[:2]:
        _signer(nouvelles[lien.signature.role])
    assert Convention.objects.get(pk=v1.convention_id).statut == Statut.SIGNEE
    v2.refresh_from_db()
    assert v2.fichier_signe
    assert all(s.sha256_signe == v2.sha256 for s in v2.signatures.all())


def test_no_circuit_opens_on_an_old_version(administrateur: Utilisateur) -> None:
    v1 = _document()
    services.convention_pdf_generer(
        convention=v1.convention, auteur=administrateur, le=date(2026, 2, 3)
    )
    with pytest.raises(signatures.SignatureRefusee, match="version plus récente"):
        signatures.circuit_ouvrir(document=v1, le=timezone.now(), auteur=administrateur)
    assert not Signature.objects.exists()


def test_the_convention_is_dated_by_its_last_signature(administrateur: Utilisateur) -> None:
    document = _document()
    _en_signature(document)
    ouverture = datetime(2026, 2, 9, 8, 0, tzinfo=ZoneInfo("Europe/Paris"))
    liens = signatures.circuit_ouvrir(document=document, le=ouverture, auteur=administrateur)
    for jour, lien in enumerate(liens):
        signatures.signer(
            signature=lien.signature,
            le=ouverture + timedelta(days=jour, hours=2),
            adresse_ip="203.0.113.7",
            navigateur="Firefox de test",
        )
    convention = Convention.objects.get(pk=document.convention_id)
    assert convention.statut == Statut.SIGNEE
    assert convention.date_signature == date(2026, 2, 9 + len(liens) - 1)
