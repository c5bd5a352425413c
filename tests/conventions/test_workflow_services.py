"""The services raise what the workflow's guards say: ending a stage and recording the
signatures have their own service, and the generic transition still refuses them when what
they record is missing or wrong."""

from __future__ import annotations

from datetime import date

import pytest

from comptes.models import Utilisateur
from conventions.models import EvenementConvention, Statut
from conventions.services import (
    TransitionRefusee,
    convention_enregistrer_signatures,
    convention_rompre,
    convention_transition,
)
from tests import fabriques
from tests.conventions.ecrans import avancer

pytestmark = pytest.mark.django_db
LE = date(2026, 2, 25)


def test_ending_a_stage_by_name_without_its_last_day_is_refused(
    administrateur: Utilisateur,
) -> None:
    convention = avancer(fabriques.convention(), Statut.EN_COURS, administrateur)
    with pytest.raises(TransitionRefusee) as refus:
        convention_transition(
            convention=convention, action="rompre", auteur=administrateur, motif="Départ"
        )
    assert refus.value.message == (
        "Indiquez le dernier jour du stage et qui a pris l'initiative d'y mettre fin."
    )
    convention.refresh_from_db()
    assert convention.statut == Statut.EN_COURS
    assert not EvenementConvention.objects.filter(action="rompre").exists()


def test_ending_a_stage_asks_for_the_reason_first(administrateur: Utilisateur) -> None:
    convention = avancer(fabriques.convention(), Statut.EN_COURS, administrateur)
    with pytest.raises(TransitionRefusee) as refus:
        convention_rompre(
            convention=convention,
            auteur=administrateur,
            dernier_jour=date(2026, 3, 13),
            initiative="stagiaire",
            motif="  ",
        )
    assert refus.value.message == "Indiquez le motif pour « mettre fin au stage »."
    convention.refresh_from_db()
    assert convention.rupture_dernier_jour is None  # recorded with the transition or not at all


def test_a_signature_date_in_the_future_is_refused_and_nothing_is_dated(
    administrateur: Utilisateur,
) -> None:
    convention = avancer(fabriques.convention(), Statut.EN_SIGNATURE, administrateur)
    with pytest.raises(TransitionRefusee) as refus:
        convention_enregistrer_signatures(
            convention=convention,
            auteur=administrateur,
            date_signature=date(2026, 2, 26),
            le=LE,
        )
    assert refus.value.message == "La date de signature ne peut pas être postérieure à aujourd'hui."
    convention.refresh_from_db()
    assert (convention.statut, convention.date_signature) == (Statut.EN_SIGNATURE, None)


def test_the_status_is_checked_before_the_signature_date(administrateur: Utilisateur) -> None:
    convention = avancer(fabriques.convention(), Statut.VALIDEE, administrateur)
    with pytest.raises(TransitionRefusee) as refus:
        convention_enregistrer_signatures(
            convention=convention,
            auteur=administrateur,
            date_signature=date(2026, 2, 26),
            le=LE,
        )
    assert refus.value.message == (
        "Impossible de « enregistrer les signatures » une convention « validée »."
    )


def test_recording_the_signatures_by_name_dates_them_on_the_day_given(
    administrateur: Utilisateur,
) -> None:
    convention = avancer(fabriques.convention(), Statut.EN_SIGNATURE, administrateur)
    convention_transition(
        convention=convention, action="enregistrer_signatures", auteur=administrateur, le=LE
    )
    convention.refresh_from_db()
    assert (convention.statut, convention.date_signature) == (Statut.SIGNEE, LE)
    (evenement,) = EvenementConvention.objects.filter(action="enregistrer_signatures")
    assert (evenement.statut_avant, evenement.statut_apres) == (
        Statut.EN_SIGNATURE,
        Statut.SIGNEE,
    )
