"""One audit trail: every action has its French label in core.audit, the timelines read it
there, and a record with a history cannot be deleted behind its history's back."""

from __future__ import annotations

from datetime import date

import pytest
from django.db.models import ProtectedError
from django.test import Client
from django.urls import reverse

from comptes.models import Utilisateur
from conventions.models import EvenementConvention
from conventions.services import convention_transition
from conventions.workflow import TRANSITIONS
from core import audit
from core.models import EvenementBase
from organismes.models import EvenementOrganisme
from organismes.services import effectif_enregistrer
from public.models import EvenementProposition, PropositionStage, StatutProposition
from public.services import proposition_changer_statut, proposition_creer
from tests import fabriques

pytestmark = pytest.mark.django_db


def test_every_transition_of_a_convention_has_its_label_in_the_one_list() -> None:
    actions = {a.value for a in audit.Action}
    assert set(TRANSITIONS) <= actions
    # The statuses helper's presence rows and the hosts' counts fit the same list.
    assert {"presence", "effectif", "autres_stagiaires", "creation", "avenant"} <= actions


def test_the_three_trails_share_one_model() -> None:
    for modele in (EvenementConvention, EvenementProposition, EvenementOrganisme):
        assert issubclass(modele, EvenementBase)
        assert modele._meta.get_field("action").choices == audit.Action.choices


def test_the_timeline_shows_the_label_of_the_list_not_the_button(
    administrateur: Utilisateur,
) -> None:
    convention = fabriques.convention(auteur=administrateur)
    convention_transition(convention=convention, action="soumettre", auteur=administrateur)
    client = Client()
    client.force_login(administrateur)
    page = client.get(reverse("conventions:detail", kwargs={"pk": convention.pk})).content
    chronologie = page.decode().split('id="chronologie"')[1]
    assert audit.Action.SOUMETTRE.label in chronologie  # « Soumise à validation »
    assert audit.Action.CREATION.label in chronologie
    assert "soumettre" not in chronologie  # never the internal code


def test_an_unknown_action_reads_as_it_is_rather_than_breaking_the_page() -> None:
    assert audit.libelle("valider") == "Validée"
    assert audit.libelle("inconnue") == "inconnue"


def test_a_convention_with_a_history_cannot_be_deleted(administrateur: Utilisateur) -> None:
    convention = fabriques.convention(auteur=administrateur)
    with pytest.raises(ProtectedError) as refus:
        convention.delete()
    assert {type(o) for o in refus.value.protected_objects} == {EvenementConvention}
    assert convention.evenements.filter(action="creation").exists()


def test_an_offer_with_a_history_cannot_be_deleted() -> None:
    proposition = proposition_creer(
        entreprise="Aquitaine Distribution",
        ville="Mérignac",
        contact_nom="Julie Martin",
        contact_email="julie.martin@example.org",
    )
    proposition_changer_statut(proposition=proposition, vers=StatutProposition.RETIREE, par=None)
    with pytest.raises(ProtectedError) as refus:
        PropositionStage.objects.filter(pk=proposition.pk).delete()
    assert {type(o) for o in refus.value.protected_objects} == {EvenementProposition}
    (evenement,) = proposition.evenements.all()
    assert evenement.action == audit.Action.PROPOSITION_STATUT


def test_a_host_with_a_history_cannot_be_deleted() -> None:
    organisme = fabriques.organisme(effectif=None)
    effectif_enregistrer(organisme=organisme, mois=date(2026, 2, 1), personnes=8)
    with pytest.raises(ProtectedError) as refus:
        organisme.delete()
    assert {type(o) for o in refus.value.protected_objects} == {EvenementOrganisme}


def test_a_user_who_acted_cannot_be_deleted_from_under_the_trail(
    administrateur: Utilisateur,
) -> None:
    fabriques.convention(auteur=administrateur)
    with pytest.raises(ProtectedError):
        administrateur.delete()
