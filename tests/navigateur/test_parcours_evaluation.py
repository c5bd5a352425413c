"""The journey of issue 11's evaluations, in Chromium: the period is over, `manage.py
relances` e-mails the tutor their space link; the tutor opens it, finds « Évaluations à
remplir », fills the form (a first try without the required answers keeps what was typed)
and sends it; the staff see it on the convention. The pages pass axe-core (no serious or
critical violation) and have no horizontal scroll at 390 px."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from pytest_django.fixtures import Settings
from selenium.webdriver.common.by import By

from espaces.evaluations import relances_evaluations
from evaluations.models import Evaluation, Source
from tests.evaluations import outils
from tests.navigateur.test_parcours_espaces import _verifier_la_page

pytestmark = [
    pytest.mark.navigateur,
    pytest.mark.django_db(transaction=True),
]

LIEN = re.compile(r"https?://\S+/espace/[^/\s]+/")


def _cliquer(navigateur: Any, element: Any) -> None:
    navigateur.execute_script("arguments[0].click();", element)


def test_a_tutor_fills_the_evaluation_from_its_email_link(
    live_server: Any, navigateur: Any, mailoutbox: list[Any], settings: Settings, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SITE_URL = live_server.url
    aujourdhui = timezone.localdate()
    c = outils.stage_termine(
        "Cave des Chartrons",
        periodes=((aujourdhui - timedelta(days=30), aujourdhui - timedelta(days=2)),),
    )
    relances_evaluations(le=timezone.now())
    courriel = next(m for m in mailoutbox if m.to == [c.tuteur.email])  # type: ignore[union-attr]
    lien = LIEN.search(courriel.body)
    assert lien, courriel.body
    navigateur.get(lien.group(0))
    section = navigateur.find_element(By.ID, "evaluations")
    assert "Évaluations à remplir" in section.text
    _verifier_la_page(navigateur)
    _cliquer(navigateur, section.find_element(By.PARTIAL_LINK_TEXT, "Remplir l'évaluation"))
    assert (
        "Évaluation du stagiaire par le tuteur" in navigateur.find_element(By.TAG_NAME, "h1").text
    )
    _verifier_la_page(navigateur)

    ev = Evaluation.objects.get(convention=c, type="tuteur")
    questions = {q.code: q for q in ev.questionnaire.questions.all()}
    # A first try: only a strength typed, the required answers missing.
    navigateur.find_element(By.NAME, f"q{questions['points-forts'].pk}").send_keys("Rigueur")
    _cliquer(navigateur, navigateur.find_element(By.CSS_SELECTOR, "form button[type=submit]"))
    assert "Répondez à cette question." in navigateur.page_source
    assert (
        navigateur.find_element(By.NAME, f"q{questions['points-forts'].pk}").get_attribute("value")
        == "Rigueur"
    )
    _verifier_la_page(navigateur)
    # Then every required answer, by clicking the radios.
    for code, valeur in (
        ("assiduite", "5"),
        ("comportement", "4"),
        ("appreciation", "Très satisfaisante"),
        ("autre-stagiaire", "oui"),
        ("b1-2", "TS"),
    ):
        radio = navigateur.find_element(
            By.CSS_SELECTOR, f"input[name='q{questions[code].pk}'][value='{valeur}']"
        )
        _cliquer(navigateur, radio)
    _cliquer(navigateur, navigateur.find_element(By.CSS_SELECTOR, "form button[type=submit]"))
    assert "votre évaluation" in navigateur.page_source
    assert "remplie le" in navigateur.find_element(By.ID, "evaluations").text.lower()

    ev.refresh_from_db()
    assert ev.remplie and ev.source == Source.LIEN
    assert ev.reponses[str(questions["b1-2"].pk)] == "TS"
    assert ev.reponses[str(questions["points-forts"].pk)] == "Rigueur"
