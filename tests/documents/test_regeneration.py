"""A signed convention changes by an avenant: its PDF is not generated again (a new version
would void every signature and write to every signatory while the status stays "signée")."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from comptes.models import Utilisateur
from conventions.models import Avenant, Convention, Statut
from documents import services, signatures
from documents.models import Document, Signature
from tests.documents.test_signatures import _document

pytestmark = pytest.mark.django_db


def _client(utilisateur: Utilisateur) -> Client:
    client = Client()
    client.force_login(utilisateur)
    return client


@pytest.mark.parametrize("statut", [Statut.SIGNEE, Statut.EN_COURS])
def test_a_signed_convention_is_not_generated_again(
    statut: Statut, administrateur: Utilisateur
) -> None:
    document = _document(statut)
    reponse = _client(administrateur).post(
        reverse("documents:convention_pdf", args=[document.convention_id])
    )
    assert reponse.status_code == 409
    assert "faites un avenant" in reponse.content.decode()
    assert Document.objects.filter(convention_id=document.convention_id).count() == 1
    page = _client(administrateur).get(
        reverse("documents:convention", args=[document.convention_id])
    )
    html = page.content.decode()
    assert reverse("documents:convention_pdf", args=[document.convention_id]) not in html
    assert "il change par un avenant" in html


def test_a_complete_circuit_is_not_voided_by_a_new_version(
    administrateur: Utilisateur, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    """All signed but the convention left "en signature" (the staff record it later): the
    document itself is final."""
    document = _document()
    for lien in signatures.circuit_ouvrir(document=document, le=timezone.now()):
        signatures.signer(
            signature=lien.signature, le=timezone.now(), adresse_ip=None, navigateur=""
        )
    assert Convention.objects.get(pk=document.convention_id).statut == Statut.EN_SIGNATURE
    mailoutbox.clear()
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(services.GenerationRefusee, match="Tous les signataires ont signé"),
    ):
        services.convention_pdf_generer(
            convention=document.convention, auteur=administrateur, le=date(2026, 2, 3)
        )
    assert not Signature.objects.filter(invalidee_le__isnull=False).exists()
    assert mailoutbox == []
    assert Document.objects.filter(convention_id=document.convention_id).count() == 1


def test_a_signed_avenant_is_not_generated_again(administrateur: Utilisateur) -> None:
    convention = _document(Statut.SIGNEE).convention
    avenant = Avenant.objects.create(
        convention=convention,
        numero=1,
        date_effet=date(2026, 3, 9),
        motif="Horaire",
        changements={"minutes_lundi": {"avant": 420, "apres": 360}},
    )
    document = services.avenant_pdf_generer(avenant=avenant, auteur=None, le=date(2026, 3, 2))
    for lien in signatures.circuit_ouvrir(document=document, le=timezone.now()):
        signatures.signer(
            signature=lien.signature, le=timezone.now(), adresse_ip=None, navigateur=""
        )
    reponse = _client(administrateur).post(
        reverse("documents:avenant_pdf", args=[convention.pk, 1])
    )
    assert reponse.status_code == 409
    assert "Tous les signataires ont signé ce document" in reponse.content.decode()


def test_a_convention_still_under_signature_gets_its_new_version() -> None:
    document = _document()
    signatures.circuit_ouvrir(document=document, le=timezone.now())
    nouveau = services.convention_pdf_generer(
        convention=document.convention, auteur=None, le=date(2026, 2, 3)
    )
    assert nouveau.version == 2
    assert nouveau.signatures.count() == 5


def test_a_signatory_who_read_the_old_version_is_asked_to_read_the_new_one() -> None:
    document = _document()
    lien = signatures.circuit_ouvrir(document=document, le=timezone.now())[0]
    client = Client()
    url = reverse("documents:signer", args=[lien.jeton])
    assert document.sha256 in client.get(url).content.decode()  # the page they read
    nouveau = services.convention_pdf_generer(
        convention=document.convention, auteur=None, le=date(2026, 2, 3)
    )
    assert nouveau.sha256 != document.sha256  # dated another day

    reponse = client.post(url, {"je_signe": "oui", "empreinte": document.sha256})

    assert "Le document a changé depuis que vous l&#x27;avez ouvert" in reponse.content.decode()
    lien.signature.refresh_from_db()
    assert lien.signature.signe_le is None
