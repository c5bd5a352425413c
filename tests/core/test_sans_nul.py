"""A NUL character sent in a search, a filter, a form or a cookie is dropped before any view
reads it: PostgreSQL refuses it in a text, so each of these was a server error there (SQLite
accepts it: the same tests run there, and must find the same rows)."""

from __future__ import annotations

import pytest
from django.http import HttpRequest, HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse

from conventions.models import Statut
from core.middleware import SansNulMiddleware
from tests import fabriques
from tests.echanges.test_exports import lire_csv, lire_xlsx, telecharger

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(clients: dict[str, Client]) -> Client:
    return clients["administrateur"]


@pytest.mark.parametrize(
    ("url_name", "recherche", "trouve"),
    [
        ("conventions:liste", "Mar\x00tin", "Martin"),
        ("etablissement:etudiants", "Mar\x00tin", "Martin"),
        ("organismes:liste", "Aqui\x00taine", "Aquitaine Distribution"),
        ("courriels", "\x00", None),
    ],
)
def test_a_nul_in_a_search_is_dropped(
    admin: Client, url_name: str, recherche: str, trouve: str | None
) -> None:
    fabriques.convention(organisme_=fabriques.organisme(raison_sociale="Aquitaine Distribution"))

    seul = admin.get(reverse(url_name), {"q": "\x00"})
    dans_un_mot = admin.get(reverse(url_name), {"q": recherche, "tri": "\x00"})

    assert seul.status_code == 200
    assert dans_un_mot.status_code == 200
    if trouve is not None:
        assert trouve in dans_un_mot.content.decode()


@pytest.mark.parametrize("nom", ["export_conventions", "export_etudiants"])
def test_an_export_searched_with_a_nul_is_complete(admin: Client, nom: str) -> None:
    fabriques.convention()  # a student Lucas Martin

    lignes = lire_csv(telecharger(admin, nom, "csv", q="Mar\x00tin"))
    rangees = lire_xlsx(telecharger(admin, nom, "xlsx", q="\x00Martin"))

    assert len(lignes) == 1 and "Martin" in lignes[0].values()
    assert len(rangees) == 1 and "Martin" in rangees[0].values()


@pytest.mark.parametrize("nom", ["export_conventions", "export_etudiants"])
@pytest.mark.parametrize("valeur", ["²", "٣", "9" * 5000])
def test_an_export_filtered_by_a_strange_number_filters_nothing(
    admin: Client, nom: str, valeur: str
) -> None:
    fabriques.convention()

    lignes = lire_csv(telecharger(admin, nom, "csv", promotion=valeur, referent=valeur))

    assert len(lignes) == 1


def test_a_nul_in_a_posted_reason_is_dropped(admin: Client) -> None:
    convention = fabriques.convention()

    reponse = admin.post(
        reverse("conventions:transition", args=[convention.pk]),
        {"action": "annuler", "motif": "Saisie\x00 en double"},
    )

    assert reponse.status_code == 302
    convention.refresh_from_db()
    assert convention.statut == Statut.ANNULEE
    assert convention.evenements.get(action="annuler").commentaire == "Saisie en double"


def test_a_nul_in_a_session_cookie_is_a_visitor_without_session(admin: Client) -> None:
    admin.cookies["sessionid"] = "abcdefgh\x00ijkl"

    reponse = admin.get(reverse("conventions:liste"))

    assert reponse.status_code == 302  # to the login page, as any unknown session


def _vue(request: HttpRequest) -> HttpResponse:
    lu = {cle: request.POST.getlist(cle) for cle in request.POST}
    lu.update({f"?{cle}": request.GET.getlist(cle) for cle in request.GET})
    return HttpResponse(repr(sorted(lu.items())))


def test_the_middleware_cleans_keys_and_every_value_of_the_form_and_the_query() -> None:
    requete = RequestFactory().post(
        "/?q=a%00b&q=c&tri=nom",
        {"motif": ["x\x00y", "z"], "cl\x00e": "v", "propre": "ok"},
    )
    middleware = SansNulMiddleware(_vue)

    assert middleware.process_view(requete, _vue, (), {}) is None
    reponse = _vue(requete)

    assert reponse.content.decode() == repr(
        sorted(
            {
                "cle": ["v"],
                "motif": ["xy", "z"],
                "propre": ["ok"],
                "?q": ["ab", "c"],
                "?tri": ["nom"],
            }.items()
        )
    )
