"""Recorded answers of the company directory (tests/public/annuaire/), replayed through the
adapter's transport: no test ever reaches recherche-entreprises.api.gouv.fr."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings

from public import annuaire

DOSSIER = Path(__file__).parent / "annuaire"
URL = "https://recherche-entreprises.api.gouv.fr"
SIRET_TROUVE = "83214567600025"  # AQUITAINE DISTRIBUTION, Bordeaux site, in trouvee.json


def rejouer(monkeypatch: pytest.MonkeyPatch, enregistrement: str) -> list[str]:
    """Switch the directory on and answer every request with the recorded file; the URLs
    asked are collected in the list returned."""
    demandees: list[str] = []

    def transport(url: str, delai: float) -> bytes:
        assert delai <= 2
        demandees.append(url)
        return (DOSSIER / enregistrement).read_bytes()

    activer(monkeypatch)
    monkeypatch.setattr(annuaire, "transport", transport)
    return demandees


def en_panne(monkeypatch: pytest.MonkeyPatch, erreur: Exception) -> None:
    """Switch the directory on, and make every request fail with `erreur`."""

    def transport(url: str, delai: float) -> bytes:
        raise erreur

    activer(monkeypatch)
    monkeypatch.setattr(annuaire, "transport", transport)


def activer(monkeypatch: pytest.MonkeyPatch) -> None:
    """Switch the directory on for this test (settings_test switches it off)."""
    monkeypatch.setattr(settings, "ANNUAIRE_ENTREPRISES_URL", URL)
