"""Journey: while a convention is typed, the side panel shows the law's verdict on the
unsaved form (htmx, strict CSP); the plain submit still saves it."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from comptes.models import Role, Utilisateur
from conventions.models import Convention
from tests import fabriques

pytestmark = [
    pytest.mark.navigateur,
    pytest.mark.django_db(transaction=True),
]


def _champ_date(navigateur, nom: str, valeur: str) -> None:  # type: ignore[no-untyped-def]
    champ = navigateur.find_element(By.NAME, nom)
    navigateur.execute_script(
        "arguments[0].value = arguments[1];"
        "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
        champ,
        valeur,
    )


def test_the_panel_judges_the_form_as_it_is_typed(live_server, navigateur) -> None:  # type: ignore[no-untyped-def]
    Utilisateur.objects.create_user(
        "chef@lycee-eiffel.test", "mot-de-passe-demo", role=Role.ADMINISTRATEUR
    )
    org = fabriques.organisme(raison_sociale="Cave des Chartrons")
    tuteur = fabriques.tuteur(organisme=org)
    eleve = fabriques.etudiant(nom="Benali", prenom="Inès")
    navigateur.get(f"{live_server.url}/connexion/")
    navigateur.find_element(By.NAME, "username").send_keys("chef@lycee-eiffel.test")
    navigateur.find_element(By.NAME, "password").send_keys("mot-de-passe-demo")
    navigateur.find_element(By.CSS_SELECTOR, "form [type=submit]").click()
    # Logged in once the login page is left: only then does the session cookie exist.
    WebDriverWait(navigateur, 10).until(lambda n: "/connexion/" not in n.current_url)

    navigateur.get(f"{live_server.url}/conventions/nouvelle/")
    Select(navigateur.find_element(By.NAME, "etudiant")).select_by_value(str(eleve.pk))
    Select(navigateur.find_element(By.NAME, "etablissement_accueil")).select_by_value(
        str(org.etablissements.get().pk)
    )
    Select(navigateur.find_element(By.NAME, "tuteur")).select_by_value(str(tuteur.pk))
    _champ_date(navigateur, "periodes-0-debut", "2026-03-02")
    _champ_date(navigateur, "periodes-0-fin", "2026-03-27")
    panneau = navigateur.find_element(By.ID, "apercu")
    WebDriverWait(navigateur, 10).until(lambda _: "140 h de présence prévue" in panneau.text)

    # Typing an hour changes the verdict, nothing is saved meanwhile.
    lundi = navigateur.find_element(By.NAME, "minutes_lundi")
    lundi.clear()
    lundi.send_keys("10")
    WebDriverWait(navigateur, 10).until(lambda _: "152 h de présence prévue" in panneau.text)
    assert "Mentions obligatoires manquantes" in panneau.text
    assert not Convention.objects.exists()

    navigateur.find_element(By.XPATH, "//button[text()='Enregistrer']").click()
    WebDriverWait(navigateur, 10).until(lambda n: "/conventions/nouvelle/" not in n.current_url)
    convention = Convention.objects.get()
    assert navigateur.current_url.endswith(f"/conventions/{convention.pk}/")
    assert convention.minutes_lundi == 600
