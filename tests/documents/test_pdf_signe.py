"""The final PDF of a complete circuit: the staff download it from the documents page and
the circuit page, each signatory from their own signing page; not before all have signed."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from comptes.models import Utilisateur
from documents import signatures
from tests.documents.test_signatures import _document

pytestmark = pytest.mark.django_db


def _contenu(reponse: Any) -> bytes:
    return b"".join(reponse.streaming_content)


def test_each_signatory_downloads_the_signed_pdf_once_all_have_signed(
    administrateur: Utilisateur,
) -> None:
    document = _document()
    liens = signatures.circuit_ouvrir(document=document, le=timezone.now())
    client = Client()
    premier = liens[0]
    signatures.signer(
        signature=premier.signature, le=timezone.now(), adresse_ip=None, navigateur="test"
    )
    page = client.get(reverse("documents:signer", args=[premier.jeton])).content.decode()
    assert "Quand tous auront signé" in page
    url_signe = reverse("documents:signer_pdf_signe", args=[premier.jeton])
    assert client.get(url_signe).status_code == 404

    for lien in liens[1:]:
        signatures.signer(
            signature=lien.signature, le=timezone.now(), adresse_ip=None, navigateur="test"
        )

    page = client.get(reverse("documents:signer", args=[premier.jeton])).content.decode()
    assert url_signe in page
    document.refresh_from_db()
    with document.fichier_signe.open("rb") as f:
        attendu = f.read()
    assert _contenu(client.get(url_signe)) == attendu

    client.force_login(administrateur)
    for page_personnel in ("documents:convention", "documents:suivi"):
        pk = document.convention_id if page_personnel == "documents:convention" else document.pk
        html = client.get(reverse(page_personnel, args=[pk])).content.decode()
        assert reverse("documents:telecharger_signe", args=[document.pk]) in html
    reponse = client.get(reverse("documents:telecharger_signe", args=[document.pk]))
    assert _contenu(reponse) == attendu


def test_no_signed_pdf_for_the_staff_before_the_last_signature(
    administrateur: Utilisateur,
) -> None:
    document = _document()
    signatures.circuit_ouvrir(document=document, le=timezone.now())
    client = Client()
    client.force_login(administrateur)
    assert client.get(reverse("documents:telecharger_signe", args=[document.pk])).status_code == 404
