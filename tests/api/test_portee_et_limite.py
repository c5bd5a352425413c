"""A read needs a token, a write a « Lecture et écriture » one; each token has its own rate
limit; every refusal is a JSON {"detail": …} in French."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import Client
from pytest_django.fixtures import Settings

from api.limites import ParJeton
from api.models import Portee
from comptes.models import Utilisateur
from tests.api.outils import entete, jeton

SITUATION = b'{"conventions": []}'


def _evaluer(cle: str) -> int:
    reponse = Client().post(
        "/api/regles/evaluer", SITUATION, content_type="application/json", **entete(cle)
    )
    return reponse.status_code


def test_a_read_only_token_reads_but_does_not_write(enseignant: Utilisateur) -> None:
    _, cle = jeton(enseignant, Portee.LECTURE)
    assert Client().get("/api/etudiants", **entete(cle)).status_code == 200
    reponse = Client().post(
        "/api/regles/evaluer", SITUATION, content_type="application/json", **entete(cle)
    )
    assert reponse.status_code == 403
    assert "ne permet que la lecture" in reponse.json()["detail"]


def test_a_write_token_writes(enseignant: Utilisateur) -> None:
    _, cle = jeton(enseignant, Portee.ECRITURE)
    assert _evaluer(cle) == 200


def test_without_a_token_nothing_answers_not_even_to_a_logged_in_session(
    clients: dict[str, Client],
) -> None:
    for persona, client in clients.items():
        reponse = client.get("/api/conventions")
        assert reponse.status_code == 401, persona
        assert reponse["WWW-Authenticate"] == "Bearer"
        assert "Authorization: Bearer" in reponse.json()["detail"]


def test_the_rate_limit_counts_per_token(settings: Settings, enseignant: Utilisateur) -> None:
    settings.API_LIMITE = "3/min"
    _, cle = jeton(enseignant)
    _, autre = jeton(enseignant)
    statuts = [Client().get("/api/offres", **entete(cle)).status_code for _ in range(4)]
    assert statuts == [200, 200, 200, 429]
    reponse = Client().get("/api/offres", **entete(cle))
    assert "Trop de requêtes pour ce jeton" in reponse.json()["detail"]
    assert int(reponse["Retry-After"]) > 0
    assert Client().get("/api/offres", **entete(autre)).status_code == 200


def test_a_wrong_parameter_is_a_422_in_french(administrateur: Utilisateur) -> None:
    _, cle = jeton(administrateur)
    reponse = Client().get("/api/conventions?statut=perdue&du=31-02-2026", **entete(cle))
    assert reponse.status_code == 422
    detail = reponse.json()["detail"]
    assert "paramètre « statut » : valeur inconnue" in detail
    assert "paramètre « du » : date AAAA-MM-JJ attendue" in detail
    for adresse in ("/api/conventions/99999999999999999999", "/api/conventions?page=0"):
        assert Client().get(adresse, **entete(cle)).status_code in {404, 422}
    reponse = Client().get("/api/conventions/123456", **entete(cle))
    assert reponse.status_code == 404
    assert reponse.json() == {"detail": "Convention n° 123456 introuvable."}


def test_a_wrong_rate_setting_stops_the_start(settings: Settings) -> None:
    for ecrit in ("beaucoup", "300/semaine", "/min"):
        settings.API_LIMITE = ecrit
        with pytest.raises(ImproperlyConfigured, match="300/min"):
            ParJeton()
