"""The paper (or hybrid) path: the staff upload a scanned copy signed in ink for one
signatory or for all, PDF only and 10 Mo at most; only the staff's confirmation counts, and
the convention then follows as for electronic signatures."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from comptes.models import Utilisateur
from conventions.models import Convention, Statut
from documents import signatures
from documents.models import CopieSignee, Document, RoleSignataire
from tests.documents.test_signatures import _document

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n% copie numerisee\n%%EOF\n"


def _en_signature(document: Document) -> None:
    Convention.objects.filter(pk=document.convention_id).update(statut=Statut.EN_SIGNATURE)


def _client(utilisateur: Utilisateur) -> Client:
    client = Client()
    client.force_login(utilisateur)
    return client


def _deposer(client: Client, document: Document, contenu: bytes, **champs: object) -> int:
    reponse = client.post(
        reverse("documents:copies", args=[document.pk]),
        {"fichier": SimpleUploadedFile("copie.pdf", contenu, "application/pdf"), **champs},
    )
    return reponse.status_code


def test_a_copy_for_all_counts_only_once_confirmed_then_the_convention_is_signee(
    administrateur: Utilisateur,
) -> None:
    document = _document()
    _en_signature(document)
    liens = signatures.circuit_ouvrir(document=document, le=timezone.now(), auteur=administrateur)
    signatures.signer(
        signature=liens[0].signature, le=timezone.now(), adresse_ip="10.0.0.1", navigateur="x"
    )
    client = _client(administrateur)
    assert _deposer(client, document, PDF) == 302
    copie = CopieSignee.objects.get()
    assert copie.signature is None
    assert not document.signatures.filter(copie__isnull=False).exists()  # not yet confirmed
    assert Convention.objects.get(pk=document.convention_id).statut == Statut.EN_SIGNATURE

    reponse = client.post(reverse("documents:copie_confirmer", args=[copie.pk]))
    assert reponse.status_code == 302
    copie.refresh_from_db()
    assert copie.confirmee_par == administrateur
    electronique = document.signatures.get(pk=liens[0].signature.pk)
    assert electronique.copie is None and electronique.adresse_ip == "10.0.0.1"
    assert document.signatures.filter(copie=copie).count() == 4
    assert Convention.objects.get(pk=document.convention_id).statut == Statut.SIGNEE
    document.refresh_from_db()
    assert document.fichier_signe
    # A second confirmation is refused, nothing changes.
    assert client.post(reverse("documents:copie_confirmer", args=[copie.pk])).status_code == 409


def test_a_copy_for_one_signatory_leaves_the_others_to_sign(administrateur: Utilisateur) -> None:
    document = _document()
    _en_signature(document)
    liens = signatures.circuit_ouvrir(document=document, le=timezone.now(), auteur=administrateur)
    organisme = next(li.signature for li in liens if li.signature.role == RoleSignataire.ORGANISME)
    client = _client(administrateur)
    assert _deposer(client, document, PDF, signataire=organisme.pk) == 302
    copie = CopieSignee.objects.get()
    client.post(reverse("documents:copie_confirmer", args=[copie.pk]))
    organisme.refresh_from_db()
    assert organisme.signe_le is not None and organisme.copie == copie
    assert organisme.sha256_signe == document.sha256
    assert document.signatures.filter(signe_le__isnull=True).count() == 4
    assert Convention.objects.get(pk=document.convention_id).statut == Statut.EN_SIGNATURE


def test_only_a_pdf_within_the_size_limit_is_accepted(
    administrateur: Utilisateur, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = _document()
    signatures.circuit_ouvrir(document=document, le=timezone.now(), auteur=administrateur)
    client = _client(administrateur)
    assert _deposer(client, document, b"GIF89a pas un pdf") == 400
    monkeypatch.setattr(signatures, "TAILLE_MAX_COPIE", 10)
    assert _deposer(client, document, PDF) == 400
    assert not CopieSignee.objects.exists()


def test_no_copy_before_the_circuit_is_open(administrateur: Utilisateur) -> None:
    document = _document()
    assert _deposer(_client(administrateur), document, PDF) == 400


def test_a_teacher_who_does_not_follow_the_student_cannot_upload(
    administrateur: Utilisateur, enseignant: Utilisateur
) -> None:
    document = _document()
    signatures.circuit_ouvrir(document=document, le=timezone.now(), auteur=administrateur)
    assert _deposer(_client(enseignant), document, PDF) == 403
