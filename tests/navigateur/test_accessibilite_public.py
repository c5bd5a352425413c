"""The public pages pass axe-core (tools/a11y) in Chromium: no serious or critical violation.

axe is injected by Selenium, not served by the site: the CSP stays as strict as in
production, and the pages are checked as a visitor gets them (DSFR scripts run)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.core import mail
from django.urls import reverse
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from public.services import proposition_creer
from tests import fabriques
from tests.public.enregistrements import SIRET_TROUVE, rejouer

pytestmark = [
    pytest.mark.navigateur,
    pytest.mark.django_db(transaction=True),
]

AXE = (
    Path(__file__).resolve().parents[2]
    / "tools"
    / "a11y"
    / "node_modules"
    / "axe-core"
    / "axe.min.js"
)
GRAVES = {"serious", "critical"}

PAGES = {
    "la page de la section": ("public:section", ""),
    "le simulateur vide": ("public:simulateur", ""),
    # A result with every part: obligatory gratification, contributions, quota refused,
    # summer rest too short, findings.
    "un résultat complet": (
        "public:simulateur",
        "debut=06%2F07%2F2026&fin=14%2F08%2F2026&lundi=8&mardi=8&mercredi=8&jeudi=8&vendredi=8"
        "&effectif=12&autres_stagiaires=3&gratification=mensuelle&montant=900"
        "&anterieur_debut=04%2F05%2F2026&anterieur_fin=29%2F05%2F2026",
    ),
    "un formulaire en erreur": ("public:simulateur", "debut=zz&fin=01%2F01%2F2026"),
    "la proposition de stage": ("public:proposer", ""),
    "la proposition reprise d'une simulation": (
        "public:proposer",
        "debut=02%2F02%2F2026&fin=27%2F02%2F2026&lundi=7&mardi=7&effectif=4"
        "&gratification=horaire&montant=5",
    ),
}


def violations(navigateur: webdriver.Chrome) -> list[dict[str, Any]]:
    navigateur.execute_script(AXE.read_text(encoding="utf-8"))
    resultat: dict[str, Any] = navigateur.execute_async_script(
        "const fini = arguments[arguments.length - 1];"
        "axe.run(document).then(fini, (erreur) => fini({erreur: String(erreur)}));"
    )
    assert "erreur" not in resultat, resultat.get("erreur")
    return [v for v in resultat["violations"] if v["impact"] in GRAVES]


@pytest.mark.parametrize("nom", PAGES)
def test_the_public_pages_have_no_serious_accessibility_violation(
    live_server: Any, navigateur: webdriver.Chrome, nom: str
) -> None:
    if not AXE.exists():
        pytest.fail(f"axe-core manque ({AXE}) : make a11y")
    fabriques.promotion(annee_debut=2026)
    url_name, requete = PAGES[nom]
    navigateur.get(f"{live_server.url}{reverse(url_name)}?{requete}")
    graves = violations(navigateur)
    assert not graves, "\n".join(
        f"{v['id']} ({v['impact']}) : {v['help']} — "
        + " ; ".join(n["target"][0] for n in v["nodes"][:5])
        for v in graves
    )


def test_the_proposal_form_stays_accessible_through_its_states(
    live_server: Any, navigateur: webdriver.Chrome, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the directory on: the « Rechercher » button, the block htmx swaps in with its
    notice, the notice of an unknown SIRET; then the form sent back with its errors."""
    if not AXE.exists():
        pytest.fail(f"axe-core manque ({AXE}) : make a11y")
    rejouer(monkeypatch, "trouvee.json")
    fabriques.promotion(annee_debut=2026)
    attendre = WebDriverWait(navigateur, 10)
    navigateur.get(f"{live_server.url}{reverse('public:proposer')}")
    graves = {"avec l'annuaire": violations(navigateur)}
    navigateur.find_element(By.NAME, "siret").send_keys(SIRET_TROUVE)
    navigateur.find_element(By.XPATH, "//button[normalize-space()='Rechercher']").click()
    attendre.until(lambda n: n.find_elements(By.CSS_SELECTOR, "#entreprise .fr-alert--success"))
    graves["entreprise trouvée"] = violations(navigateur)
    rejouer(monkeypatch, "maintenance.html")
    navigateur.find_element(By.XPATH, "//button[normalize-space()='Rechercher']").click()
    attendre.until(lambda n: n.find_elements(By.CSS_SELECTOR, "#entreprise .fr-alert--warning"))
    graves["annuaire indisponible"] = violations(navigateur)
    navigateur.find_element(By.NAME, "entreprise").clear()
    navigateur.find_element(
        By.XPATH, "//button[normalize-space()='Envoyer la proposition']"
    ).click()
    attendre.until(lambda n: n.find_elements(By.CSS_SELECTOR, ".fr-error-text"))
    graves["formulaire en erreur"] = violations(navigateur)
    graves = {etat: v for etat, v in graves.items() if v}
    assert not graves, {
        etat: [f"{v['id']} ({v['impact']}) : {v['nodes'][0]['target'][0]}" for v in trouvees]
        for etat, trouvees in graves.items()
    }


def test_the_companys_follow_up_page_is_accessible(
    live_server: Any, navigateur: webdriver.Chrome
) -> None:
    """The private page, with its form to complete the offer (no account, a mailed link)."""
    if not AXE.exists():
        pytest.fail(f"axe-core manque ({AXE}) : make a11y")
    fabriques.promotion(annee_debut=2026)
    proposition_creer(
        entreprise="Aquitaine Distribution",
        siret="83214567600025",
        ville="Mérignac",
        contact_nom="Julie Martin",
        contact_email="julie.martin@example.org",
    )
    (confirmation,) = [c for c in mail.outbox if c.to == ["julie.martin@example.org"]]
    trouve = re.search(r"/entreprises/suivi/[^/\s]+/", str(confirmation.body))
    assert trouve is not None
    navigateur.get(f"{live_server.url}{trouve.group(0)}")
    graves = violations(navigateur)
    assert not graves, [f"{v['id']} ({v['impact']}) : {v['nodes'][0]['target'][0]}" for v in graves]
