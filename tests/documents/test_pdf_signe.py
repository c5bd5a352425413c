"""The final PDF of a complete circuit: the staff download it from the documents page and
the circuit page; each signatory receives it by e-mail, attached, and their link then shows
nothing more (the final PDF carries every signatory's address and browser)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from comptes.models import Utilisateur
from documents import signatures
from documents.models import TypeCourriel
from tests.documents.test_signatures import _document

pytestmark = pytest.mark.django_db


def _contenu(reponse: Any) -> bytes:
    return b"".join(reponse.streaming_content)


def _signer(signature: Any) -> None:
    signatures.signer(
        signature=signature, le=timezone.now(), adresse_ip="203.0.113.7", navigateur="test"
    )


def test_each_signatory_receives_the_signed_pdf_by_email_and_the_link_stops_working(
    administrateur: Utilisateur, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    document = _document()
    liens = signatures.circuit_ouvrir(document=document, le=timezone.now(), auteur=administrateur)
    client = Client()
    premier = liens[0]
    _signer(premier.signature)
    page = client.get(reverse("documents:signer", args=[premier.jeton])).content.decode()
    assert "vous recevrez par courriel votre exemplaire signé" in page
    for lien in liens[1:-1]:
        _signer(lien.signature)
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        _signer(liens[-1].signature)

    document.refresh_from_db()
    with document.fichier_signe.open("rb") as f:
        attendu = f.read()
    avec_adresse = sorted(lien.signature.email for lien in liens if lien.signature.email)
    exemplaires = [m for m in mailoutbox if str(m.subject).startswith("Document signé")]
    assert sorted(m.to[0] for m in exemplaires) == avec_adresse
    for message in exemplaires:
        ((nom, contenu, type_mime),) = message.attachments
        assert (nom, contenu, type_mime) == (document.fichier_signe_nom, attendu, "application/pdf")
    assert {
        s.courriels.filter(type=TypeCourriel.EXEMPLAIRE).count()
        for s in document.signatures.exclude(email="")
    } == {1}

    # Every link, the last signatory's included, now shows no document and no evidence.
    for lien in liens:
        reponse = client.get(reverse("documents:signer", args=[lien.jeton]))
        assert reponse.status_code == 410
        texte = reponse.content.decode()
        assert "le circuit de signature est terminé" in texte
        assert reverse("documents:signer_pdf", args=[lien.jeton]) not in texte
        assert "203.0.113.7" not in texte
        assert client.get(reverse("documents:signer_pdf", args=[lien.jeton])).status_code == 404
        assert (
            client.post(
                reverse("documents:signer", args=[lien.jeton]), {"je_signe": "oui"}
            ).status_code
            == 410
        )

    client.force_login(administrateur)
    for page_personnel in ("documents:convention", "documents:suivi"):
        pk = document.convention_id if page_personnel == "documents:convention" else document.pk
        html = client.get(reverse(page_personnel, args=[pk])).content.decode()
        assert reverse("documents:telecharger_signe", args=[document.pk]) in html
    reponse = client.get(reverse("documents:telecharger_signe", args=[document.pk]))
    assert _contenu(reponse) == attendu


def test_the_last_signatory_reads_that_the_copy_comes_by_email(
    administrateur: Utilisateur,
) -> None:
    document = _document()
    liens = signatures.circuit_ouvrir(document=document, le=timezone.now(), auteur=administrateur)
    for lien in liens[:-1]:
        _signer(lien.signature)
    reponse = Client().post(
        reverse("documents:signer", args=[liens[-1].jeton]),
        {"je_signe": "oui", "empreinte": document.sha256},
    )
    assert reponse.status_code == 200
    texte = reponse.content.decode()
    assert "Vous avez signé ce document" in texte
    assert "Votre exemplaire signé vous est envoyé par courriel" in texte
    assert "document-signe.pdf" not in texte and "signe.pdf" not in texte


def test_no_signed_pdf_for_the_staff_before_the_last_signature(
    administrateur: Utilisateur,
) -> None:
    document = _document()
    signatures.circuit_ouvrir(document=document, le=timezone.now())
    client = Client()
    client.force_login(administrateur)
    assert client.get(reverse("documents:telecharger_signe", args=[document.pk])).status_code == 404
