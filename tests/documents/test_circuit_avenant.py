"""The convention's page says where the signature of each avenant stands."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from comptes.models import Utilisateur
from conventions.models import Avenant, Statut
from documents import services, signatures
from tests.documents.test_signatures import _document

pytestmark = pytest.mark.django_db


def test_the_convention_page_shows_each_avenant_circuit(administrateur: Utilisateur) -> None:
    convention = _document(Statut.SIGNEE).convention
    avenant = Avenant.objects.create(
        convention=convention,
        numero=1,
        date_effet=date(2026, 3, 9),
        motif="Horaire",
        changements={"minutes_lundi": {"avant": 420, "apres": 360}},
    )
    client = Client()
    client.force_login(administrateur)
    url = reverse("conventions:detail", args=[convention.pk])
    assert "PDF de l'avenant non généré" in client.get(url).content.decode()

    document = services.avenant_pdf_generer(avenant=avenant, auteur=None, le=date(2026, 3, 2))
    assert "circuit de signature non ouvert" in client.get(url).content.decode()

    liens = signatures.circuit_ouvrir(document=document, le=timezone.now())
    for lien in liens[:2]:
        signatures.signer(
            signature=lien.signature, le=timezone.now(), adresse_ip=None, navigateur="test"
        )
    page = client.get(url).content.decode()
    assert f"2 signatures sur {len(liens)}" in page
    assert liens[2].signature.get_role_display().lower() in page
    assert reverse("documents:suivi", args=[document.pk]) in page

    for lien in liens[2:]:
        signatures.signer(
            signature=lien.signature, le=timezone.now(), adresse_ip=None, navigateur="test"
        )
    page = client.get(url).content.decode()
    assert "signé par tous" in page
    assert reverse("documents:telecharger_signe", args=[document.pk]) in page


def test_an_avenant_is_signed_only_on_a_signed_or_running_convention() -> None:
    convention = _document(Statut.EN_SIGNATURE).convention
    avenant = Avenant.objects.create(
        convention=convention,
        numero=1,
        date_effet=date(2026, 3, 9),
        motif="Horaire",
        changements={"minutes_lundi": {"avant": 420, "apres": 360}},
    )
    document = services.avenant_pdf_generer(avenant=avenant, auteur=None, le=date(2026, 3, 2))
    with pytest.raises(signatures.SignatureRefusee, match="convention signée ou en cours"):
        signatures.circuit_ouvrir(document=document, le=timezone.now())
    assert not document.signatures.exists()
