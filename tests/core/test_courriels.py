"""« Courriels envoyés »: in the demo the administrators read every e-mail the application
sent (signature links, convention status, the companies' proposals), and follow its links;
elsewhere nothing is kept, and the page says so."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings

from comptes.models import Utilisateur
from conventions.services import convention_transition
from documents import signatures
from public.services import proposition_creer
from tests import fabriques
from tests.courriels import courriels_lisibles
from tests.documents.test_signatures import MAINTENANT, _document

pytestmark = pytest.mark.django_db
URL = reverse("courriels")


def _page(utilisateur: Utilisateur, **recherche: str) -> str:
    client = Client()
    client.force_login(utilisateur)
    return client.get(URL, recherche).content.decode()


def _ouvrir(capture: Any) -> list[signatures.Lien]:
    document = _document()
    with capture(execute=True):
        return signatures.circuit_ouvrir(document=document, le=MAINTENANT)


def test_in_the_demo_the_signature_links_are_read_and_followed_from_the_browser(
    settings: Settings, administrateur: Utilisateur, django_capture_on_commit_callbacks: Any
) -> None:
    courriels_lisibles(settings)
    liens = _ouvrir(django_capture_on_commit_callbacks)
    page = _page(administrateur)
    assert "Courriels envoyés</a>" in page  # in the menu
    assert f'href="{signatures.lien_url(liens[0].jeton)}"' in page
    assert liens[0].signature.email in page
    # The convention's e-mails, found by its number (the convention's pages link here).
    numero = str(liens[0].signature.document.convention_id)
    assert f"{len(liens)} courriels pour" in _page(administrateur, q=numero)
    assert "0 courriels pour" in _page(administrateur, q=numero + "0")


def test_a_company_reads_its_confirmation_and_its_follow_up_link(
    settings: Settings, administrateur: Utilisateur, django_capture_on_commit_callbacks: Any
) -> None:
    courriels_lisibles(settings)
    with django_capture_on_commit_callbacks(execute=True):
        proposition_creer(
            entreprise="Aquitaine Distribution",
            ville="Mérignac",
            contact_nom="Julie Martin",
            contact_email="julie.martin@example.org",
        )
    confirmation = next(m for m in mail.outbox if m.to == ["julie.martin@example.org"])
    lien = next(ligne for ligne in confirmation.body.splitlines() if "/entreprises/" in ligne)
    page = _page(administrateur, q="julie.martin@example.org")
    assert "Votre proposition de stage est bien reçue" in page
    assert f'href="{lien}"' in page
    assert Client().get(lien.removeprefix(settings.SITE_URL)).status_code == 200


def test_a_status_change_is_read_there(
    settings: Settings, administrateur: Utilisateur, django_capture_on_commit_callbacks: Any
) -> None:
    courriels_lisibles(settings)
    convention = fabriques.convention(auteur=administrateur)
    with django_capture_on_commit_callbacks(execute=True):
        convention_transition(convention=convention, action="soumettre", auteur=administrateur)
    page = _page(administrateur, q=str(convention.pk))
    assert f"Convention n° {convention.pk} : à valider" in page
    assert convention.etudiant.email in page


def test_elsewhere_nothing_is_kept_and_the_page_says_so(
    settings: Settings, administrateur: Utilisateur, django_capture_on_commit_callbacks: Any
) -> None:
    courriels_lisibles(settings)
    settings.COURRIELS_LISIBLES = False
    liens = _ouvrir(django_capture_on_commit_callbacks)
    assert len(mail.outbox) == len(liens)  # sent all the same
    page = _page(administrateur)
    assert liens[0].jeton not in page
    assert "ne sont gardés ici que dans la démonstration" in page
    assert "Courriels envoyés</a>" not in page  # nothing to read: no menu entry


def test_the_teachers_have_no_such_menu_entry(enseignant: Utilisateur) -> None:
    client = Client()
    client.force_login(enseignant)
    assert "Courriels envoyés" not in client.get("/").content.decode()
