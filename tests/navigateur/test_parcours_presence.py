"""The journey of issue 11's presence, in Chromium: the tutor opens their link, confirms a
week with one absence, and the gratification schedule their space shows changes with it.
The page passes axe-core (no serious or critical violation) and has no horizontal scroll at
390 px. Dates are relative to today: the live server reads the real clock."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from conventions.models import OriginePointage, Pointage
from conventions.semaines import lundi_de
from espaces import services
from espaces.presence import MOIS
from tests.espaces import outils
from tests.espaces.presence_outils import stage
from tests.navigateur.test_parcours_espaces import _verifier_la_page

pytestmark = [
    pytest.mark.navigateur,
    pytest.mark.django_db(transaction=True),
]


def _ligne_du_mois(navigateur: Any, pk: int, mois: str) -> str:
    bloc = navigateur.find_element(By.ID, f"gratification-{pk}")
    lignes = [r.text for r in bloc.find_elements(By.CSS_SELECTOR, "tbody tr")]
    return next(t for t in lignes if t.startswith(mois))


def test_the_tutor_confirms_a_week_with_one_absence_and_the_schedule_follows(
    live_server: Any, navigateur: Any
) -> None:
    lundi = lundi_de(timezone.localdate()) - timedelta(days=14)
    periodes = ((lundi, lundi + timedelta(weeks=11, days=4)),)
    c, tuteur, _ = stage("Cave des Chartrons", periodes=periodes)
    _, jeton = outils.lien(services.titulaire_tuteur(tuteur))
    mercredi = lundi + timedelta(days=2)
    mois = f"{MOIS[mercredi.month - 1]} {mercredi.year}"

    navigateur.get(f"{live_server.url}/espace/{jeton}/#presence")
    titre = navigateur.find_element(By.ID, "presence-titre")
    assert titre.text == "Présence à confirmer"
    _verifier_la_page(navigateur)
    avant = _ligne_du_mois(navigateur, c.pk, mois)

    p = f"p{c.pk}-{lundi:%Y%m%d}"
    formulaire = navigateur.find_element(By.CSS_SELECTOR, f'form[action$="/{lundi.isoformat()}/"]')
    formulaire.find_element(By.TAG_NAME, "summary").click()
    presence = navigateur.find_element(By.ID, f"id_{p}-2-presence")
    presence.clear()
    presence.send_keys("0")
    Select(navigateur.find_element(By.ID, f"id_{p}-2-absence")).select_by_visible_text(
        "Maladie ou accident"
    )
    duree = navigateur.find_element(By.ID, f"id_{p}-2-minutes_absence")
    duree.clear()
    duree.send_keys("7")
    formulaire.find_element(By.XPATH, ".//button[contains(., 'avec mes corrections')]").click()
    # The answer is a new page: read it once it has come, never the form being left.
    WebDriverWait(navigateur, 30).until(lambda n: "corrigée et confirmée" in n.page_source)

    page = navigateur.find_element(By.TAG_NAME, "body").text
    assert "corrigée et confirmée" in page
    assert "Le calendrier de la gratification change" in page
    apres = _ligne_du_mois(navigateur, c.pk, mois)
    assert apres != avant
    jour = Pointage.objects.get(convention=c, jour=mercredi)
    assert (jour.absence, jour.minutes_presence, jour.origine) == (
        "maladie_accident",
        0,
        OriginePointage.TUTEUR,
    )
    # The week is confirmed: no longer offered; the next one is.
    assert not navigateur.find_elements(By.CSS_SELECTOR, f'form[action$="/{lundi.isoformat()}/"]')
    _verifier_la_page(navigateur)
