"""Every route of the API, requested with each persona's token: the staff read what their
pages show (every member of staff reads every convention), only whoever may change a
convention uploads its signed copy, a student's token (which the page never gives) and no
token open nothing. The table must name every route the API declares."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from api.models import JetonApi, Portee
from api.views.racine import api
from comptes.models import Utilisateur
from documents import signatures
from documents.models import Document
from tests import fabriques
from tests.api.outils import entete, jeton
from tests.documents import constructeurs as documents
from tests.personas import ADMINISTRATEUR, ANONYME, ENSEIGNANT, ETUDIANT, PERSONAS

SITUATION = b'{"conventions": []}'
PDF = b"%PDF-1.4\n%%EOF\n"


def _convention() -> dict[str, Any]:
    return {"pk": documents.document()["pk"] and Document.objects.get().convention_id}


def _circuit_ouvert() -> dict[str, Any]:
    document = Document.objects.get(pk=documents.document_a_signer()["pk"])
    auteur = Utilisateur.objects.get(email="secretariat@example.org")
    signatures.circuit_ouvrir(document=document, le=timezone.now(), auteur=auteur)
    return {"pk": document.convention_id}


@dataclass(frozen=True)
class Route:
    adresse: str
    personnel: int  # what an administrator and a teacher get (200, or the table below)
    enseignant: int | None = None  # when the teacher differs: they follow nobody
    methode: str = "get"
    objets: Callable[[], dict[str, Any]] = dict


ROUTES: dict[str, Route] = {
    "conventions": Route("/api/conventions", 200),
    "convention": Route("/api/conventions/{pk}", 200, objets=_convention),
    "convention_pdf": Route("/api/conventions/{pk}/pdf", 200, objets=_convention),
    "convention_presence": Route("/api/conventions/{pk}/presence", 200, objets=_convention),
    "convention_copie_signee": Route(
        "/api/conventions/{pk}/copie-signee", 201, 403, "post", _circuit_ouvert
    ),
    "copie_confirmer": Route(
        "/api/copies/{pk}/confirmer", 200, 403, "post", documents.copie_a_confirmer
    ),
    "etudiants": Route("/api/etudiants", 200),
    "etudiant": Route("/api/etudiants/{pk}", 200, objets=lambda: {"pk": fabriques.etudiant().pk}),
    "organismes": Route("/api/organismes", 200),
    "organisme": Route(
        "/api/organismes/{pk}", 200, objets=lambda: {"pk": fabriques.organisme().pk}
    ),
    "offres": Route("/api/offres", 200),
    "propositions": Route("/api/propositions", 200),
    "regles_evaluer": Route("/api/regles/evaluer", 200, methode="post"),
}

# The API's own pages: its schema and its documentation, open to all (they hold no data).
PAGES = {"openapi-json", "openapi-view", "api-root"}


def test_the_table_names_every_route_the_api_declares() -> None:
    noms = {motif.name for motif in api.urls[0]}
    assert noms - PAGES == set(ROUTES)


def _requete(route: Route, adresse: str, cle: str | None) -> int:
    en_tetes = entete(cle) if cle else {}
    client = Client()
    if route.methode == "get":
        return client.get(adresse, **en_tetes).status_code
    if route.adresse.endswith("copie-signee"):
        envoi = {"fichier": SimpleUploadedFile("copie.pdf", PDF, "application/pdf")}
        return client.post(adresse, envoi, **en_tetes).status_code
    if route.adresse.endswith("confirmer"):
        return client.post(adresse, **en_tetes).status_code
    corps = SITUATION
    return client.post(adresse, corps, content_type="application/json", **en_tetes).status_code


@pytest.mark.parametrize("nom", sorted(ROUTES))
def test_each_route_answers_each_persona(
    nom: str, administrateur: Utilisateur, enseignant: Utilisateur, etudiant: Utilisateur
) -> None:
    route = ROUTES[nom]
    adresse = route.adresse.format(**route.objets())
    # A student's token cannot be created (api.jetons); one slipped into the table opens
    # nothing either.
    eleve = JetonApi.objects.create(
        utilisateur=etudiant, libelle="x", empreinte="0" * 64, prefixe="stg_", portee="ecriture"
    )
    assert eleve.pk
    cles = {
        ANONYME: None,
        ADMINISTRATEUR: jeton(administrateur, Portee.ECRITURE)[1],
        ENSEIGNANT: jeton(enseignant, Portee.ECRITURE)[1],
        ETUDIANT: "stg_" + "0" * 43,
    }
    attendus = {
        ANONYME: 401,
        ADMINISTRATEUR: route.personnel,
        ENSEIGNANT: route.enseignant or route.personnel,
        ETUDIANT: 401,
    }
    obtenus = {persona: _requete(route, adresse, cles[persona]) for persona in PERSONAS}
    assert obtenus == attendus
