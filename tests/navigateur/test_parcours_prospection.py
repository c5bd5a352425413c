"""The journey of issue 15's prospecting, in Chromium: the staff tick five prospects, prepare
a campaign, confirm « Envoyer à 5 prospects »; one company follows its personal link, proposes
a stage on the pre-filled form, and the proposal lands in the queue with the campaign named.
Every page passes axe-core and has no horizontal scroll at 390 px."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from comptes.models import Role
from comptes.services import utilisateur_creer
from prospection.models import Campagne, Destinataire
from public.models import PropositionStage
from tests.navigateur.test_parcours_journal import _main, _verifier
from tests.prospection import constructeurs

pytestmark = [
    pytest.mark.navigateur,
    pytest.mark.django_db(transaction=True),
]

MOT_DE_PASSE = "mot-de-passe-demo"


def test_a_campaign_to_five_prospects_brings_a_proposal(live_server: Any, navigateur: Any) -> None:
    utilisateur_creer(
        email="helene@lycee-eiffel.test",
        role=Role.ADMINISTRATEUR,
        prenom="Hélène",
        nom="Castaing",
        mot_de_passe=MOT_DE_PASSE,
    )
    prospects = [constructeurs.prospect(f"Entreprise {n}") for n in "ABCDE"]
    constructeurs.prospect("Garage Dupuy", secteur="Automobile")

    navigateur.get(f"{live_server.url}/connexion/")
    navigateur.find_element(By.NAME, "username").send_keys("helene@lycee-eiffel.test")
    navigateur.find_element(By.NAME, "password").send_keys(MOT_DE_PASSE)
    navigateur.find_element(By.CSS_SELECTOR, "form [type=submit]").click()
    WebDriverWait(navigateur, 10).until(lambda n: "/connexion/" not in n.current_url)
    navigateur.get(f"{live_server.url}/prospection/?secteur=Commerce+de+d%C3%A9tail")
    assert "Garage Dupuy" not in _main(navigateur)
    _verifier(navigateur)
    for prospect in prospects:
        navigateur.execute_script(f"document.getElementById('choix-{prospect.pk}').click();")
    navigateur.find_element(
        By.XPATH, "//button[normalize-space()='Préparer une campagne pour les prospects cochés']"
    ).click()
    WebDriverWait(navigateur, 10).until(lambda n: "/campagnes/nouvelle/" in n.current_url)
    assert "5 prospects choisis" in _main(navigateur)
    _verifier(navigateur)
    navigateur.find_element(By.NAME, "titre").send_keys("Stages 2027")
    navigateur.find_element(By.XPATH, "//button[normalize-space()='Préparer la campagne']").click()
    WebDriverWait(navigateur, 10).until(lambda n: "/nouvelle/" not in n.current_url)
    assert mail.outbox == []
    _verifier(navigateur)
    navigateur.find_element(By.LINK_TEXT, "Envoyer à 5 prospects").click()
    WebDriverWait(navigateur, 10).until(lambda n: "/envoyer/" in n.current_url)
    _verifier(navigateur)
    navigateur.find_element(By.XPATH, "//button[normalize-space()='Envoyer à 5 prospects']").click()
    WebDriverWait(navigateur, 10).until(lambda n: "/envoyer/" not in n.current_url)
    assert "envoyée à 5 prospects" in navigateur.find_element(By.TAG_NAME, "body").text
    assert len(mail.outbox) == 5

    message = next(m for m in mail.outbox if m.to == [prospects[2].contact_email])
    lien = re.search(r"(/entreprises/lien/[^/\s]+/)", message.body).group(1)  # type: ignore[union-attr]
    navigateur.delete_all_cookies()
    navigateur.get(live_server.url + lien)
    _verifier(navigateur)
    navigateur.find_element(By.LINK_TEXT, "Proposer un stage").click()
    WebDriverWait(navigateur, 10).until(lambda n: "/proposer/" in n.current_url)
    assert navigateur.find_element(By.NAME, "entreprise").get_attribute("value") == "Entreprise C"
    _verifier(navigateur)
    navigateur.find_element(By.NAME, "siret").send_keys("83214567600025")
    navigateur.execute_script(
        "const g = document.querySelector('[name=gratification][value=minimum]');"
        "if (g) { g.click(); }"
    )
    navigateur.find_element(
        By.CSS_SELECTOR, "form[action$='/entreprises/proposer/'] [type=submit]:not([name])"
    ).click()
    WebDriverWait(navigateur, 10).until(lambda n: "/merci/" in n.current_url)

    proposition = PropositionStage.objects.get()
    assert Destinataire.objects.get(proposition=proposition).campagne == Campagne.objects.get()
    navigateur.get(f"{live_server.url}/connexion/")
    navigateur.find_element(By.NAME, "username").send_keys("helene@lycee-eiffel.test")
    navigateur.find_element(By.NAME, "password").send_keys(MOT_DE_PASSE)
    navigateur.find_element(By.CSS_SELECTOR, "form [type=submit]").click()
    WebDriverWait(navigateur, 10).until(lambda n: "/connexion/" not in n.current_url)
    navigateur.get(f"{live_server.url}/entreprises/propositions/")
    assert "Entreprise C" in _main(navigateur)
    navigateur.find_element(By.PARTIAL_LINK_TEXT, "Entreprise C").click()
    assert "Stages 2027" in _main(navigateur)
    navigateur.get(f"{live_server.url}/prospection/campagnes/{Campagne.objects.get().pk}/")
    assert "reçue le" in _main(navigateur)
    _verifier(navigateur)
