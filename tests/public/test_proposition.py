"""« Proposer un stage »: a company's offer is kept for the staff and mailed to the section."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.urls import reverse

from demo.personnes import ADMINISTRATRICE
from public.models import PropositionStage
from referentiel.models import Mission
from tests import fabriques

pytestmark = pytest.mark.django_db

OFFRE = {
    "siret": "83214567600025",
    "entreprise": "Aquitaine Distribution",
    "ville": "Mérignac",
    "contact_nom": "Julie Martin",
    "contact_email": "julie.martin@example.org",
    "nombre_stagiaires": "2",
    "gratification": "minimum",
}


def test_a_company_proposes_a_stage_and_the_section_is_told(
    client: Client, django_capture_on_commit_callbacks: object
) -> None:
    periode = fabriques.promotion(annee_debut=2026).periodes.order_by("debut").first()
    assert periode is not None
    mission = Mission.objects.filter(actif=True).order_by("pk").first()
    assert mission is not None
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        reponse = client.post(
            reverse("public:proposer"),
            {
                **OFFRE,
                "siret": "832 145 676 00025",
                "adresse": "12 rue Sainte-Catherine",
                "code_postal": "33000",
                "naf": "4711f",
                "tranche_effectif": "12",
                "periodes": [periode.pk],
                "missions": [mission.pk],
                "message": "Prospection téléphonique.",
                "tuteur_nom": "Paul Roux",
                "tuteur_fonction": "Chef des ventes",
                "tuteur_email": "paul.roux@example.org",
                "gratification": "au_dela",
            },
        )
    assert reponse.status_code == 302
    assert reponse["Location"] == reverse("public:proposition_envoyee")
    proposition = PropositionStage.objects.get()
    assert proposition.siret == "83214567600025"
    assert (proposition.naf, proposition.get_tranche_effectif_display()) == (
        "47.11F",
        "20 à 49 salariés",
    )
    assert proposition.nombre_stagiaires == 2
    assert list(proposition.periodes.all()) == [periode]
    assert list(proposition.missions.all()) == [mission]
    # The school's section contact; the company gets its own confirmation (test_proposition_suivi).
    (courriel,) = [c for c in mail.outbox if c.to == [ADMINISTRATRICE.email]]
    assert courriel.subject == "Proposition de stage : Aquitaine Distribution"
    assert mission.libelle in courriel.body and "Prospection téléphonique." in courriel.body
    assert "Tuteur : Paul Roux, Chef des ventes — paul.roux@example.org" in courriel.body
    assert "Gratification envisagée : plus que le minimum légal" in courriel.body


def test_the_form_says_in_french_what_is_wrong(client: Client) -> None:
    reponse = client.post(
        reverse("public:proposer"),
        {**OFFRE, "siret": "83214567600026", "contact_email": "julie", "nombre_stagiaires": "0"},
    )
    assert reponse.status_code == 200
    erreurs = reponse.context["form"].errors
    assert erreurs["contact_email"] == [
        "Saisissez une adresse e-mail valide, par exemple nom@entreprise.fr."
    ]
    assert erreurs["siret"] == [
        "Le SIRET « 83214567600026 » est erroné : sa clé de contrôle ne correspond pas. "
        "Vérifiez-le sur l'annuaire des entreprises."
    ]
    assert "nombre_stagiaires" in erreurs
    assert not PropositionStage.objects.exists()


def test_la_poste_s_offices_pass_with_their_own_key(client: Client) -> None:
    """Every post office shares La Poste's SIREN; INSEE keys their SIRETs differently."""
    reponse = client.post(reverse("public:proposer"), {**OFFRE, "siret": "35600000049837"})
    assert reponse.status_code == 302
    assert PropositionStage.objects.get().siret == "35600000049837"


def test_the_thank_you_page_links_back(client: Client) -> None:
    html = client.get(reverse("public:proposition_envoyee")).content.decode()
    assert "votre proposition est envoyée" in html
    assert reverse("public:section") in html


def test_the_staff_find_the_proposals_in_the_admin(client: Client) -> None:
    from comptes.models import Utilisateur
    from public.services import proposition_creer

    proposition = proposition_creer(
        entreprise="Aquitaine Distribution",
        ville="Mérignac",
        contact_nom="Julie Martin",
        contact_email="julie.martin@example.org",
    )
    client.force_login(Utilisateur.objects.create_superuser("admin@example.org", "x"))
    liste = client.get(reverse("admin:public_propositionstage_changelist"), {"q": "Aquitaine"})
    assert liste.status_code == 200 and "Aquitaine Distribution" in liste.content.decode()
    fiche = client.get(reverse("admin:public_propositionstage_change", args=[proposition.pk]))
    assert fiche.status_code == 200


def test_each_calendar_period_says_which_year_of_study_it_is_for(client: Client) -> None:
    """Two cohorts both have a January stage: the company must tell them apart."""
    for annee in (2026, 2027):
        fabriques.promotion(annee_debut=annee)
    with time_machine.travel(date(2026, 11, 27)):
        page = client.get(reverse("public:proposer")).content.decode()
    assert "étudiants de 1re année (" in page and "étudiants de 2e année (" in page
