"""Each day of the presence log says who recorded it: staff typing a week say whether it
comes from the tutor's signed paper sheet; the record shows the origin of each day."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from comptes.models import Utilisateur
from conventions.models import EvenementConvention, OriginePointage, Pointage, Statut
from core.audit import Action
from tests import fabriques
from tests.conventions.ecrans import avancer
from tests.conventions.test_pointages_a_venir import _semaine

pytestmark = pytest.mark.django_db

SEMAINE = "2026-03-02"
LUNDI_SUIVANT = date(2026, 3, 9)


@pytest.fixture
def en_cours(administrateur: Utilisateur) -> Any:
    with time_machine.travel(date(2026, 2, 20)):
        return avancer(fabriques.convention(), Statut.EN_COURS, administrateur)


def _post(client: Client, pk: int, **extra: str) -> Any:
    url = reverse("conventions:pointages", kwargs={"pk": pk})
    donnees = _semaine(*[("7", "", "0")] * 5, *[("0", "", "0")] * 2) | extra
    with time_machine.travel(LUNDI_SUIVANT):
        return client.post(f"{url}?semaine={SEMAINE}", donnees, follow=True)


def test_staff_entry_from_the_signed_sheet_is_marked_as_such(
    en_cours: Any, clients: dict[str, Client]
) -> None:
    page = _post(clients["administrateur"], en_cours.pk, origine="feuille").content.decode()
    jours = Pointage.objects.filter(convention=en_cours)
    assert jours.count() == 5
    assert {p.origine for p in jours} == {OriginePointage.FEUILLE}
    assert all(p.saisi_par is not None and p.tuteur is None for p in jours)
    assert "d&#x27;après la feuille signée par le tuteur" in page
    evenement = EvenementConvention.objects.get(convention=en_cours, action=Action.PRESENCE)
    assert evenement.donnees["origine"] == "feuille"


def test_staff_entry_by_default_is_the_sections(en_cours: Any, clients: dict[str, Client]) -> None:
    page = _post(clients["administrateur"], en_cours.pk).content.decode()
    assert {p.origine for p in Pointage.objects.filter(convention=en_cours)} == {
        OriginePointage.PERSONNEL
    }
    assert "Saisi par la section, le" in page
    # The staff's choice is offered, the section's word first.
    assert 'name="origine" value="personnel" checked' in page


def test_an_unknown_origin_is_refused_in_french(en_cours: Any, clients: dict[str, Client]) -> None:
    page = _post(clients["administrateur"], en_cours.pk, origine="tuteur").content.decode()
    assert "Indiquez d&#x27;où vient la saisie" in page
    assert not Pointage.objects.filter(convention=en_cours).exists()
