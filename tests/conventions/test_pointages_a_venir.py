"""A day of presence to come is planned, not done: the record shows it « à venir » with no
input and nothing pre-filled, and the service refuses to record it, in French."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from comptes.models import Utilisateur
from conventions.models import Pointage, Statut
from conventions.services import JourSaisi, pointages_enregistrer
from tests import fabriques
from tests.conventions.ecrans import avancer

pytestmark = pytest.mark.django_db

# Wednesday 4 March 2026, during a stage from Monday 2 to Friday 27 March.
MERCREDI = date(2026, 3, 4)


def _semaine(*jours: tuple[str, str, str]) -> dict[str, Any]:
    donnees: dict[str, Any] = {
        "jours-TOTAL_FORMS": str(len(jours)),
        "jours-INITIAL_FORMS": str(len(jours)),
        "jours-MIN_NUM_FORMS": "0",
        "jours-MAX_NUM_FORMS": "1000",
    }
    for i, (presence, absence, duree) in enumerate(jours):
        donnees[f"jours-{i}-presence"] = presence
        donnees[f"jours-{i}-absence"] = absence
        donnees[f"jours-{i}-minutes_absence"] = duree
    return donnees


@pytest.fixture
def en_cours(administrateur: Utilisateur) -> Any:
    with time_machine.travel(date(2026, 2, 20)):
        return avancer(fabriques.convention(), Statut.EN_COURS, administrateur)


def test_days_to_come_are_shown_planned_not_done(en_cours: Any, clients: dict[str, Client]) -> None:
    url = reverse("conventions:pointages", kwargs={"pk": en_cours.pk})
    with time_machine.travel(MERCREDI):
        page = clients["administrateur"].get(url, {"semaine": "2026-03-02"}).content.decode()
    # Monday to Wednesday have come: three inputs, offered the plan (7 h).
    # presence, absence, duration × 3 days
    assert len(re.findall(r'name="jours-\d', page)) == 9
    assert 'name="jours-3-presence"' not in page
    # Thursday and Friday (and the weekend) are « à venir »: no input, nothing pre-filled.
    assert page.count(">à venir</span>") == 4
    jeudi = page[page.index("jeudi 05/03/2026") :]
    jeudi = jeudi[: jeudi.index("</tr>")]
    assert "à venir" in jeudi and "<input" not in jeudi and "prévu, pas encore relevé" in jeudi
    assert "Enregistrer la semaine" in page


def test_a_week_to_come_has_nothing_to_type(en_cours: Any, clients: dict[str, Client]) -> None:
    url = reverse("conventions:pointages", kwargs={"pk": en_cours.pk})
    with time_machine.travel(MERCREDI):
        page = clients["administrateur"].get(url, {"semaine": "2026-03-16"}).content.decode()
    tableau = page.split("<table>")[1].split("</table>")[0]
    assert "<input" not in tableau and "à venir" in tableau
    assert "Enregistrer la semaine" not in page


def test_typing_a_day_to_come_is_refused_with_a_french_message(
    en_cours: Any, clients: dict[str, Client]
) -> None:
    url = reverse("conventions:pointages", kwargs={"pk": en_cours.pk})
    with time_machine.travel(MERCREDI):
        reponse = clients["administrateur"].post(
            f"{url}?semaine=2026-03-02", _semaine(*[("7", "", "0")] * 5), follow=True
        )
    texte = reponse.content.decode()
    assert "Le 05/03/2026 est à venir : sa présence se relève ce jour-là ou après" in texte
    assert not Pointage.objects.exists()


def test_the_days_that_have_come_are_saved(en_cours: Any, clients: dict[str, Client]) -> None:
    url = reverse("conventions:pointages", kwargs={"pk": en_cours.pk})
    with time_machine.travel(MERCREDI):
        reponse = clients["administrateur"].post(
            f"{url}?semaine=2026-03-02", _semaine(*[("7", "", "0")] * 3)
        )
    assert reponse.status_code == 302
    assert sorted(p.jour.day for p in Pointage.objects.all()) == [2, 3, 4]


def test_the_service_refuses_a_day_after_the_one_given(en_cours: Any) -> None:
    with pytest.raises(ValidationError) as erreur:
        pointages_enregistrer(
            convention=en_cours,
            jours=[JourSaisi(date(2026, 3, 4), 420), JourSaisi(date(2026, 3, 5), 420)],
            auteur=None,
            le=MERCREDI,
        )
    assert "Le 05/03/2026 est à venir" in erreur.value.messages[0]
    assert not Pointage.objects.exists()
    pointages_enregistrer(
        convention=en_cours, jours=[JourSaisi(MERCREDI, 420)], auteur=None, le=MERCREDI
    )
    assert Pointage.objects.count() == 1
