"""The companies' journey of issue 4: a company runs the simulator, then proposes a stage
(its details filled from the company directory, a recorded answer); an administrator accepts
the offer from the queue; a student finds it among the offers."""

from __future__ import annotations

from typing import Any

import pytest
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

from comptes.models import Role, Utilisateur
from public.models import PropositionStage, StatutProposition
from tests import fabriques
from tests.public.enregistrements import SIRET_TROUVE, rejouer

pytestmark = [pytest.mark.navigateur, pytest.mark.django_db(transaction=True)]


def _cocher(navigateur: webdriver.Chrome, case: WebElement) -> None:
    """A DSFR checkbox: its label is what a person clicks."""
    navigateur.find_element(By.CSS_SELECTOR, f"label[for={case.get_attribute('id')}]").click()


def _connecter(navigateur: webdriver.Chrome, url: str, email: str) -> None:
    navigateur.delete_all_cookies()
    navigateur.get(f"{url}/connexion/")
    navigateur.find_element(By.NAME, "username").send_keys(email)
    navigateur.find_element(By.NAME, "password").send_keys("mot-de-passe-demo")
    navigateur.find_element(By.CSS_SELECTOR, "form [type=submit]").click()
    # Logged in once the login page is left: only then does the session cookie exist.
    WebDriverWait(navigateur, 10).until(lambda n: "/connexion/" not in n.current_url)


def test_a_company_simulates_then_proposes_and_the_staff_accept(
    live_server: Any, navigateur: webdriver.Chrome, monkeypatch: pytest.MonkeyPatch
) -> None:
    rejouer(monkeypatch, "trouvee.json")  # the live server runs in this process
    fabriques.promotion(annee_debut=2026)
    for email, role in (
        ("chef@eiffel.example", Role.ADMINISTRATEUR),
        ("eleve@eiffel.example", Role.ETUDIANT),
    ):
        Utilisateur.objects.create_user(email, "mot-de-passe-demo", role=role)
    # htmx swaps elements under our feet: an element gone stale is looked up again.
    attendre = WebDriverWait(navigateur, 10, ignored_exceptions=[StaleElementReferenceException])

    # The simulator: the result follows the form.
    navigateur.get(f"{live_server.url}/entreprises/simulateur/")
    navigateur.find_element(By.NAME, "debut").send_keys("02/02/2026")
    navigateur.find_element(By.NAME, "fin").send_keys("27/02/2026")
    navigateur.find_element(By.NAME, "effectif").send_keys("4")
    navigateur.find_element(By.CSS_SELECTOR, "label[for=id_gratification_3]").click()
    navigateur.find_element(By.NAME, "montant").send_keys("700")
    navigateur.find_element(By.TAG_NAME, "h1").click()  # leaving the field fires `change`
    attendre.until(ec.text_to_be_present_in_element((By.ID, "resultat"), "722,83 €"))

    # From the result to the proposal form, which starts with what the simulation said.
    navigateur.find_element(By.LINK_TEXT, "Proposer un stage").click()
    attendre.until(lambda n: "/entreprises/proposer/?" in n.current_url)
    au_dela = "input[name=gratification][value=au_dela]"  # 700 € a month: above the minimum
    assert navigateur.find_element(By.CSS_SELECTOR, au_dela).is_selected()
    assert "02/02/2026 au 27/02/2026" in str(
        navigateur.find_element(By.NAME, "message").get_attribute("value")
    )
    navigateur.find_element(By.NAME, "siret").send_keys("832 145 676 00025")
    navigateur.find_element(By.NAME, "contact_nom").send_keys("Julie Martin")
    navigateur.find_element(By.XPATH, "//button[normalize-space()='Rechercher']").click()
    # htmx replaces the company block only: what was typed further down stays.
    attendre.until(
        lambda n: (
            n.find_element(By.NAME, "entreprise").get_attribute("value") == "AQUITAINE DISTRIBUTION"
        )
    )
    assert navigateur.find_element(By.NAME, "ville").get_attribute("value") == "BORDEAUX"
    assert navigateur.find_element(By.NAME, "contact_nom").get_attribute("value") == "Julie Martin"
    ville = navigateur.find_element(By.NAME, "ville")
    ville.clear()
    ville.send_keys("Bordeaux")  # still editable
    navigateur.find_element(By.NAME, "contact_email").send_keys("julie.martin@example.org")
    _cocher(navigateur, navigateur.find_elements(By.NAME, "periodes")[0])
    _cocher(navigateur, navigateur.find_elements(By.NAME, "missions")[0])
    navigateur.find_element(
        By.XPATH, "//button[normalize-space()='Envoyer la proposition']"
    ).click()
    attendre.until(lambda _: PropositionStage.objects.exists())
    attendre.until(lambda n: "/entreprises/proposer/merci/" in n.current_url)
    assert "votre proposition est envoyée" in navigateur.page_source
    proposition = PropositionStage.objects.get()
    assert (proposition.siret, proposition.entreprise, proposition.ville) == (
        SIRET_TROUVE,
        "AQUITAINE DISTRIBUTION",
        "Bordeaux",
    )
    assert proposition.periodes.count() == 1 and proposition.missions.count() == 1
    assert proposition.gratification == "au_dela" and "02/02/2026" in proposition.message

    # The administrator: the menu, the queue, the offer, « Accepter ».
    _connecter(navigateur, live_server.url, "chef@eiffel.example")
    # The menu's drop-down « Entreprises », opened, then its link once shown.
    navigateur.find_element(By.XPATH, "//button[normalize-space()='Entreprises']").click()
    attendre.until(lambda n: n.find_element(By.LINK_TEXT, "Propositions de stage").is_displayed())
    navigateur.find_element(By.LINK_TEXT, "Propositions de stage").click()
    attendre.until(lambda n: n.current_url.endswith("/entreprises/propositions/"))
    navigateur.find_element(By.LINK_TEXT, "AQUITAINE DISTRIBUTION").click()
    attendre.until(lambda n: n.current_url.endswith(f"/entreprises/propositions/{proposition.pk}/"))
    navigateur.find_element(
        By.XPATH, "//button[normalize-space()='Accepter : la montrer aux étudiants']"
    ).click()
    attendre.until(
        lambda _: (
            PropositionStage.objects.get(pk=proposition.pk).statut == StatutProposition.ACCEPTEE
        )
    )
    attendre.until(lambda n: n.current_url.endswith("/entreprises/propositions/"))

    # A student finds it among the offers.
    _connecter(navigateur, live_server.url, "eleve@eiffel.example")
    navigateur.find_element(By.LINK_TEXT, "Offres de stage").click()
    attendre.until(lambda n: n.current_url.endswith("/entreprises/offres/"))
    offre = navigateur.find_element(By.TAG_NAME, "main").text
    assert "AQUITAINE DISTRIBUTION — Bordeaux" in offre and "julie.martin@example.org" in offre
