"""The journey of issue 15's students' search, in Chromium: a student without a place logs an
application from « Mon stage » and marks their interest in one of the section's offers (htmx
swaps the offer's card); the staff see them on the offer, propose them to the company, and
the company's follow-up page then names them by their first name. Every page passes
axe-core and has no horizontal scroll at 390 px."""

from __future__ import annotations

from typing import Any

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from candidatures.models import Candidature, InteretOffre
from comptes.models import Role
from comptes.services import utilisateur_creer
from public.jetons import jeton_nouveau
from tests.candidatures import outils
from tests.navigateur.test_parcours_journal import _main, _verifier

pytestmark = [
    pytest.mark.navigateur,
    pytest.mark.django_db(transaction=True),
]

MOT_DE_PASSE = "mot-de-passe-demo"


def _connecter(navigateur: Any, url: str, email: str) -> None:
    navigateur.delete_all_cookies()
    navigateur.get(f"{url}/connexion/")
    navigateur.find_element(By.NAME, "username").send_keys(email)
    navigateur.find_element(By.NAME, "password").send_keys(MOT_DE_PASSE)
    navigateur.find_element(By.CSS_SELECTOR, "form [type=submit]").click()


def test_a_student_logs_an_application_and_marks_interest_and_the_staff_see_it(
    live_server: Any, navigateur: Any
) -> None:
    promo, hiver, _ = outils.promotion("NDRC 2026-2028")
    compte = utilisateur_creer(
        email="romane@lycee-eiffel.test",
        role=Role.ETUDIANT,
        prenom="Romane",
        nom="Vidal",
        mot_de_passe=MOT_DE_PASSE,
    )
    outils.etudiant_de(compte, promo, prenom="Romane", nom="Vidal")
    offre = outils.offre(hiver, entreprise="Lacoste Immobilier")
    jeton, empreinte = jeton_nouveau()
    offre.jeton_empreinte = empreinte
    offre.save()
    utilisateur_creer(
        email="helene@lycee-eiffel.test",
        role=Role.ADMINISTRATEUR,
        prenom="Hélène",
        nom="Castaing",
        mot_de_passe=MOT_DE_PASSE,
    )

    _connecter(navigateur, live_server.url, "romane@lycee-eiffel.test")
    WebDriverWait(navigateur, 10).until(lambda n: "/mon-stage/" in n.current_url)
    navigateur.find_element(By.LINK_TEXT, "Ma recherche de stage").click()
    WebDriverWait(navigateur, 10).until(lambda n: "/mon-stage/recherche/" in n.current_url)
    assert "SANS PLACE" in _main(navigateur).upper()
    assert "Aucune candidature notée" in _main(navigateur)
    _verifier(navigateur)

    navigateur.find_element(By.LINK_TEXT, "Noter une candidature").click()
    WebDriverWait(navigateur, 10).until(lambda n: "/nouvelle/" in n.current_url)
    _verifier(navigateur)
    navigateur.find_element(By.NAME, "organisme_nom").send_keys("Boutique Les Chartrons")
    Select(navigateur.find_element(By.NAME, "canal")).select_by_visible_text("Sur place")
    Select(navigateur.find_element(By.NAME, "reponse")).select_by_visible_text("Entretien")
    navigateur.find_element(By.NAME, "contact").send_keys("M. Darrieux, gérant")
    navigateur.find_element(By.XPATH, "//button[normalize-space()='Enregistrer']").click()
    WebDriverWait(navigateur, 10).until(lambda n: "#candidature-" in n.current_url)
    page = _main(navigateur)
    assert "Boutique Les Chartrons" in page and "ENTRETIEN" in page.upper()
    candidature = Candidature.objects.get()
    assert (candidature.canal, candidature.reponse, candidature.periode) == (
        "sur_place",
        "entretien",
        hiver,
    )

    # « Cette offre m'intéresse »: htmx swaps the card, the page stays where it is.
    adresse = navigateur.current_url
    navigateur.find_element(By.XPATH, "//button[contains(., 'Cette offre m')]").click()
    WebDriverWait(navigateur, 10).until(
        lambda n: n.find_elements(By.XPATH, "//button[contains(., 'Retirer mon intérêt')]")
    )
    assert navigateur.current_url == adresse
    assert InteretOffre.objects.filter(proposition=offre).count() == 1
    _verifier(navigateur)

    # The staff: the counters, then the offer with its interested student, proposed.
    _connecter(navigateur, live_server.url, "helene@lycee-eiffel.test")
    WebDriverWait(navigateur, 10).until(lambda n: "/connexion/" not in n.current_url)
    navigateur.get(f"{live_server.url}/recherche-de-stage/")
    tableau = _main(navigateur)
    assert "Vidal Romane" in tableau and "Boutique Les Chartrons" in tableau
    _verifier(navigateur)
    navigateur.get(f"{live_server.url}/entreprises/propositions/{offre.pk}/")
    assert "Romane Vidal" in _main(navigateur)
    _verifier(navigateur)
    navigateur.find_element(By.XPATH, "//button[contains(., 'Proposer à l')]").click()
    WebDriverWait(navigateur, 10).until(lambda n: "#interesses" in n.current_url)
    assert "PROPOSÉ·E À L'ENTREPRISE" in _main(navigateur).upper()

    # The company's follow-up page names the candidate by her first name only.
    navigateur.delete_all_cookies()
    navigateur.get(f"{live_server.url}/entreprises/suivi/{jeton}/")
    suivi = _main(navigateur)
    assert "La section vous propose 1 étudiant : Romane" in suivi
    assert "Vidal" not in suivi
    _verifier(navigateur)
