"""The presence log, a week at a time: planned hours next to the recorded ones, the week
saved through the service, the totals (hours, days of 7 h, months of 154 h) updated."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from comptes.models import Utilisateur
from conventions.models import Pointage, Statut
from tests import fabriques
from tests.conventions.ecrans import avancer, etudiant_suivi_par

pytestmark = pytest.mark.django_db


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


SEMAINE_DU_2_MARS = _semaine(
    ("7", "", "0"),
    ("5", "", "0"),
    ("0", "maladie_accident", "7"),
    ("7:00", "", "0"),
    ("7", "", "0"),
    ("0", "", "0"),
    ("0", "", "0"),
)


def test_a_week_is_saved_and_the_totals_follow(
    administrateur: Utilisateur, enseignant: Utilisateur, clients: dict[str, Client]
) -> None:
    convention = fabriques.convention(etudiant_=etudiant_suivi_par(enseignant))
    avancer(convention, Statut.EN_COURS, administrateur)
    url = reverse("conventions:pointages", kwargs={"pk": convention.pk})
    client = clients["enseignant"]

    page = client.get(url, {"semaine": "2026-03-04"}).content.decode()
    assert "Semaine du 02/03/2026 au 08/03/2026" in page
    assert "140 h" in page  # four weeks of 35 h, all still planned
    assert page.count(">non relevé<") == 7  # each day of the week, none recorded yet

    reponse = client.post(f"{url}?semaine=2026-03-02", SEMAINE_DU_2_MARS)
    assert reponse.status_code == 302 and reponse["Location"].endswith("?semaine=2026-03-02")

    # Five planned days recorded (the weekend, empty, is not); the sick day counts nothing.
    releves = {p.jour.day: p for p in Pointage.objects.filter(convention=convention)}
    assert sorted(releves) == [2, 3, 4, 5, 6]
    assert releves[3].minutes_presence == 300 and releves[4].absence == "maladie_accident"
    page = client.get(url, {"semaine": "2026-03-02"}).content.decode()
    assert "Semaine du 02/03/2026 enregistrée." in page
    assert "131 h" in page and "18,71" in page and "0,85" in page  # 26 h done + 105 h planned
    assert 'value="5"' in page and "Marc Leroy" in page


def test_a_wrong_duration_is_refused_next_to_its_day(
    administrateur: Utilisateur, clients: dict[str, Client]
) -> None:
    convention = avancer(fabriques.convention(), Statut.EN_COURS, administrateur)
    url = reverse("conventions:pointages", kwargs={"pk": convention.pk})
    jours = [("7", "", "0")] * 7
    jours[1] = ("huit", "", "0")
    jours[2] = ("0", "", "7")  # an absence without its type
    page = clients["administrateur"].post(f"{url}?semaine=2026-03-02", _semaine(*jours))
    texte = page.content.decode()
    assert page.status_code == 200 and 'value="huit"' in texte
    assert (
        "Indiquez une durée en heures" in texte and "Indiquez le motif de l&#x27;absence." in texte
    )
    assert not Pointage.objects.exists()


def test_public_holidays_and_reading_only(
    administrateur: Utilisateur, clients: dict[str, Client]
) -> None:
    convention = fabriques.convention(periodes=[(date(2026, 4, 6), date(2026, 4, 17))])
    url = reverse("conventions:pointages", kwargs={"pk": convention.pk})
    page = clients["enseignant"].get(url).content.decode()
    assert "férié (Lundi de Pâques)" in page
    assert "Le relevé se tient pendant le stage" in page  # a draft: nothing to type yet
    assert "Enregistrer la semaine" not in page
    assert clients["enseignant"].post(url, _semaine()).status_code == 403
