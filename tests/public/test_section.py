"""The section's page for companies: the law read from the dated parameters on the day of
the visit, the calendar from the cohorts, the catalogue, and the school's own contacts."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from etablissement.models import Etablissement
from tests import fabriques

pytestmark = pytest.mark.django_db


def page(client: Client) -> str:
    reponse = client.get(reverse("public:section"))
    assert reponse.status_code == 200
    return reponse.content.decode()


@pytest.mark.parametrize(
    ("jour", "montant", "journee"),
    [
        (date(2026, 11, 27), "en 2026, 4,50 € de l'heure", "31,50 €"),
        (date(2025, 6, 2), "en 2025, 4,35 € de l'heure", "30,45 €"),
        (date(2019, 3, 1), "en 2019, 3,75 € de l'heure", "26,25 €"),
    ],
)
def test_the_figures_are_those_in_force_on_the_day_of_the_visit(
    client: Client, jour: date, montant: str, journee: str
) -> None:
    with time_machine.travel(jour):
        html = page(client)
    assert montant in html
    assert journee in html  # a day of 7 h, as the brochure says
    assert "309<sup>e</sup> heure" in html
    assert "15 % du plafond horaire" in html


def test_it_says_80_days_from_the_settings(client: Client) -> None:
    html = page(client)
    assert "80 jours sur 2 années scolaires : 40 jours par année" in html


def test_the_contacts_and_the_name_come_from_the_schools_record(client: Client) -> None:
    ecole = Etablissement.objects.get()
    assert "Hélène Castaing" in page(client)
    ecole.nom = "Lycée Montesquieu"
    ecole.chef_travaux_nom = "Anne Dupuy"
    ecole.chef_travaux_email = "anne.dupuy@example.org"
    ecole.save()
    html = page(client)
    assert "Lycée Montesquieu" in html and "Anne Dupuy" in html
    assert "mailto:anne.dupuy@example.org" in html
    assert "Hélène Castaing" not in html


def test_it_lists_the_coming_stage_periods_of_the_cohorts(client: Client) -> None:
    fabriques.promotion(annee_debut=2026)
    with time_machine.travel(date(2027, 3, 1)):
        html = page(client)
    # The January 2027 period is over on 1 March; the ones after are listed.
    assert "08/01/2027" not in html
    assert "Stage de mai-juin" in html and "Stage de novembre" in html


def test_the_catalogue_lists_the_families_and_the_blocs_of_each_mission(client: Client) -> None:
    html = page(client)
    assert "Servir le client et suivre les commandes en cours" in html
    assert "Accueil et traitement des demandes" in html
    assert "Relation client et négociation-vente" in html
    assert 'title="Relation client et négociation-vente">B1</span>' in html


def test_the_page_needs_a_handful_of_queries(
    client: Client, django_assert_max_num_queries: object
) -> None:
    fabriques.promotion(annee_debut=2026)
    with django_assert_max_num_queries(12):  # type: ignore[operator]
        page(client)
