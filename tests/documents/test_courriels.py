"""« Courriels envoyés »: the administrators read every e-mail of the documents; in the demo
the signature links are there and lead to the signing page."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings

from comptes.models import Utilisateur
from documents import signatures
from tests.documents.test_signatures import MAINTENANT, _document

pytestmark = pytest.mark.django_db
URL = reverse("documents:courriels")


def _ouvrir(capture: Any) -> list[signatures.Lien]:
    document = _document()
    with capture(execute=True):
        return signatures.circuit_ouvrir(document=document, le=MAINTENANT)


def test_in_the_demo_the_links_are_read_and_followed_from_the_browser(
    settings: Settings, administrateur: Utilisateur, django_capture_on_commit_callbacks: Any
) -> None:
    settings.COURRIELS_LISIBLES = True
    liens = _ouvrir(django_capture_on_commit_callbacks)
    client = Client()
    client.force_login(administrateur)
    page = client.get(URL).content.decode()
    assert "Courriels envoyés</a>" in page  # in the menu
    url = signatures.lien_url(liens[0].jeton)
    assert f'href="{url}"' in page
    assert liens[0].signature.email in page


def test_elsewhere_the_journal_shows_who_and_when_but_no_link(
    settings: Settings, administrateur: Utilisateur, django_capture_on_commit_callbacks: Any
) -> None:
    settings.COURRIELS_LISIBLES = False
    liens = _ouvrir(django_capture_on_commit_callbacks)
    client = Client()
    client.force_login(administrateur)
    page = client.get(URL, {"q": liens[0].signature.email}).content.decode()
    assert "1 courriel pour" in page
    assert liens[0].jeton not in page
    assert "masqué" in page


def test_the_teachers_have_no_such_menu_entry(enseignant: Utilisateur) -> None:
    client = Client()
    client.force_login(enseignant)
    assert "Courriels envoyés" not in client.get("/").content.decode()
