"""The workflow owns status: which status allows an edit, an avenant, the presence log, and
what each guard says, in French, when it does not. Pure: no database."""

from __future__ import annotations

from datetime import date

import pytest

from conventions.models import Statut
from conventions.workflow import (
    TRANSITIONS,
    Transition,
    garde_avenant,
    garde_date_signature,
    garde_modification,
    garde_motif,
    garde_pointage,
    garde_rupture,
    garde_transition,
)

S = Statut
TOUS = list(Statut)


@pytest.mark.parametrize("statut", TOUS)
def test_only_a_convention_in_preparation_is_edited_directly(statut: Statut) -> None:
    refus = garde_modification(statut)
    if statut in (S.BROUILLON, S.A_VALIDER):
        assert refus is None
    else:
        assert refus == (
            "Une convention validée ne se modifie plus directement : renvoyez-la en brouillon "
            "ou, si elle est signée, faites un avenant."
        )


@pytest.mark.parametrize("statut", TOUS)
def test_an_avenant_changes_a_convention_signed_or_running(statut: Statut) -> None:
    refus = garde_avenant(statut)
    if statut in (S.SIGNEE, S.EN_COURS):
        assert refus is None
    else:
        assert refus == "Un avenant modifie une convention signée ou en cours."


@pytest.mark.parametrize("statut", TOUS)
def test_the_presence_log_is_kept_from_signature_until_the_attestation(statut: Statut) -> None:
    refus = garde_pointage(statut)
    if statut in (S.SIGNEE, S.EN_COURS, S.TERMINEE, S.ROMPUE):
        assert refus is None
    else:
        assert refus == (
            "Le relevé de présence se tient pendant le stage : la convention est "
            f"« {statut.label.lower()} »."
        )


def test_a_guard_accepts_the_status_as_the_database_stores_it() -> None:
    assert garde_pointage("en_cours") is None
    assert garde_pointage("brouillon") == (
        "Le relevé de présence se tient pendant le stage : la convention est « brouillon »."
    )


@pytest.mark.parametrize("transition", list(TRANSITIONS.values()), ids=lambda t: t.action)
def test_a_transition_starts_only_from_its_statuses_and_says_so(transition: Transition) -> None:
    for statut in TOUS:
        refus = garde_transition(transition, statut)
        if statut in transition.depuis:
            assert refus is None
        else:
            assert refus == (
                f"Impossible de « {transition.libelle.lower()} » une convention "
                f"« {statut.label.lower()} »."
            )


def test_a_reason_is_demanded_where_the_action_requires_one() -> None:
    assert garde_motif(TRANSITIONS["annuler"], "   ") == "Indiquez le motif pour « annuler »."
    assert garde_motif(TRANSITIONS["annuler"], "Stage reporté") is None
    assert garde_motif(TRANSITIONS["soumettre"], "") is None


def test_ending_a_stage_early_needs_its_last_day_and_its_initiative() -> None:
    message = "Indiquez le dernier jour du stage et qui a pris l'initiative d'y mettre fin."
    assert garde_rupture(date(2026, 3, 13), "stagiaire") is None
    assert garde_rupture(None, "stagiaire") == message
    assert garde_rupture(date(2026, 3, 13), "") == message


def test_the_signature_date_is_not_in_the_future() -> None:
    aujourdhui = date(2026, 3, 2)
    assert garde_date_signature(None, aujourdhui) is None  # today, or the date it has
    assert garde_date_signature(aujourdhui, aujourdhui) is None
    assert garde_date_signature(date(2026, 3, 3), aujourdhui) == (
        "La date de signature ne peut pas être postérieure à aujourd'hui."
    )
