"""The journeys of issue 10 through the spaces, in Chromium: the tutor opens the link the
staff sent, confirms the convention's data and signs; the head of school ticks « Tout
cocher » and signs three conventions at once. Both pages pass axe-core (no serious or
critical violation) and have no horizontal scroll at 390 px."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from comptes.models import Role, Utilisateur
from documents.models import RoleSignataire, Signature
from espaces.models import ConfirmationAccueil
from tests import fabriques
from tests.espaces import outils
from tests.navigateur.test_accessibilite_public import AXE, violations

pytestmark = [
    pytest.mark.navigateur,
    pytest.mark.django_db(transaction=True),
]

LIEN = re.compile(r"https?://\S+/espace/[^/\s]+/")


def _verifier_la_page(navigateur: Any) -> None:
    """No serious accessibility violation; nothing wider than a phone at 390 px."""
    if not AXE.exists():
        pytest.fail(f"axe-core manque ({AXE}) : make a11y")
    graves = violations(navigateur)
    assert not graves, [f"{v['id']} : {v['help']}" for v in graves]
    taille = navigateur.get_window_size()
    navigateur.set_window_size(390, 900)
    try:
        largeur = navigateur.execute_script("return document.documentElement.scrollWidth")
        assert largeur <= 390
    finally:
        navigateur.set_window_size(taille["width"], taille["height"])


def _cocher(navigateur: Any, element_id: str) -> None:
    navigateur.execute_script("arguments[0].click();", navigateur.find_element(By.ID, element_id))


def test_the_tutor_confirms_the_data_then_signs_from_their_space(
    live_server: Any, navigateur: Any, mailoutbox: list[Any], settings: Settings, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SITE_URL = live_server.url
    org, _, tuteur = outils.hote("Cave des Chartrons")
    brouillon = outils.convention(org, tuteur, etudiant_=fabriques.etudiant(nom="Arnaud"))
    a_signer = outils.convention(org, tuteur, etudiant_=fabriques.etudiant(nom="Sallenave"))
    document = outils.circuit(a_signer)
    signature = outils.signature_de(document, RoleSignataire.TUTEUR)
    # The staff send the tutor their link from the host's page.
    personnel = Utilisateur.objects.create_user(
        "secretariat@lycee-eiffel.test", "mot-de-passe-demo", role=Role.ADMINISTRATEUR
    )
    client = Client()
    client.force_login(personnel)
    mailoutbox.clear()
    client.post(
        reverse("espaces:envoyer_organisme", args=[org.pk]),
        {"destinataire": f"tuteur-{tuteur.pk}"},
    )
    (courriel,) = mailoutbox
    lien = LIEN.search(courriel.body)
    assert lien, courriel.body
    navigateur.get(lien.group(0))
    assert "Cave des Chartrons" in navigateur.find_element(By.TAG_NAME, "h1").text
    _verifier_la_page(navigateur)

    # The data of the draft: confirmed.
    _cocher(navigateur, f"id_c{brouillon.pk}-reponse_0")
    bloc = navigateur.find_element(By.XPATH, f"//h3[contains(., 'n° {brouillon.pk}')]/..")
    bloc.find_element(By.XPATH, ".//button[normalize-space()='Envoyer ma réponse']").click()
    WebDriverWait(navigateur, 10).until(lambda n: "vous avez confirmé" in n.page_source)
    assert ConfirmationAccueil.objects.get(convention=brouillon).confirme_le is not None

    # The convention under signature: read, ticked, signed.
    lire = navigateur.find_element(By.PARTIAL_LINK_TEXT, "Lire le PDF")
    assert f"/documents/{document.pk}.pdf" in (lire.get_attribute("href") or "")
    assert Signature.objects.get(pk=signature.pk).signe_le is None  # opening signed nothing
    _cocher(navigateur, f"signature-{signature.pk}")
    _cocher(navigateur, "je_signe")
    navigateur.find_element(
        By.XPATH, "//button[normalize-space()='Signer les documents cochés']"
    ).click()
    WebDriverWait(navigateur, 10).until(lambda n: "1 document signé" in n.page_source)
    assert Signature.objects.get(pk=signature.pk).signe_le is not None


def test_the_head_of_school_signs_three_conventions_at_once(
    live_server: Any, navigateur: Any, mailoutbox: list[Any], settings: Settings, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SITE_URL = live_server.url
    pile = []
    for nom in ("Cave des Chartrons", "Garonne Services", "Print Mériadeck"):
        org, _, tuteur = outils.hote(nom)
        document = outils.circuit(outils.convention(org, tuteur))
        pile.append(outils.signature_de(document, RoleSignataire.ETABLISSEMENT))
    personnel = Utilisateur.objects.create_user(
        "secretariat@lycee-eiffel.test", "mot-de-passe-demo", role=Role.ADMINISTRATEUR
    )
    client = Client()
    client.force_login(personnel)
    mailoutbox.clear()
    client.post(reverse("espaces:envoyer_chef"))
    (courriel,) = mailoutbox
    assert courriel.to == [outils.ECOLE]
    lien = LIEN.search(courriel.body)
    assert lien, courriel.body
    navigateur.get(lien.group(0))
    _verifier_la_page(navigateur)
    _cocher(navigateur, "tout-cocher")
    assert all(navigateur.find_element(By.ID, f"signature-{s.pk}").is_selected() for s in pile)
    _cocher(navigateur, "je_signe")
    navigateur.find_element(
        By.XPATH, "//button[normalize-space()='Signer les documents cochés']"
    ).click()
    WebDriverWait(navigateur, 10).until(lambda n: "3 documents signés" in n.page_source)
    for signature in pile:
        signature.refresh_from_db()
        assert signature.signe_le is not None and signature.navigateur
