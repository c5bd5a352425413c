"""POST /api/regles/evaluer is `python -m regles evaluer` over HTTP: the same output, the
same refusals with the same French messages, the same 5 Mo; whatever comes in, a 200 or a
refusal, never a 500 (the test client raises on a server error)."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pytest_django.fixtures import Settings

from api.models import Portee
from comptes.models import Utilisateur
from regles.__main__ import TAILLE_MAX, main
from tests.api.outils import entete, jeton
from tests.regles.test_fuzz_json import JSONISH, SITUATION

EXEMPLE = Path("regles/exemples/situation.json")
URL = "/api/regles/evaluer"


@pytest.fixture
def cle(settings: Settings, enseignant: Utilisateur) -> str:
    settings.API_LIMITE = "100000/min"  # the fuzz sends hundreds of requests
    return jeton(enseignant, Portee.ECRITURE)[1]


def _envoyer(cle: str, contenu: bytes) -> Any:
    return Client().post(URL, contenu, content_type="application/json", **entete(cle))


def _commande(contenu: bytes) -> tuple[int, str, str]:
    sortie, erreur = io.StringIO(), io.StringIO()
    entree = io.TextIOWrapper(io.BytesIO(contenu), encoding="utf-8")
    with contextlib.redirect_stderr(erreur):
        code = main(["evaluer", "-"], stdin=entree, stdout=sortie)
    return code, sortie.getvalue(), erreur.getvalue().strip()


def test_it_answers_what_the_command_prints(cle: str) -> None:
    contenu = EXEMPLE.read_bytes()
    reponse = _envoyer(cle, contenu)
    code, sortie, _ = _commande(contenu)
    assert reponse.status_code == 200 and code == 0
    assert reponse.json() == json.loads(sortie)
    assert reponse.json()["resume"]["bloquant"] > 0


@pytest.mark.parametrize(
    "contenu",
    [
        b"{",
        b'{"zone": "A", "zone": "B"}',
        b'{"conventions": [NaN]}',
        b"\xff\xfe",
        b"[" * 100_000,
        b'{"conventions": [{"id": "a", "periodes": [{"debut": "2026-02-30"}]}]}',
        b'{"inconnue": 1}',
    ],
)
def test_it_refuses_with_the_commands_message(cle: str, contenu: bytes) -> None:
    reponse = _envoyer(cle, contenu)
    code, _, erreur = _commande(contenu)
    assert code == 2
    assert reponse.status_code == 422
    assert reponse.json() == {"detail": erreur}


def test_it_refuses_more_than_5_mo(cle: str) -> None:
    contenu = b'{"zone": "A"' + b" " * TAILLE_MAX + b"}"
    reponse = _envoyer(cle, contenu)
    assert reponse.status_code == 413
    assert reponse.json() == {"detail": "Entrée invalide : fichier trop gros (au plus 5 Mo)"}


def test_it_accepts_more_than_djangos_own_cap(cle: str) -> None:
    contenu = b'{"zone": "A"' + b" " * 3_000_000 + b"}"
    assert _envoyer(cle, contenu).status_code == 200


@pytest.mark.django_db
def test_any_input_is_evaluated_or_refused_in_french(cle: str) -> None:
    @settings(
        max_examples=150,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    @given(
        st.one_of(SITUATION.map(json.dumps), JSONISH.map(json.dumps)).map(str.encode)
        | st.binary(max_size=200)
    )
    def essai(contenu: bytes) -> None:
        reponse = _envoyer(cle, contenu)
        assert reponse.status_code in (200, 422), reponse.content
        if reponse.status_code == 422:
            assert reponse.json()["detail"].startswith("Entrée invalide : ")

    essai()
