"""The journey of issue 11's activity log, in Chromium: a student logs an entry from « Mon
stage » and the coverage view updates (B1.3 no longer a gap, the E4 « évènement » fiche
fed); the tutor countersigns it from their space, and the student can no longer change
it. Every page passes axe-core and has no horizontal scroll at 390 px."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from comptes.models import Role
from comptes.services import utilisateur_creer
from espaces import services as espaces_services
from journal.models import EntreeJournal
from tests import fabriques
from tests.espaces import outils as espaces
from tests.journal import outils
from tests.navigateur.test_parcours_espaces import _verifier_la_page

pytestmark = [
    pytest.mark.navigateur,
    pytest.mark.django_db(transaction=True),
]

MOT_DE_PASSE = "mot-de-passe-demo"


def _verifier(navigateur: Any) -> None:
    """axe-core and 390 px (the spaces' check), and nothing wider than the viewport itself
    (a scrollbar may take some of the 390 px)."""
    _verifier_la_page(navigateur)
    taille = navigateur.get_window_size()
    navigateur.set_window_size(390, 900)
    try:
        largeurs = navigateur.execute_script(
            "const e = document.documentElement; return [e.scrollWidth, e.clientWidth];"
        )
        assert largeurs[0] <= largeurs[1], largeurs
    finally:
        navigateur.set_window_size(taille["width"], taille["height"])


def _main(navigateur: Any) -> str:
    return str(navigateur.find_element(By.TAG_NAME, "main").text)


def test_a_student_logs_an_entry_and_the_coverage_updates(
    live_server: Any, navigateur: Any
) -> None:
    compte = utilisateur_creer(
        email="camille@lycee-eiffel.test",
        role=Role.ETUDIANT,
        prenom="Camille",
        nom="Lalanne",
        mot_de_passe=MOT_DE_PASSE,
    )
    eleve = fabriques.etudiant(nom="Lalanne", prenom="Camille", utilisateur=compte)
    org, _, tuteur = espaces.hote("Cave des Chartrons")
    outils.stage(etudiant=eleve, organisme=org, tuteur=tuteur)

    navigateur.get(f"{live_server.url}/connexion/")
    navigateur.find_element(By.NAME, "username").send_keys("camille@lycee-eiffel.test")
    navigateur.find_element(By.NAME, "password").send_keys(MOT_DE_PASSE)
    navigateur.find_element(By.CSS_SELECTOR, "form [type=submit]").click()
    WebDriverWait(navigateur, 10).until(lambda n: "/mon-stage/" in n.current_url)
    navigateur.find_element(By.LINK_TEXT, "Compétences et fiches couvertes").click()
    WebDriverWait(navigateur, 10).until(lambda n: "/couverture/" in n.current_url)
    avant = _main(navigateur)
    assert "Aucune activité pour B1.3 Organiser et animer un évènement commercial" in avant
    _verifier(navigateur)

    navigateur.find_element(By.LINK_TEXT, "Mon journal de stage").click()
    WebDriverWait(navigateur, 10).until(lambda n: n.current_url.endswith("/mon-stage/journal/"))
    _verifier(navigateur)
    navigateur.find_element(By.CSS_SELECTOR, "a[href$='/mon-stage/journal/nouvelle/']").click()
    WebDriverWait(navigateur, 10).until(lambda n: "/nouvelle/" in n.current_url)
    _verifier(navigateur)
    hier = (outils.aujourdhui() - timedelta(days=1)).isoformat()
    navigateur.execute_script(
        "document.querySelector('[name=date_debut]').value = arguments[0];", hier
    )
    navigateur.find_element(By.NAME, "activites").send_keys(
        "Soirée dégustation : accueil de 40 clients, relance des contacts le lendemain."
    )
    b13 = outils.competence("B1.3")
    navigateur.execute_script(
        "document.querySelector(`[name=competences][value='${arguments[0]}']`).click();", b13.pk
    )
    navigateur.find_element(By.XPATH, "//button[normalize-space()='Enregistrer']").click()
    WebDriverWait(navigateur, 10).until(lambda n: "#entree-" in n.current_url)
    assert "Soirée dégustation" in _main(navigateur)
    entree = EntreeJournal.objects.get()
    assert list(entree.competences.all()) == [b13]
    # Its page, choices unfolded (the competence ticked) and the attachments' form.
    navigateur.find_element(By.PARTIAL_LINK_TEXT, "Modifier").click()
    WebDriverWait(navigateur, 10).until(lambda n: f"/journal/{entree.pk}/" in n.current_url)
    assert navigateur.find_element(By.NAME, "fichier")
    _verifier(navigateur)
    navigateur.find_element(By.LINK_TEXT, "Mon journal de stage").click()

    navigateur.find_element(By.LINK_TEXT, "Compétences et fiches couvertes").click()
    WebDriverWait(navigateur, 10).until(lambda n: "/couverture/" in n.current_url)
    apres = _main(navigateur)
    assert "Aucune activité pour B1.3" not in apres
    assert "Aucune activité pour B1.2" in apres
    fiche = navigateur.find_element(
        By.XPATH, "//li[contains(., 'Organisation et animation d')]"
    ).text
    assert "1 entrée" in fiche.lower()
    _verifier(navigateur)

    # The tutor countersigns from their space; the entry is then read-only for the student.
    _, jeton = espaces.lien(espaces_services.titulaire_tuteur(tuteur))
    navigateur.get(f"{live_server.url}/espace/{jeton}/")
    assert "Soirée dégustation" in _main(navigateur)
    _verifier(navigateur)
    navigateur.find_element(By.XPATH, "//button[normalize-space()='Je contresigne']").click()
    WebDriverWait(navigateur, 10).until(lambda n: "#journal" in n.current_url)
    assert "n'attend votre contresignature" in _main(navigateur)
    entree.refresh_from_db()
    assert entree.contresignee
    navigateur.get(f"{live_server.url}/mon-stage/journal/{entree.pk}/")
    assert "a contresigné cette entrée" in _main(navigateur)
    assert not navigateur.find_elements(By.NAME, "activites")
