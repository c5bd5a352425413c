"""A host's headcount and other schools' interns change the quota's verdicts: each change is
written in its history, before and after, with who made it, and shown on its page."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from comptes.models import Utilisateur
from core.audit import Action
from organismes import services
from organismes.models import EvenementOrganisme
from tests import fabriques
from tests.personas import *  # noqa: F403  (the persona fixtures)

pytestmark = pytest.mark.django_db


def test_a_headcount_change_writes_one_event_with_before_and_after(
    administrateur: Utilisateur,
) -> None:
    organisme = fabriques.organisme(effectif=None)
    services.effectif_enregistrer(organisme=organisme, mois=date(2026, 2, 17), personnes=18)
    services.effectif_enregistrer(
        organisme=organisme, mois=date(2026, 2, 1), personnes=21, auteur=administrateur
    )
    premier, correction = organisme.evenements.all()
    assert premier.donnees == {
        "mois": "2026-02-01",
        "avant": None,
        "apres": 18,
        "origine": "saisie",
    }
    assert correction.action == Action.EFFECTIF and correction.auteur == administrateur
    assert correction.donnees == {
        "mois": "2026-02-01",
        "avant": 18,
        "apres": 21,
        "origine": "saisie",
    }


def test_the_same_headcount_typed_again_writes_nothing() -> None:
    organisme = fabriques.organisme(effectif=None)
    services.effectif_enregistrer(organisme=organisme, mois=date(2026, 2, 1), personnes=18)
    services.effectif_enregistrer(organisme=organisme, mois=date(2026, 2, 1), personnes=18)
    assert organisme.evenements.count() == 1


def test_a_refused_headcount_leaves_no_event() -> None:
    organisme = fabriques.organisme(effectif=None)
    with pytest.raises(ValidationError):
        services.effectif_enregistrer(organisme=organisme, mois=date(2026, 2, 1), personnes=-1)
    assert not EvenementOrganisme.objects.exists()


def test_other_schools_interns_are_logged_by_their_week(administrateur: Utilisateur) -> None:
    organisme = fabriques.organisme(effectif=None)
    services.autres_stagiaires_declarer(organisme=organisme, semaine=date(2026, 3, 12), nombre=2)
    services.autres_stagiaires_declarer(
        organisme=organisme, semaine=date(2026, 3, 9), nombre=3, auteur=administrateur
    )
    premier, correction = organisme.evenements.all()
    assert premier.action == correction.action == Action.AUTRES_STAGIAIRES
    assert premier.donnees == {"lundi": "2026-03-09", "avant": None, "apres": 2}
    assert correction.donnees == {"lundi": "2026-03-09", "avant": 2, "apres": 3}
    assert correction.auteur == administrateur


def test_the_form_names_who_changed_it_and_the_page_shows_the_history(
    administrateur: Utilisateur,
) -> None:
    organisme = fabriques.organisme(effectif=None)
    services.effectif_enregistrer(organisme=organisme, mois=date(2026, 2, 1), personnes=18)
    client = Client()
    client.force_login(administrateur)
    reponse = client.post(
        reverse("organismes:effectif_enregistrer", kwargs={"pk": organisme.pk}),
        {"mois": "02/2026", "personnes": "21"},
    )
    assert reponse.status_code == 302
    assert organisme.evenements.latest("pk").auteur == administrateur
    page = client.get(reverse("organismes:detail", kwargs={"pk": organisme.pk})).content.decode()
    historique = page.split('id="historique"')[1].split("</section>")[0]
    assert "Effectif mensuel enregistré, février 2026 : 18 → 21" in historique
    assert administrateur.get_full_name() in historique
    assert "Effectif mensuel enregistré, février 2026 : 18," in historique  # the first one
