"""The layout around every page: DSFR header with the school's name, menu, messages, footer."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from django.apps import apps
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.staticfiles import finders
from django.db import OperationalError, connection
from django.template import Context, Template
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from comptes.models import Utilisateur
from stages import menu as navigation
from stages.menu import Rubrique, liens_du_menu


def _etablissements() -> Any:
    return apps.get_model("etablissement", "Etablissement")._default_manager


def test_the_header_names_the_service_and_the_school(db: None) -> None:
    _etablissements().update(nom="Lycée Gustave Eiffel", ville="Bordeaux")
    html = Client().get("/").content.decode()
    assert '<p class="fr-header__service-title">Stages</p>' in html
    assert "Lycée Gustave Eiffel, Bordeaux" in html
    assert "<title>Accueil — Stages</title>" in html


def test_the_school_is_read_once_per_page(db: None) -> None:
    with CaptureQueriesContext(connection) as requetes:
        Client().get("/")
    lectures = [q for q in requetes.captured_queries if "etablissement_etablissement" in q["sql"]]
    assert len(lectures) == 1  # header and footer share it


def test_without_a_school_yet_the_pages_still_show(db: None) -> None:
    _etablissements().all().delete()
    page = Client().get("/")
    assert page.status_code == 200
    assert "Les stages de la section, de la convention à l'attestation" in page.content.decode()


def test_before_the_school_table_is_migrated_the_pages_still_show(db: None) -> None:
    def sans_table(execute: Callable[..., Any], sql: str, *args: Any) -> Any:
        if "etablissement_etablissement" in sql:
            raise OperationalError("no such table: etablissement_etablissement")
        return execute(sql, *args)

    with connection.execute_wrapper(sans_table):
        page = Client().get("/")
    assert page.status_code == 200
    assert 'class="fr-header__service-tagline"' in page.content.decode()


def test_without_the_school_app_the_pages_still_show(db: None, monkeypatch: Any) -> None:
    monkeypatch.setattr(apps, "is_installed", lambda nom: nom != "etablissement")
    assert Client().get("/").status_code == 200


def test_staff_get_the_main_menu_and_a_logout_button(clients: dict[str, Client]) -> None:
    html = clients["enseignant"].get("/tableau-de-bord/").content.decode()
    assert 'id="fr-navigation"' in html
    assert re.search(
        r'href="/tableau-de-bord/"[^>]*aria-current="page"[^>]*>Tableau de bord</a>', html
    )
    assert "Marc Leroy" in html
    assert 'action="/deconnexion/"' in html
    assert '<a class="fr-link" href="#fr-navigation">Menu</a>' in html  # a skip link to it


def test_visitors_get_no_main_menu(clients: dict[str, Client]) -> None:
    html = clients["anonyme"].get("/").content.decode()
    assert 'id="fr-navigation"' not in html
    assert '<a class="fr-link" href="#content">Contenu</a>' in html
    assert "Se connecter" in html


def test_staff_reach_the_companies_offers_and_students_the_accepted_ones(
    clients: dict[str, Client],
) -> None:
    def menu(persona: str) -> list[str]:
        html = clients[persona].get("/entreprises/").content.decode()
        return re.findall(r'class="fr-nav__link" href="([^"]+)"', html)

    assert {"/entreprises/propositions/", "/entreprises/offres/"} <= set(menu("enseignant"))
    assert {"/entreprises/propositions/", "/entreprises/offres/"} <= set(menu("administrateur"))
    assert menu("etudiant") == ["/mon-stage/", "/entreprises/offres/"]


def test_the_menu_skips_screens_not_built_yet(enseignant: Utilisateur, monkeypatch: Any) -> None:
    monkeypatch.setattr(
        navigation,
        "RUBRIQUES",
        (Rubrique("Tableau de bord", "accueil"), Rubrique("Plus tard", "pas_encore:liste")),
    )
    request = RequestFactory().get("/connexion/")
    request.user = enseignant
    assert [(lien.libelle, lien.url, lien.actif) for lien in liens_du_menu(request)] == [
        ("Tableau de bord", "/", False)
    ]


def test_messages_are_dsfr_alerts_and_stay_escaped() -> None:
    html = Template("{% load dsfr_tags %}{% dsfr_django_messages %}").render(
        Context({"messages": [Message(constants.SUCCESS, "Organisme « <b>ACME</b> » créé.")]})
    )
    assert "fr-alert--success" in html
    assert "&lt;b&gt;ACME&lt;/b&gt;" in html


def test_the_dsfr_assets_are_served_by_us(db: None) -> None:
    html = Client().get("/").content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+\.(?:css|js))"', html)
    assert sources and all(s.startswith("/static/") for s in sources)
    assert finders.find("dsfr/dist/dsfr/dsfr.min.css")  # hence collected by collectstatic


def test_a_missing_page_is_a_french_dsfr_page(db: None) -> None:
    page = Client().get("/nulle-part/")
    assert page.status_code == 404
    assert "<h1>Page non trouvée</h1>" in page.content.decode()


def test_the_server_error_page_needs_no_request() -> None:
    html = render_to_string("500.html")
    assert "<h1>Erreur inattendue</h1>" in html
    assert "Se connecter" not in html
