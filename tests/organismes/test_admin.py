"""The admin pages of the organismes app open, list, search and filter (staff's first tool)."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.test import Client

from comptes.models import Utilisateur
from tests import fabriques


@pytest.fixture
def admin_client_stages(db: None) -> Client:
    client = Client()
    client.force_login(Utilisateur.objects.create_superuser("admin@example.org", "x"))
    return client


@pytest.mark.parametrize(
    "modele",
    [
        m._meta.model_name
        for m in apps.get_app_config("organismes").get_models()
        if admin.site.is_registered(m)
    ],
)
def test_it_opens_the_list_the_search_and_the_add_form(
    admin_client_stages: Client, modele: str
) -> None:
    fabriques.etudiant()
    fabriques.tuteur(organisme=fabriques.organisme())
    base = f"/admin/organismes/{modele}/"
    for url in (base, f"{base}?q=a", f"{base}add/"):
        reponse = admin_client_stages.get(url)
        assert reponse.status_code == 200, url


def test_it_opens_an_organisme_with_its_sites_tutors_headcounts_and_closures(
    admin_client_stages: Client,
) -> None:
    organisme = fabriques.organisme()
    fabriques.tuteur(organisme=organisme)
    reponse = admin_client_stages.get(f"/admin/organismes/organismeaccueil/{organisme.pk}/change/")
    assert reponse.status_code == 200
    assert organisme.siren in reponse.content.decode()
