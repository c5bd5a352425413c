"""What the screen tests share: conventions validated through the real workflow, and the
number of queries a page runs."""

from __future__ import annotations

import itertools
from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from comptes.models import Role, Utilisateur
from conventions.models import Convention
from conventions.moteur import evaluer_convention
from conventions.services import convention_acquitter, convention_transition

_numeros = itertools.count(1)


def chef_de_travaux() -> Utilisateur:
    return Utilisateur.objects.create_user(
        f"chef{next(_numeros)}@lycee-eiffel.test", "x", role=Role.ADMINISTRATEUR
    )


def valider(convention: Convention, auteur: Utilisateur) -> Convention:
    """Submit and validate through the one transition function, a named administrator
    acknowledging the warnings the engine raises (as the section does)."""
    convention_transition(convention=convention, action="soumettre", auteur=auteur)
    codes = [k.code for k in evaluer_convention(convention).avertissements]
    if codes:
        convention_acquitter(convention=convention, codes=codes, auteur=auteur)
    return convention_transition(convention=convention, action="valider", auteur=auteur)


def requetes(client: Client, url: str, donnees: dict[str, Any] | None = None) -> int:
    """How many SQL queries a GET of `url` runs (the page must answer 200)."""
    with CaptureQueriesContext(connection) as capture:
        reponse = client.get(url, donnees or {})
    assert reponse.status_code == 200, reponse.status_code
    return len(capture.captured_queries)
