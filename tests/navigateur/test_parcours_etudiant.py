"""The student's journey of issue 10, in Chromium: log in, land on « Mon stage », see the stage
and the days against the target, ask for a convention (the "fiche navette"), see it arrive
« Demandée par vous » while the référent is told by e-mail. Both pages pass axe-core (no
serious or critical violation) and have no horizontal scroll at 390 px."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from comptes.models import Role
from comptes.services import utilisateur_creer
from conventions.models import Convention, Statut
from tests import fabriques
from tests.navigateur.test_parcours_espaces import _cocher, _verifier_la_page

pytestmark = [
    pytest.mark.navigateur,
    pytest.mark.django_db(transaction=True),
]

MOT_DE_PASSE = "mot-de-passe-demo"


def _saisir(navigateur: Any, nom: str, valeur: str) -> None:
    champ = navigateur.find_element(By.NAME, nom)
    champ.clear()
    champ.send_keys(valeur)


def test_a_student_sees_their_stage_then_asks_for_a_convention(
    live_server: Any, navigateur: Any, mailoutbox: list[Any]
) -> None:
    # A cohort whose stage windows are all to come, whatever the day the suite runs.
    promotion = fabriques.promotion(annee_debut=timezone.localdate().year)
    referent = fabriques.enseignant(nom="Dubourg", prenom="Marc", email="marc@lycee-eiffel.test")
    compte = utilisateur_creer(
        email="camille@lycee-eiffel.test",
        role=Role.ETUDIANT,
        prenom="Camille",
        nom="Lalanne",
        mot_de_passe=MOT_DE_PASSE,
    )
    eleve = fabriques.etudiant(
        promotion=promotion, nom="Lalanne", prenom="Camille", utilisateur=compte, referent=referent
    )
    premiere, seconde = promotion.periodes.order_by("debut")[:2]
    fabriques.convention(
        etudiant_=eleve,
        organisme_=fabriques.organisme(raison_sociale="Cave des Chartrons"),
        periodes=[(premiere.debut, premiere.fin)],
    )

    navigateur.get(f"{live_server.url}/connexion/")
    navigateur.find_element(By.NAME, "username").send_keys("camille@lycee-eiffel.test")
    navigateur.find_element(By.NAME, "password").send_keys(MOT_DE_PASSE)
    navigateur.find_element(By.CSS_SELECTOR, "form [type=submit]").click()
    WebDriverWait(navigateur, 10).until(lambda n: "/mon-stage/" in n.current_url)
    page = navigateur.find_element(By.TAG_NAME, "main").text
    assert "Cave des Chartrons" in page
    assert "Jours de stage réalisés et prévus" in page
    _verifier_la_page(navigateur)

    navigateur.find_element(By.LINK_TEXT, "Demander une convention").click()
    WebDriverWait(navigateur, 10).until(lambda n: "/mon-stage/demande/" in n.current_url)
    _verifier_la_page(navigateur)
    siret = fabriques.siret_valide(fabriques.siren_valide(73282932))
    for nom, valeur in {
        "siret": siret,
        "entreprise": "Gironde Conseil",
        "adresse": "3 cours de l'Intendance",
        "code_postal": "33000",
        "ville": "Bordeaux",
        "tuteur_prenom": "Sophie",
        "tuteur_nom": "Bernard",
        "tuteur_fonction": "Responsable commerciale",
        "tuteur_email": "sophie.bernard@gironde-conseil.test",
        "poste": "Chargée de clientèle",
        "message": "Bonjour, voici mon stage de mai.",
    }.items():
        _saisir(navigateur, nom, valeur)
    _cocher(navigateur, "id_periodes_1")
    # The first mission of the catalogue the form offers (the student's formation's).
    navigateur.execute_script(
        "arguments[0].click();", navigateur.find_element(By.CSS_SELECTOR, "input[name=missions]")
    )
    navigateur.find_element(By.XPATH, "//button[normalize-space()='Envoyer la demande']").click()
    WebDriverWait(navigateur, 30).until(
        lambda n: "Demandée par vous" in n.page_source or "fr-error-text" in n.page_source
    )
    assert "Demandée par vous" in navigateur.page_source, navigateur.find_element(
        By.TAG_NAME, "main"
    ).text

    demande = Convention.objects.get(
        etudiant=eleve, etablissement_accueil__organisme__raison_sociale="Gironde Conseil"
    )
    assert demande.statut == Statut.BROUILLON
    assert demande.referent == referent
    assert demande.debut == seconde.debut
    assert any("marc@lycee-eiffel.test" in m.to for m in mailoutbox)
