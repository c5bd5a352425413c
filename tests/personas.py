"""The four people every access test is written for (as healthchecks' Alice, Bob and Charlie).

Import the fixtures into a suite's conftest.py: `from tests.personas import *  # noqa: F403`.
"""

from __future__ import annotations

import pytest
from django.test import Client

from comptes.models import Role, Utilisateur
from comptes.services import utilisateur_creer

MOT_DE_PASSE = "correct-cheval-pile-agrafe"

# Persona names, as they appear in tests/acces/matrice.py.
ANONYME = "anonyme"
ADMINISTRATEUR = "administrateur"
ENSEIGNANT = "enseignant"
ETUDIANT = "etudiant"
PERSONAS = (ANONYME, ADMINISTRATEUR, ENSEIGNANT, ETUDIANT)

_IDENTITES = {
    ADMINISTRATEUR: ("claire.dupuis@lycee-eiffel.example", "Claire", "Dupuis"),
    ENSEIGNANT: ("marc.leroy@lycee-eiffel.example", "Marc", "Leroy"),
    ETUDIANT: ("ines.benali@lycee-eiffel.example", "Inès", "Benali"),
}


def creer_persona(persona: str) -> Utilisateur:
    email, prenom, nom = _IDENTITES[persona]
    return utilisateur_creer(
        email=email, role=Role(persona), prenom=prenom, nom=nom, mot_de_passe=MOT_DE_PASSE
    )


@pytest.fixture
def administrateur(db: None) -> Utilisateur:
    return creer_persona(ADMINISTRATEUR)


@pytest.fixture
def enseignant(db: None) -> Utilisateur:
    return creer_persona(ENSEIGNANT)


@pytest.fixture
def etudiant(db: None) -> Utilisateur:
    return creer_persona(ETUDIANT)


@pytest.fixture
def clients(
    administrateur: Utilisateur, enseignant: Utilisateur, etudiant: Utilisateur
) -> dict[str, Client]:
    """A logged-in test client per persona, and an anonymous one."""
    par_persona = {ANONYME: Client()}
    for persona, utilisateur in (
        (ADMINISTRATEUR, administrateur),
        (ENSEIGNANT, enseignant),
        (ETUDIANT, etudiant),
    ):
        client = Client()
        client.force_login(utilisateur)
        par_persona[persona] = client
    return par_persona
