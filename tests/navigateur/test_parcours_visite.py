"""Issue 11's visit journey in Chromium: the référent proposes two slots from the
convention's page, the tutor opens the link e-mailed to them (no account) and picks one;
both get the confirmation with the event. Then the référent writes a visit's report on a
phone-sized form. The tutor's section and the report form pass axe-core (no serious or
critical violation) and have no horizontal scroll at 390 px."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from pytest_django.fixtures import Settings
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from comptes.models import Role, Utilisateur
from suivi.models import Contact, EtatVisite, Nature, Visite
from tests.conventions.ecrans import referent
from tests.navigateur.test_parcours_espaces import _cocher, _verifier_la_page
from tests.suivi import constructeurs as k

pytestmark = [
    pytest.mark.navigateur,
    pytest.mark.django_db(transaction=True),
]

LIEN = re.compile(r"https?://\S+/espace/[^/\s]+/")
EMAIL, MOT_DE_PASSE = "marc.referent@lycee-eiffel.test", "mot-de-passe-demo"


def _connecter(navigateur: Any, base: str) -> None:
    navigateur.get(f"{base}/connexion/")
    navigateur.find_element(By.NAME, "username").send_keys(EMAIL)
    navigateur.find_element(By.NAME, "password").send_keys(MOT_DE_PASSE)
    navigateur.find_element(By.CSS_SELECTOR, "form [type=submit]").click()
    WebDriverWait(navigateur, 10).until(lambda n: "/connexion/" not in n.current_url)


def _saisir(navigateur: Any, nom: str, valeur: str) -> None:
    """Date and time inputs take their value in ISO whatever the browser's locale."""
    champ = navigateur.find_element(By.NAME, nom)
    navigateur.execute_script("arguments[0].value = arguments[1];", champ, valeur)


def _referent() -> Any:
    compte = Utilisateur.objects.create_user(
        EMAIL, MOT_DE_PASSE, role=Role.ENSEIGNANT, first_name="Marc", last_name="Dubourg"
    )
    return referent(compte)


def test_the_referent_plans_a_visit_and_the_tutor_picks_the_slot(
    live_server: Any, navigateur: Any, mailoutbox: list[Any], settings: Settings
) -> None:
    settings.SITE_URL = live_server.url
    stage = k.stage("Cave des Chartrons", referent=_referent())
    jours = [timezone.localdate() + timedelta(days=n) for n in (5, 6)]
    _connecter(navigateur, live_server.url)
    navigateur.get(f"{live_server.url}/conventions/{stage.pk}/")
    assert "Suivi par le référent" in navigateur.page_source
    navigateur.find_element(By.PARTIAL_LINK_TEXT, "Proposer des créneaux de visite").click()
    _saisir(navigateur, "jour_1", jours[0].isoformat())
    _saisir(navigateur, "heure_1", "10:00")
    _saisir(navigateur, "jour_2", jours[1].isoformat())
    _saisir(navigateur, "heure_2", "14:30")
    mailoutbox.clear()
    navigateur.find_element(
        By.XPATH, "//button[normalize-space()='Proposer ces créneaux au tuteur']"
    ).click()
    WebDriverWait(navigateur, 10).until(lambda n: "Les créneaux sont proposés" in n.page_source)
    visite = Visite.objects.get(convention=stage)
    assert visite.creneaux.count() == 2

    # The tutor, without an account: the link of the e-mail.
    (courriel,) = mailoutbox
    assert courriel.to == [stage.tuteur.email]
    lien = LIEN.search(courriel.body)
    assert lien, courriel.body
    navigateur.delete_all_cookies()
    navigateur.get(lien.group(0))
    section = navigateur.find_element(By.ID, "visite")
    assert "14:30" in section.text
    _verifier_la_page(navigateur)
    second = visite.creneaux.get(heure="14:30")
    _cocher(navigateur, f"creneau-{second.pk}")
    mailoutbox.clear()
    navigateur.find_element(By.XPATH, "//button[normalize-space()='Choisir ce créneau']").click()
    WebDriverWait(navigateur, 10).until(lambda n: "le créneau est choisi" in n.page_source)
    visite.refresh_from_db()
    assert (visite.etat, visite.creneau) == (EtatVisite.PLANIFIEE, second)
    (confirmation,) = mailoutbox
    assert set(confirmation.to) == {stage.tuteur.email, stage.referent.email}
    assert confirmation.attachments[0][0] == "visite.ics"
    assert "La visite aura lieu le" in navigateur.find_element(By.ID, "visite").text


def test_the_referent_writes_the_report_on_a_phone(live_server: Any, navigateur: Any) -> None:
    stage = k.stage("Garonne Services", referent=_referent())
    visite = k.planifier(stage)
    _connecter(navigateur, live_server.url)
    navigateur.set_window_size(390, 900)
    navigateur.get(f"{live_server.url}/suivi/visites/{visite.pk}/compte-rendu/")
    _verifier_la_page(navigateur)
    _cocher(navigateur, "id_avis_accueil_1")
    _cocher(navigateur, "id_accueil_possible_2")
    navigateur.find_element(By.NAME, "avis_referent").send_keys("Missions conformes.")
    navigateur.find_element(By.NAME, "kilometres").send_keys("21.5")
    navigateur.find_element(
        By.XPATH, "//button[normalize-space()='Enregistrer le compte rendu']"
    ).click()
    WebDriverWait(navigateur, 10).until(lambda n: "la visite est faite" in n.page_source)
    visite.refresh_from_db()
    assert visite.etat == EtatVisite.FAITE and visite.accueil_possible == "reserves"
    assert Contact.objects.get(visite=visite).nature == Nature.VISITE
