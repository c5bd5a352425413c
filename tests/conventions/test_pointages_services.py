"""Recording the presence log: a week or a whole stage at once, all or nothing, in the same
number of queries whatever the number of days."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from pytest_django import DjangoAssertNumQueries

from conventions.models import Pointage
from conventions.services import JourSaisi, pointages_enregistrer
from tests import fabriques

pytestmark = pytest.mark.django_db


def _jours(nombre: int, minutes: int = 420) -> list[JourSaisi]:
    return [JourSaisi(date(2026, 3, 2) + timedelta(days=i), minutes) for i in range(nombre)]


@pytest.mark.parametrize("nombre", [5, 26])
def test_days_are_recorded_in_three_queries_whatever_their_number(
    nombre: int, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    convention = fabriques.convention()
    pointages_enregistrer(convention=convention, jours=_jours(2, 60), auteur=None)
    # The read, the insert, the update, and the transaction's savepoint and its release.
    with django_assert_num_queries(5):
        pointages_enregistrer(convention=convention, jours=_jours(nombre), auteur=None)
    releves = dict(Pointage.objects.values_list("jour", "minutes_presence"))
    assert len(releves) == nombre and set(releves.values()) == {420}


def test_a_refused_day_records_nothing_and_names_its_date(db: None) -> None:
    convention = fabriques.convention()
    jours = _jours(5)
    jours[3] = JourSaisi(date(2026, 3, 5), 0, "", 420)  # an absence without its type
    with pytest.raises(ValidationError) as refus:
        pointages_enregistrer(convention=convention, jours=jours, auteur=None)
    assert refus.value.messages == ["05/03/2026 : Indiquez le motif de l'absence."]
    assert not Pointage.objects.exists()


def test_a_day_typed_again_is_corrected_not_duplicated(db: None) -> None:
    convention = fabriques.convention()
    pointages_enregistrer(convention=convention, jours=_jours(1), auteur=None)
    pointages_enregistrer(
        convention=convention,
        jours=[JourSaisi(date(2026, 3, 2), 0, "maladie_accident", 420)],
        auteur=None,
    )
    (pointage,) = Pointage.objects.all()
    assert (pointage.minutes_presence, pointage.absence) == (0, "maladie_accident")
