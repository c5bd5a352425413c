"""Logging in through the ENT by CAS, against a local CAS server started by the test
(tests/comptes/serveur_cas.py): the e-mail attribute opens the active account and lands where
the role works; an unknown address, a forged or replayed ticket come back to the login page
with the reason; without a server configured, nothing of it shows."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings

from comptes.models import Role
from comptes.services import utilisateur_creer
from tests.comptes.serveur_cas import ServeurCas, serveur_cas

pytestmark = pytest.mark.django_db


@pytest.fixture
def cas(settings: Settings) -> Iterator[ServeurCas]:
    with serveur_cas() as serveur:
        settings.CAS_SERVER_URL = serveur.url
        settings.AUTHENTICATION_BACKENDS = [
            *settings.AUTHENTICATION_BACKENDS,
            "comptes.sso_cas.Backend",
        ]
        yield serveur


def _compte(email: str, role: str = Role.ENSEIGNANT) -> Any:
    return utilisateur_creer(
        email=email, role=role, prenom="Marc", nom="Dubourg", mot_de_passe="mot-de-passe-2026"
    )


def _service(client: Client, cas: ServeurCas, **parametres: str) -> str:
    """Off to the CAS server: the service address Stages gives it."""
    depart = client.get(reverse("comptes:sso_cas"), parametres)
    assert depart.status_code == 302
    adresse = urlsplit(depart["Location"])
    assert f"{adresse.scheme}://{adresse.netloc}{adresse.path}" == f"{cas.url}login"
    return parse_qs(adresse.query)["service"][0]


def _retour(client: Client, service: str, ticket: str) -> Any:
    """Back from the CAS server to the service address, with the ticket."""
    adresse = urlsplit(service)
    parametres = {k: v[0] for k, v in parse_qs(adresse.query).items()}
    return client.get(adresse.path, {**parametres, "ticket": ticket})


def _connecte(client: Client) -> bool:
    return "_auth_user_id" in client.session


def _page_de_connexion(client: Client) -> str:
    return client.get(reverse("comptes:connexion")).content.decode()


def test_the_email_attribute_opens_the_account_and_lands_where_the_role_works(
    client: Client, cas: ServeurCas
) -> None:
    compte = _compte("marc.dubourg@lycee-eiffel.test")
    service = _service(client, cas)
    ticket = cas.ticket_pour("mdubourg", {"mail": "Marc.Dubourg@lycee-eiffel.test"}, service)
    arrivee = _retour(client, service, ticket)
    assert arrivee.status_code == 302
    assert arrivee["Location"] == reverse("pilotage:tableau_de_bord")
    assert client.session["_auth_user_id"] == str(compte.pk)


def test_a_page_asked_for_is_kept(client: Client, cas: ServeurCas) -> None:
    _compte("camille@lycee-eiffel.test", role=Role.ETUDIANT)
    suivante = reverse("etablissement:mon_stage") + "journal/"
    service = _service(client, cas, next=suivante)
    ticket = cas.ticket_pour("clalanne", {"mail": "camille@lycee-eiffel.test"}, service)
    assert _retour(client, service, ticket)["Location"] == suivante


def test_an_unknown_address_is_refused_in_words(client: Client, cas: ServeurCas) -> None:
    service = _service(client, cas)
    ticket = cas.ticket_pour("x", {"mail": "inconnu@example.org"}, service)
    retour = _retour(client, service, ticket)
    assert retour.status_code == 302 and retour["Location"] == "/connexion/"
    assert not _connecte(client)
    assert "Aucun compte Stages actif n&#x27;a l&#x27;adresse inconnu@example.org" in (
        _page_de_connexion(client)
    )


def test_a_forged_or_replayed_ticket_is_refused(client: Client, cas: ServeurCas) -> None:
    _compte("marc.dubourg@lycee-eiffel.test")
    service = _service(client, cas)
    assert _retour(client, service, "ST-invente")["Location"] == "/connexion/"
    assert "n&#x27;a pas confirmé votre identité" in _page_de_connexion(client)
    ticket = cas.ticket_pour("m", {"mail": "marc.dubourg@lycee-eiffel.test"}, service)
    assert _retour(client, service, ticket)["Location"] == reverse("pilotage:tableau_de_bord")
    client.logout()
    assert _retour(client, service, ticket)["Location"] == "/connexion/"
    assert not _connecte(client)


def test_the_button_shows_only_with_a_server(client: Client, settings: Settings) -> None:
    assert "CAS" not in _page_de_connexion(client)
    assert client.get(reverse("comptes:sso_cas")).status_code == 404
    settings.CAS_SERVER_URL = "https://cas.example.org/cas/"
    assert "Se connecter avec l&#x27;ENT (CAS)" in _page_de_connexion(client)
