"""Recording the presence log: a week or a whole stage at once, all or nothing, in the same
number of queries whatever the number of days; only while the stage happens, each save in
the audit trail."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from pytest_django import DjangoAssertNumQueries

from comptes.models import Utilisateur
from conventions.models import Convention, EvenementConvention, Pointage, Statut
from conventions.services import JourSaisi, TransitionRefusee, pointages_enregistrer
from tests import fabriques

pytestmark = pytest.mark.django_db


def _en_cours() -> Convention:
    return fabriques.convention(statut=Statut.EN_COURS)


def _jours(nombre: int, minutes: int = 420) -> list[JourSaisi]:
    return [JourSaisi(date(2026, 3, 2) + timedelta(days=i), minutes) for i in range(nombre)]


@pytest.mark.parametrize("nombre", [5, 26])
def test_days_are_recorded_in_the_same_number_of_queries_whatever_their_number(
    nombre: int, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    convention = _en_cours()
    pointages_enregistrer(convention=convention, jours=_jours(2, 60), auteur=None)
    # The status (locked), the days recorded, the insert, the update, the audit row, and the
    # transaction's savepoint and its release.
    with django_assert_num_queries(7):
        pointages_enregistrer(convention=convention, jours=_jours(nombre), auteur=None)
    releves = dict(Pointage.objects.values_list("jour", "minutes_presence"))
    assert len(releves) == nombre and set(releves.values()) == {420}


def test_a_refused_day_records_nothing_and_names_its_date(db: None) -> None:
    convention = _en_cours()
    jours = _jours(5)
    jours[3] = JourSaisi(date(2026, 3, 5), 0, "", 420)  # an absence without its type
    with pytest.raises(ValidationError) as refus:
        pointages_enregistrer(convention=convention, jours=jours, auteur=None)
    assert refus.value.messages == ["05/03/2026 : Indiquez le motif de l'absence."]
    assert not Pointage.objects.exists()


def test_a_day_typed_again_is_corrected_not_duplicated(db: None) -> None:
    convention = _en_cours()
    pointages_enregistrer(convention=convention, jours=_jours(1), auteur=None)
    pointages_enregistrer(
        convention=convention,
        jours=[JourSaisi(date(2026, 3, 2), 0, "maladie_accident", 420)],
        auteur=None,
    )
    (pointage,) = Pointage.objects.all()
    assert (pointage.minutes_presence, pointage.absence) == (0, "maladie_accident")


@pytest.mark.parametrize("statut", [Statut.BROUILLON, Statut.VALIDEE, Statut.ATTESTEE])
def test_the_log_is_refused_outside_the_stage_and_records_nothing(statut: Statut) -> None:
    convention = fabriques.convention(statut=statut)
    with pytest.raises(TransitionRefusee) as refus:
        pointages_enregistrer(convention=convention, jours=_jours(2), auteur=None)
    libelle = Statut(statut).label.lower()
    assert refus.value.message == (
        f"Le relevé de présence se tient pendant le stage : la convention est « {libelle} »."
    )
    assert not Pointage.objects.exists()
    assert not EvenementConvention.objects.filter(action="presence").exists()


def test_the_status_is_read_from_the_database_not_from_the_object() -> None:
    convention = _en_cours()
    Convention.objects.filter(pk=convention.pk).update(statut=Statut.ANNULEE)  # meanwhile
    with pytest.raises(TransitionRefusee):
        pointages_enregistrer(convention=convention, jours=_jours(1), auteur=None)
    assert not Pointage.objects.exists()


def test_each_save_writes_one_audit_row_naming_its_days(administrateur: Utilisateur) -> None:
    convention = _en_cours()
    auteur = administrateur
    pointages_enregistrer(convention=convention, jours=_jours(3), auteur=auteur)
    pointages_enregistrer(
        convention=convention,
        jours=[JourSaisi(date(2026, 3, 3), 0, "maladie_accident", 420)],
        auteur=auteur,
    )
    evenements = list(
        EvenementConvention.objects.filter(convention=convention, action="presence").order_by("pk")
    )
    assert [e.donnees["jours"] for e in evenements] == [
        ["2026-03-02", "2026-03-03", "2026-03-04"],
        ["2026-03-03"],
    ]
    assert {e.auteur for e in evenements} == {auteur}
