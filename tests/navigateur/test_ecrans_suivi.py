"""The dashboard, the students' and the hosts' screens in Chromium: no serious or critical
axe-core violation (quota chart, sortable tables, forms in error included), and the lists
filter as one types, through htmx, without reloading the page."""

from __future__ import annotations

import time
from datetime import date
from typing import Any

import pytest
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from comptes.models import Role, Utilisateur
from conventions.models import Convention, Statut
from organismes import services as organismes_services
from tests import fabriques
from tests.navigateur.test_accessibilite_public import AXE, violations

pytestmark = [
    pytest.mark.navigateur,
    pytest.mark.django_db(transaction=True),
]

EMAIL, MOT_DE_PASSE = "chef@lycee-eiffel.test", "mot-de-passe-demo"


def _donnees() -> dict[str, int]:
    """A cohort of 30 (two pages of students), a host over its quota one week of March."""
    Utilisateur.objects.create_user(EMAIL, MOT_DE_PASSE, role=Role.ADMINISTRATEUR)
    promo = fabriques.promotion(annee_debut=2025)
    eleves = fabriques.etudiants(promo, 30)
    hote = fabriques.organisme(raison_sociale="Quai des Affaires", effectif=12)
    for eleve in eleves[:3]:
        fabriques.convention(etudiant_=eleve, organisme_=hote)
    Convention.objects.update(statut=Statut.VALIDEE)
    organismes_services.autres_stagiaires_declarer(
        organisme=hote, semaine=date(2026, 3, 9), nombre=1
    )
    return {"etudiant": eleves[0].pk, "organisme": hote.pk, "promotion": promo.pk}


def _connecter(navigateur: webdriver.Chrome, base: str) -> None:
    navigateur.get(f"{base}/connexion/")
    navigateur.find_element(By.NAME, "username").send_keys(EMAIL)
    navigateur.find_element(By.NAME, "password").send_keys(MOT_DE_PASSE)
    navigateur.find_element(By.CSS_SELECTOR, "form [type=submit]").click()
    WebDriverWait(navigateur, 10).until(lambda n: "/connexion/" not in n.current_url)


def test_the_screens_have_no_serious_accessibility_violation(
    live_server: Any, navigateur: webdriver.Chrome
) -> None:
    if not AXE.exists():
        pytest.fail(f"axe-core manque ({AXE}) : make a11y")
    ids = _donnees()
    _connecter(navigateur, live_server.url)
    pages = [
        f"/tableau-de-bord/?promotion={ids['promotion']}&annee=2025",
        "/tableau-de-bord/?annee=2025",  # every cohort in training
        "/presence/",
        "/etudiants/?tri=-naissance",
        "/etudiants/?page=2",
        f"/etudiants/{ids['etudiant']}/",
        f"/etudiants/{ids['etudiant']}/modifier/",
        "/organismes/",
        f"/organismes/{ids['organisme']}/?annee=2025",
        f"/organismes/{ids['organisme']}/effectifs/",
    ]
    graves = {}
    for page in pages:
        navigateur.get(f"{live_server.url}{page}")
        if trouvees := violations(navigateur):
            graves[page] = [
                f"{v['id']} ({v['impact']}) : " + " ; ".join(n["target"][0] for n in v["nodes"][:3])
                for v in trouvees
            ]
    # A form sent back with its errors.
    navigateur.get(f"{live_server.url}/organismes/nouveau/")
    navigateur.find_element(By.NAME, "siren").send_keys("552 081 318")
    # The page's own form, not the header's log-out one.
    navigateur.find_element(By.CSS_SELECTOR, "#content form [type=submit]").click()
    WebDriverWait(navigateur, 10).until(lambda n: "clé de contrôle" in n.page_source)
    if trouvees := violations(navigateur):
        graves["formulaire en erreur"] = [v["id"] for v in trouvees]
    assert not graves, graves


def test_the_student_list_filters_as_one_types(
    live_server: Any, navigateur: webdriver.Chrome
) -> None:
    _donnees()
    _connecter(navigateur, live_server.url)
    navigateur.get(f"{live_server.url}/etudiants/")
    navigateur.execute_script("window.pasRechargee = true")

    def lignes() -> int:
        return len(navigateur.find_elements(By.CSS_SELECTOR, "#resultats-contenu tbody tr"))

    assert lignes() == 25
    navigateur.find_element(By.ID, "id_q").send_keys("Etudiant07")
    WebDriverWait(navigateur, 10).until(lambda n: lignes() == 1)
    Select(navigateur.find_element(By.ID, "id_mineur")).select_by_value("oui")
    WebDriverWait(navigateur, 10).until(lambda n: lignes() == 0)
    time.sleep(0.2)  # let htmx push the address
    assert "q=Etudiant07" in navigateur.current_url and "mineur=oui" in navigateur.current_url
    assert navigateur.execute_script("return window.pasRechargee") is True
    assert len(navigateur.find_elements(By.ID, "resultats-contenu")) == 1
