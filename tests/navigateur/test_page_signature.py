"""The signing page in Chromium, as a tutor on a phone gets it: it says who signs what, fits
390 px without a horizontal scroll, passes axe-core, and « Signaler une erreur » stops the
circuit for everyone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone
from pytest_django.fixtures import Settings
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from documents import signatures
from documents.models import RoleSignataire, Signalement
from tests.documents.test_signatures import _document
from tests.navigateur.test_accessibilite_public import AXE, violations

pytestmark = [pytest.mark.navigateur, pytest.mark.django_db(transaction=True)]


def _sans_defilement_horizontal(navigateur: webdriver.Chrome) -> bool:
    largeurs: tuple[int, int] = navigateur.execute_script(
        "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    return largeurs[0] <= largeurs[1]


def test_a_tutor_reads_who_signs_what_on_a_phone_and_reports_an_error(
    live_server: Any, navigateur: webdriver.Chrome, settings: Settings, tmp_path: Path
) -> None:
    if not AXE.exists():
        pytest.fail(f"axe-core manque ({AXE}) : make a11y")
    settings.MEDIA_ROOT = tmp_path / "media"
    document = _document()
    liens = {
        lien.signature.role: lien
        for lien in signatures.circuit_ouvrir(document=document, le=timezone.now())
    }
    tuteur = liens[RoleSignataire.TUTEUR]
    url = f"{live_server.url}{reverse('documents:signer', args=[tuteur.jeton])}"
    for largeur in (1366, 390):
        navigateur.set_window_size(largeur, 900)
        navigateur.get(url)
        page = navigateur.find_element(By.TAG_NAME, "main").text
        assert "vous signez en tant que tuteur" in page
        assert str(document.convention.etudiant) in page
        assert _sans_defilement_horizontal(navigateur), largeur
        graves = violations(navigateur)
        assert not graves, [f"{v['id']} : {v['help']}" for v in graves]

    navigateur.find_element(By.NAME, "message").send_keys("Le vendredi, le magasin est fermé.")
    navigateur.find_element(By.XPATH, "//button[normalize-space()='Signaler une erreur']").click()
    WebDriverWait(navigateur, 10).until(
        lambda n: "Vous avez signalé une erreur le" in n.page_source
    )
    assert Signalement.objects.filter(signature=tuteur.signature).exists()
    # Another signatory reads that the circuit is stopped, and has no « Je signe ».
    autre = liens[RoleSignataire.ORGANISME]
    navigateur.get(f"{live_server.url}{reverse('documents:signer', args=[autre.jeton])}")
    texte = navigateur.find_element(By.TAG_NAME, "main").text
    assert "Signature suspendue : une erreur a été signalée" in texte
    assert not navigateur.find_elements(By.XPATH, "//button[normalize-space()='Je signe']")
    assert _sans_defilement_horizontal(navigateur)
    assert not violations(navigateur)
