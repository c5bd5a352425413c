"""No browser or proxy cache keeps what the application shows: a convention page, its PDF, a
signing page reached by a private link, or a public page (Cache-Control: no-store)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django.fixtures import Settings

from comptes.models import Utilisateur
from conventions.models import Statut
from documents import services, signatures
from documents.models import Document
from etablissement.models import Etablissement
from organismes.models import ContactOrganisme, RoleContact
from tests import fabriques
from tests.conventions.ecrans import avancer

pytestmark = pytest.mark.django_db


def _sans_cache(cache_control: str) -> bool:
    return "no-store" in cache_control and "private" in cache_control


@pytest.fixture
def document(settings: Settings, tmp_path: Path, administrateur: Utilisateur) -> Document:
    settings.MEDIA_ROOT = tmp_path / "media"
    org = fabriques.organisme()
    ContactOrganisme.objects.create(
        organisme=org, nom="Lefèvre", prenom="Anne", role=RoleContact.SIGNATAIRE, email="a@x.test"
    )
    Etablissement.objects.update(chef_etablissement_nom="Jean Proviseur")
    convention = avancer(fabriques.convention(organisme_=org), Statut.VALIDEE, administrateur)
    return services.convention_pdf_generer(convention=convention, auteur=None, le=date(2026, 2, 1))


def test_a_convention_page_and_its_pdf_are_not_kept(
    administrateur: Utilisateur, document: Document
) -> None:
    client = Client()
    client.force_login(administrateur)
    page = client.get(reverse("conventions:detail", args=[document.convention_id]))
    assert page.status_code == 200
    assert _sans_cache(page["Cache-Control"])
    pdf = client.get(reverse("documents:telecharger", args=[document.pk]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert _sans_cache(pdf["Cache-Control"])


def test_a_signing_page_and_its_pdf_are_not_kept(
    administrateur: Utilisateur, document: Document
) -> None:
    (lien, *_) = signatures.circuit_ouvrir(
        document=document, le=timezone.now(), auteur=administrateur
    )
    page = Client().get(reverse("documents:signer", args=[lien.jeton]))
    assert page.status_code == 200
    assert _sans_cache(page["Cache-Control"])
    pdf = Client().get(reverse("documents:signer_pdf", args=[lien.jeton]))
    assert pdf.status_code == 200
    assert _sans_cache(pdf["Cache-Control"])


def test_a_public_page_is_not_kept_either(db: None) -> None:
    assert _sans_cache(Client().get(reverse("public:proposer"))["Cache-Control"])
