"""The section's figures in Chromium: a staff member picks a year and another to compare,
each figure's chart is drawn and named, no serious axe-core violation, and a phone's width
never scrolls sideways."""

from __future__ import annotations

from typing import Any

import pytest
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from comptes.models import Role, Utilisateur
from tests.navigateur.test_accessibilite_public import AXE, violations
from tests.pilotage.chiffres_donnees import section

pytestmark = [
    pytest.mark.navigateur,
    pytest.mark.django_db(transaction=True),
]

EMAIL, MOT_DE_PASSE = "chef-chiffres@lycee-eiffel.test", "mot-de-passe-demo"


def test_a_staff_member_compares_two_years(live_server: Any, navigateur: webdriver.Chrome) -> None:
    if not AXE.exists():
        pytest.fail(f"axe-core manque ({AXE}) : make a11y")
    Utilisateur.objects.create_user(EMAIL, MOT_DE_PASSE, role=Role.ADMINISTRATEUR)
    section()
    navigateur.get(f"{live_server.url}/connexion/")
    navigateur.find_element(By.NAME, "username").send_keys(EMAIL)
    navigateur.find_element(By.NAME, "password").send_keys(MOT_DE_PASSE)
    navigateur.find_element(By.CSS_SELECTOR, "form [type=submit]").click()
    WebDriverWait(navigateur, 10).until(lambda n: "/connexion/" not in n.current_url)

    navigateur.get(f"{live_server.url}/chiffres/?annee=2025")
    Select(navigateur.find_element(By.ID, "chiffres-comparer")).select_by_value("2024")
    navigateur.find_element(By.CSS_SELECTOR, "#content form [type=submit]").click()
    WebDriverWait(navigateur, 10).until(lambda n: "comparer=2024" in n.current_url)

    graphiques = navigateur.find_elements(By.CSS_SELECTOR, "svg.chiffre__svg[role=img]")
    assert len(graphiques) == 9
    titre = navigateur.find_element(By.CSS_SELECTOR, "#placement svg title")
    assert titre.get_attribute("textContent") == (
        "Étudiants placés par période : taux de placement (%), 2025-2026 et 2024-2025"
    )
    graves = violations(navigateur)
    assert not graves, [v["id"] for v in graves]

    navigateur.set_window_size(390, 900)
    navigateur.get(navigateur.current_url)
    largeur = navigateur.execute_script("return document.documentElement.scrollWidth")
    visible = navigateur.execute_script("return document.documentElement.clientWidth")
    assert largeur <= visible
