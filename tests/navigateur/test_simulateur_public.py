"""Journey: a company fills in the simulator; the result follows each change (htmx) and the
address bar keeps a link that replays the simulation."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

pytestmark = [pytest.mark.navigateur, pytest.mark.django_db(transaction=True)]


def test_the_result_follows_the_form_without_a_click(
    live_server: Any, navigateur: webdriver.Chrome
) -> None:
    navigateur.get(f"{live_server.url}{reverse('public:simulateur')}")
    attendre = WebDriverWait(navigateur, 10)
    navigateur.find_element(By.NAME, "debut").send_keys("02/02/2026")
    navigateur.find_element(By.NAME, "fin").send_keys("27/02/2026")
    navigateur.find_element(By.NAME, "effectif").send_keys("4")
    navigateur.find_element(By.CSS_SELECTOR, "label[for=id_gratification_3]").click()
    champ = navigateur.find_element(By.NAME, "montant")
    champ.send_keys("700")
    navigateur.find_element(By.TAG_NAME, "h1").click()  # leaving the field fires `change`
    attendre.until(ec.text_to_be_present_in_element((By.ID, "resultat"), "722,83 €"))
    # No page load: the form is the one typed in, and the address replays the simulation.
    assert champ.get_attribute("value") == "700"
    assert "montant=700" in navigateur.current_url
    navigateur.get(navigateur.current_url)
    assert "722,83 €" in navigateur.find_element(By.ID, "resultat").text
    # The print button exists only with JavaScript.
    assert navigateur.find_element(By.CSS_SELECTOR, "[data-imprimer]").is_displayed()
