"""Every URL of a space, with a forged, a replaced or an expired link, as each persona: a
forged or replaced link finds nothing (404), an expired one offers a new link (410) and
opens nothing else; being logged in changes nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from espaces import services
from tests.espaces import outils
from tests.personas import PERSONAS

pytestmark = pytest.mark.django_db

PAGES = (
    ("espaces:espace", {}, "get"),
    ("espaces:signer", {}, "post"),
    ("espaces:document", {"pk": 1}, "get"),
    ("espaces:repondre", {"pk": 1}, "post"),
    ("espaces:attestation", {"periode": 1}, "post"),
    ("espaces:journal_contresigner", {"pk": 1}, "post"),
    ("espaces:journal_piece", {"pk": 1}, "get"),
    ("espaces:presence_confirmer", {"pk": 1, "lundi": "2026-01-05"}, "post"),
)


def _jetons() -> dict[str, str]:
    _, contact, tuteur = outils.hote("Aquitaine Distribution")
    _, expire = outils.lien(
        services.titulaire_tuteur(tuteur), le=timezone.now() - timedelta(days=40)
    )
    _, remplace = outils.lien(services.titulaire_contact(contact))
    outils.lien(services.titulaire_contact(contact))  # replaces the previous one
    return {"forge": "lien-invente", "remplace": remplace, "expire": expire}


def test_a_bad_link_opens_nothing_for_anybody(clients: dict[str, Client]) -> None:
    jetons = _jetons()
    attendus = {"forge": 404, "remplace": 404, "expire": 410}
    ecarts = []
    for nom, kwargs, methode in PAGES:
        for cas, jeton in jetons.items():
            url = reverse(nom, kwargs={"jeton": jeton, **kwargs})
            for persona in PERSONAS:
                obtenu = getattr(clients[persona], methode)(url).status_code
                if obtenu != attendus[cas]:
                    ecarts.append(f"{nom} ({cas}) en {persona} : {obtenu}")
    assert not ecarts, "\n".join(ecarts)


def test_only_an_expired_link_asks_for_a_new_one(clients: dict[str, Client]) -> None:
    jetons = _jetons()
    for cas, attendu in (("forge", 404), ("remplace", 404)):
        url = reverse("espaces:nouveau_lien", args=[jetons[cas]])
        assert clients["anonyme"].post(url).status_code == attendu
    url = reverse("espaces:nouveau_lien", args=[jetons["expire"]])
    assert clients["anonyme"].post(url).status_code == 200
    # Asked once: the expired link is replaced, and asks for nothing more.
    assert clients["administrateur"].post(url).status_code == 404
