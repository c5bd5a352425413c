"""The admin pages of the etablissement app open, list, search and filter (staff's first tool)."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.test import Client

from comptes.models import Utilisateur
from etablissement.models import Promotion
from regles.parametres import parametres
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
        for m in apps.get_app_config("etablissement").get_models()
        if admin.site.is_registered(m)
    ],
)
def test_it_opens_the_list_the_search_and_the_add_form(
    admin_client_stages: Client, modele: str
) -> None:
    fabriques.etudiant()
    fabriques.tuteur(organisme=fabriques.organisme())
    base = f"/admin/etablissement/{modele}/"
    for url in (base, f"{base}?q=a", f"{base}add/"):
        reponse = admin_client_stages.get(url)
        assert reponse.status_code == 200, url


def test_it_fills_a_new_cohorts_target_and_version_when_left_blank(
    admin_client_stages: Client,
) -> None:
    reponse = admin_client_stages.post(
        "/admin/etablissement/promotion/add/",
        {
            "formation": fabriques.formation_ndrc().pk,
            "libelle": "NDRC 2026-2028",
            "annee_debut": "2026",
            "objectif_jours_par_annee": "",
            "version_referentiel": "",
            "periodes-TOTAL_FORMS": "0",
            "periodes-INITIAL_FORMS": "0",
        },
    )
    assert reponse.status_code == 302
    promotion = Promotion.objects.get(libelle="NDRC 2026-2028")
    assert promotion.version_referentiel.code == "NDRC-2018"
    assert promotion.objectif_jours_par_annee == parametres().entier(
        "reglages.ndrc_jours_par_annee", promotion.debut_formation
    )
