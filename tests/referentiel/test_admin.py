"""The admin pages of the referentiel app open, list, search and filter (staff's first tool)."""

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
        for m in apps.get_app_config("referentiel").get_models()
        if admin.site.is_registered(m)
    ],
)
def test_it_opens_the_list_the_search_and_the_add_form(
    admin_client_stages: Client, modele: str
) -> None:
    fabriques.etudiant()
    fabriques.tuteur(organisme=fabriques.organisme())
    base = f"/admin/referentiel/{modele}/"
    for url in (base, f"{base}?q=a", f"{base}add/"):
        reponse = admin_client_stages.get(url)
        assert reponse.status_code == 200, url
