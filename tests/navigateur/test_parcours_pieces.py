"""Issue 10: staff reach every document of a convention from its page by clicks only — the
documents page and the PDF, the signature circuit, the student, the host, the avenant's PDF
(generated from there) — and each of those pages leads back to the convention."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pytest_django.fixtures import Settings
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from comptes.models import Role, Utilisateur
from conventions.models import Avenant
from documents.models import Document, TypeDocument
from tests.espaces import outils

pytestmark = [
    pytest.mark.navigateur,
    pytest.mark.django_db(transaction=True),
]


def _cliquer(navigateur: Any, texte: str) -> None:
    lien = navigateur.find_element(By.PARTIAL_LINK_TEXT, texte)
    navigateur.execute_script("arguments[0].click();", lien)


def _retour_a(navigateur: Any, pk: int) -> None:
    """Back to the convention by the page's own link, never by typing its address."""
    precedente = navigateur.current_url
    navigateur.execute_script(
        "arguments[0].click();",
        navigateur.find_element(By.CSS_SELECTOR, f"main a[href$='/conventions/{pk}/']"),
    )
    WebDriverWait(navigateur, 10).until(
        lambda n: n.current_url != precedente and n.current_url.endswith(f"/conventions/{pk}/")
    )


def test_staff_reach_every_document_from_the_convention_page(
    live_server: Any, navigateur: Any, settings: Settings, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    org, _, tuteur = outils.hote("Cave des Chartrons")
    convention = outils.convention(org, tuteur)
    outils.circuit(convention)
    Avenant.objects.create(
        convention=convention,
        numero=1,
        date_effet=date(2026, 3, 9),
        motif="Horaire",
        changements={"minutes_lundi": {"avant": 420, "apres": 360}},
    )
    Utilisateur.objects.create_user(
        "chef@lycee-eiffel.test", "mot-de-passe-demo", role=Role.ADMINISTRATEUR
    )
    navigateur.get(f"{live_server.url}/connexion/")
    navigateur.find_element(By.NAME, "username").send_keys("chef@lycee-eiffel.test")
    navigateur.find_element(By.NAME, "password").send_keys("mot-de-passe-demo")
    navigateur.find_element(By.CSS_SELECTOR, "form [type=submit]").click()
    WebDriverWait(navigateur, 10).until(lambda n: "/connexion/" not in n.current_url)

    # From the list to the convention, by its number.
    navigateur.get(f"{live_server.url}/conventions/")
    navigateur.execute_script(
        "arguments[0].click();",
        navigateur.find_element(By.CSS_SELECTOR, f"main a[href$='/conventions/{convention.pk}/']"),
    )
    WebDriverWait(navigateur, 10).until(lambda n: f"/conventions/{convention.pk}/" in n.current_url)
    pk = convention.pk

    _cliquer(navigateur, "Documents de la convention")
    WebDriverWait(navigateur, 10).until(lambda n: "/documents/" in n.current_url)
    pdf = Document.objects.get(convention=convention, type=TypeDocument.CONVENTION)
    assert navigateur.find_elements(By.CSS_SELECTOR, f"a[href$='/documents/{pdf.pk}/']")
    _retour_a(navigateur, pk)

    _cliquer(navigateur, "Circuit de signature")
    WebDriverWait(navigateur, 10).until(lambda n: f"/documents/{pdf.pk}/circuit/" in n.current_url)
    _retour_a(navigateur, pk)

    _cliquer(navigateur, "Étudiant :")
    WebDriverWait(navigateur, 10).until(lambda n: "/etudiants/" in n.current_url)
    _retour_a(navigateur, pk)

    _cliquer(navigateur, "Organisme :")
    WebDriverWait(navigateur, 10).until(lambda n: "/organismes/" in n.current_url)
    _retour_a(navigateur, pk)

    # The avenant has no PDF yet: « Générer le PDF » from the convention page, then its link.
    navigateur.find_element(
        By.XPATH, "//button[starts-with(normalize-space(), 'Générer le PDF')]"
    ).click()
    WebDriverWait(navigateur, 10).until(
        lambda _: Document.objects.filter(convention=convention, type=TypeDocument.AVENANT).exists()
    )
    # The PDF is sent to the browser (headless Chromium downloads it, the page stays): the
    # convention page, reloaded, now links it.
    if not navigateur.current_url.endswith(f"/conventions/{pk}/"):
        navigateur.back()
    navigateur.refresh()
    avenant = Document.objects.get(convention=convention, type=TypeDocument.AVENANT)
    lien = navigateur.find_element(By.PARTIAL_LINK_TEXT, "Avenant n° 1 (PDF")
    assert (lien.get_attribute("href") or "").endswith(f"/documents/{avenant.pk}/")
