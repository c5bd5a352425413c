"""Logging in through the ENT (OpenID Connect), against a local provider started by the test
(tests/comptes/fournisseur_oidc.py): an identity opens the active account with its e-mail and
lands where the role works; an unknown or inactive address, a forged nonce or a refusal at the
provider send back to the login page with the reason; passwords keep working; without a
provider configured, nothing of it shows."""

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
from tests.comptes.fournisseur_oidc import CLIENT_ID, SECRET, Fournisseur, fournisseur_oidc

pytestmark = pytest.mark.django_db

MOT_DE_PASSE = "mot-de-passe-de-test-2026"


@pytest.fixture
def fournisseur(settings: Settings) -> Iterator[Fournisseur]:
    with fournisseur_oidc() as f:
        settings.OIDC_RP_CLIENT_ID = CLIENT_ID
        settings.OIDC_RP_CLIENT_SECRET = SECRET
        settings.OIDC_OP_AUTHORIZATION_ENDPOINT = f"{f.url}/authorize"
        settings.OIDC_OP_TOKEN_ENDPOINT = f"{f.url}/token"
        settings.OIDC_OP_USER_ENDPOINT = f"{f.url}/userinfo"
        settings.OIDC_RP_SIGN_ALGO = "HS256"
        settings.AUTHENTICATION_BACKENDS = [
            *settings.AUTHENTICATION_BACKENDS,
            "comptes.sso.Backend",
        ]
        yield f


def _compte(email: str, role: str = Role.ENSEIGNANT, **champs: Any) -> Any:
    return utilisateur_creer(
        email=email, role=role, prenom="Marc", nom="Dubourg", mot_de_passe=MOT_DE_PASSE, **champs
    )


def _par_l_ent(
    client: Client,
    fournisseur: Fournisseur,
    claims: dict[str, Any],
    *,
    suivante: str = "",
    nonce: str | None = None,
) -> Any:
    """The browser's round trip: to the provider and back with a code for `claims`."""
    depart = client.get(reverse("comptes:sso"), {"next": suivante} if suivante else {})
    assert depart.status_code == 302
    adresse = urlsplit(depart["Location"])
    assert f"{adresse.scheme}://{adresse.netloc}{adresse.path}" == f"{fournisseur.url}/authorize"
    demande = {k: v[0] for k, v in parse_qs(adresse.query).items()}
    assert demande["client_id"] == CLIENT_ID and demande["code_challenge_method"] == "S256"
    code = fournisseur.code_pour(claims, nonce if nonce is not None else demande["nonce"])
    return client.get(reverse("comptes:sso_retour"), {"code": code, "state": demande["state"]})


def _connecte(client: Client) -> bool:
    return "_auth_user_id" in client.session


def _message(client: Client) -> str:
    return client.get(reverse("comptes:connexion")).content.decode()


def test_an_identity_opens_the_account_with_its_email_and_lands_where_the_role_works(
    client: Client, fournisseur: Fournisseur
) -> None:
    compte = _compte("marc.dubourg@lycee-eiffel.test")
    arrivee = _par_l_ent(
        client, fournisseur, {"sub": "42", "email": "Marc.Dubourg@Lycee-Eiffel.test"}
    )
    assert arrivee.status_code == 302
    assert arrivee["Location"] == reverse("pilotage:tableau_de_bord")
    assert client.session["_auth_user_id"] == str(compte.pk)
    # Stages asked the provider itself, over HTTP.
    assert fournisseur.appels == ["/token", "/userinfo"]


def test_a_student_lands_on_mon_stage_and_a_page_asked_for_is_kept(
    client: Client, fournisseur: Fournisseur
) -> None:
    _compte("camille@lycee-eiffel.test", role=Role.ETUDIANT)
    arrivee = _par_l_ent(client, fournisseur, {"email": "camille@lycee-eiffel.test"})
    assert arrivee["Location"] == reverse("etablissement:mon_stage")
    client.logout()
    suivante = reverse("etablissement:mon_stage") + "journal/"
    arrivee = _par_l_ent(
        client, fournisseur, {"email": "camille@lycee-eiffel.test"}, suivante=suivante
    )
    assert arrivee["Location"] == suivante


def test_an_unknown_address_is_refused_and_no_account_is_created(
    client: Client, fournisseur: Fournisseur, django_user_model: Any
) -> None:
    avant = django_user_model.objects.count()
    retour = _par_l_ent(client, fournisseur, {"email": "inconnu@example.org"})
    assert retour["Location"] == "/connexion/"
    assert not _connecte(client)
    assert django_user_model.objects.count() == avant
    page = _message(client)
    assert "Aucun compte Stages actif n&#x27;a l&#x27;adresse inconnu@example.org" in page


def test_an_inactive_account_is_refused(client: Client, fournisseur: Fournisseur) -> None:
    compte = _compte("parti@lycee-eiffel.test")
    compte.is_active = False
    compte.save()
    _par_l_ent(client, fournisseur, {"email": "parti@lycee-eiffel.test"})
    assert not _connecte(client)
    assert "Aucun compte Stages actif" in _message(client)


def test_an_identity_without_email_is_refused(client: Client, fournisseur: Fournisseur) -> None:
    _par_l_ent(client, fournisseur, {"sub": "7"})
    assert not _connecte(client)
    assert "n&#x27;a pas transmis d&#x27;adresse e-mail" in _message(client)


def test_an_id_token_for_another_request_is_refused(
    client: Client, fournisseur: Fournisseur
) -> None:
    _compte("marc.dubourg@lycee-eiffel.test")
    _par_l_ent(
        client, fournisseur, {"email": "marc.dubourg@lycee-eiffel.test"}, nonce="un-autre-nonce"
    )
    assert not _connecte(client)
    assert "La connexion par l&#x27;ENT n&#x27;a pas abouti" in _message(client)


def test_an_answer_used_twice_is_refused_in_words(client: Client, fournisseur: Fournisseur) -> None:
    _compte("marc.dubourg@lycee-eiffel.test")
    depart = client.get(reverse("comptes:sso"))
    demande = {k: v[0] for k, v in parse_qs(urlsplit(depart["Location"]).query).items()}
    code = fournisseur.code_pour({"email": "marc.dubourg@lycee-eiffel.test"}, demande["nonce"])
    retour = {"code": code, "state": demande["state"]}
    assert client.get(reverse("comptes:sso_retour"), retour).status_code == 302
    assert _connecte(client)
    client.logout()
    # The same answer again (the browser's history): its state was used, nothing opens.
    second = client.get(reverse("comptes:sso_retour"), retour)
    assert second.status_code == 302 and second["Location"] == "/connexion/"
    assert not _connecte(client)


def test_a_refusal_at_the_provider_comes_back_with_a_message(
    client: Client, fournisseur: Fournisseur
) -> None:
    depart = client.get(reverse("comptes:sso"))
    state = parse_qs(urlsplit(depart["Location"]).query)["state"][0]
    retour = client.get(reverse("comptes:sso_retour"), {"error": "access_denied", "state": state})
    assert retour["Location"] == "/connexion/"
    assert "La connexion par l&#x27;ENT n&#x27;a pas abouti" in _message(client)


def test_passwords_keep_working_beside_the_ent(client: Client, fournisseur: Fournisseur) -> None:
    _compte("marc.dubourg@lycee-eiffel.test")
    page = client.get(reverse("comptes:connexion")).content.decode()
    assert "Se connecter avec l&#x27;ENT" in page
    reponse = client.post(
        reverse("comptes:connexion"),
        {"username": "marc.dubourg@lycee-eiffel.test", "password": MOT_DE_PASSE},
    )
    assert reponse.status_code == 302 and _connecte(client)


def test_without_a_provider_nothing_of_it_shows(client: Client) -> None:
    assert "ENT" not in client.get(reverse("comptes:connexion")).content.decode()
    assert client.get(reverse("comptes:sso")).status_code == 404
    assert client.get(reverse("comptes:sso_retour"), {"code": "x", "state": "y"}).status_code == 404
