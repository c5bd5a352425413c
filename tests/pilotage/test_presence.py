"""« Semaines de présence non relevées »: per convention whose log is kept, the weeks over on
the day the page is shown whose planned days have no entry, each linked to the record at
that week; the week under way and the weeks to come are not late."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from comptes.models import Utilisateur
from conventions.models import OriginePointage, Statut
from conventions.services import JourSaisi, pointages_enregistrer
from tests import fabriques
from tests.conventions.ecrans import avancer

URL = "/presence/"
# Thursday 19 March 2026, in a stage from Monday 2 to Friday 27 March (Monday to Friday 7 h).
JEUDI = date(2026, 3, 19)


@pytest.fixture
def en_cours(db: None, administrateur: Utilisateur) -> object:
    with time_machine.travel(date(2026, 2, 20)):
        convention = avancer(
            fabriques.convention(etudiant_=fabriques.etudiant(nom="Arnaud", prenom="Alice")),
            Statut.EN_COURS,
            administrateur,
        )
    # The week of 2 March confirmed whole by the tutor, two days of the week of 9 March.
    lundi = date(2026, 3, 2)
    pointages_enregistrer(
        convention=convention,
        jours=[JourSaisi(lundi + timedelta(days=i), 420) for i in range(5)],
        auteur=None,
        origine=OriginePointage.TUTEUR,
        tuteur=convention.tuteur,
    )
    jours = [date(2026, 3, 9), date(2026, 3, 10)]
    pointages_enregistrer(
        convention=convention, jours=[JourSaisi(j, 420) for j in jours], auteur=None
    )
    return convention


def test_it_lists_the_past_weeks_not_recorded_with_a_link_to_each(
    en_cours: object, clients: dict[str, Client]
) -> None:
    # A draft has no log to keep: it is not listed.
    fabriques.convention(etudiant_=fabriques.etudiant(nom="Bernard", prenom="Bruno"))
    with time_machine.travel(JEUDI):
        html = clients["enseignant"].get(URL).content.decode()
    assert "Arnaud Alice" in html and "Bernard" not in html
    pointages = reverse("conventions:pointages", kwargs={"pk": en_cours.pk})  # type: ignore[attr-defined]
    assert f'href="{pointages}?semaine=2026-03-09">Semaine du 09/03/2026</a>' in html
    assert "3 jours sur 5 non relevés" in html
    # Recorded whole; under way on Thursday; to come: none of them is late.
    for lundi in ("2026-03-02", "2026-03-16", "2026-03-23"):
        assert f"semaine={lundi}" not in html
    assert "1 semaine à relever ou à confirmer sur 1 convention" in html


def test_once_the_week_is_over_it_is_late_too(en_cours: object, clients: dict[str, Client]) -> None:
    with time_machine.travel(date(2026, 3, 21)):  # the Saturday
        html = clients["administrateur"].get(URL).content.decode()
    assert "semaine=2026-03-16" in html and "aucun des 5 jours prévus relevé" in html
    assert "semaine=2026-03-23" not in html


def test_nothing_late_says_so(db: None, clients: dict[str, Client]) -> None:
    html = clients["administrateur"].get(URL).content.decode()
    assert "Aucune semaine passée à relever ou à confirmer." in html


def test_the_dashboard_and_the_menu_lead_to_it(db: None, clients: dict[str, Client]) -> None:
    html = clients["enseignant"].get("/tableau-de-bord/").content.decode()
    assert f'href="{URL}"' in html and "Semaines de présence à relever ou à confirmer" in html
    assert f'href="{URL}"' in clients["enseignant"].get(URL).content.decode()


def test_a_student_is_refused(clients: dict[str, Client]) -> None:
    assert clients["etudiant"].get(URL).status_code == 403


def test_a_week_typed_by_staff_without_the_sheet_is_still_to_confirm(
    en_cours: object, clients: dict[str, Client]
) -> None:
    """Staff's word alone is not the host's: the week is listed with its origin; the same
    week typed from the tutor's signed sheet is not. The cohort's count follows."""
    lundi = date(2026, 3, 16)
    jours = [JourSaisi(lundi + timedelta(days=i), 420) for i in range(5)]
    pointages_enregistrer(convention=en_cours, jours=jours, auteur=None)  # type: ignore[arg-type]
    with time_machine.travel(date(2026, 3, 23)):
        html = clients["administrateur"].get(URL).content.decode()
    assert "Semaine du 16/03/2026</a> : saisie par la section, non confirmée par le tuteur" in html
    assert "1 semaine confirmée par le tuteur" in html  # the week of 2 March
    promotion = str(en_cours.etudiant.promotion)  # type: ignore[attr-defined]
    assert f'<th scope="row">{promotion}</th><td>1</td><td>1</td>' in html
    pointages_enregistrer(
        convention=en_cours,  # type: ignore[arg-type]
        jours=jours,
        auteur=None,
        origine=OriginePointage.FEUILLE,
    )
    with time_machine.travel(date(2026, 3, 23)):
        html = clients["administrateur"].get(URL).content.decode()
    assert "semaine=2026-03-16" not in html
    assert "2 semaines confirmées par le tuteur" in html
