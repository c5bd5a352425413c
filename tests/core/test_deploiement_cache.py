"""The public forms' rate limits hold however many workers serve them: the count lives in the
shared cache (a database table by default), not in one process's memory."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.urls import reverse

RACINE = Path(__file__).resolve().parents[2]
IP = "203.0.113.9"
OFFRE = {
    "siret": "83214567600025",
    "entreprise": "Aquitaine Distribution",
    "ville": "Mérignac",
    "contact_nom": "Julie Martin",
    "contact_email": "julie.martin@example.org",
    "nombre_stagiaires": "1",
    "gratification": "minimum",
}

# The other worker: its own process, the same database, the same view.
AUTRE_WORKER = f"""
import django
django.setup()
from django.test import Client
from django.test.utils import setup_test_environment
setup_test_environment()
client = Client(REMOTE_ADDR={IP!r})
print(*(client.post("/entreprises/proposer/", {OFFRE!r}).status_code for _ in range(3)))
"""


@pytest.fixture
def _cache_vide() -> Iterator[None]:
    # A transactional test commits: the cache table is no model, nothing empties it after.
    cache.clear()
    yield
    cache.clear()


def _url_de_la_base_de_test() -> str:
    d = connection.settings_dict
    return f"postgres://{d['USER']}:{d['PASSWORD'] or ''}@{d['HOST']}:{d['PORT']}/{d['NAME']}"


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="two processes must share the test database: PostgreSQL (SQLite's is in memory)",
)
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("_cache_vide")
def test_five_proposals_an_hour_from_one_ip_whichever_worker_answers() -> None:
    assert settings.PROPOSITIONS_PAR_HEURE == 5
    client = Client(REMOTE_ADDR=IP)
    assert [client.post(reverse("public:proposer"), OFFRE).status_code for _ in range(3)] == [
        302
    ] * 3
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "stages.settings_test",
        "DATABASE_URL": _url_de_la_base_de_test(),
        "PYTHONPATH": str(RACINE),
    }
    autre = subprocess.run(
        [sys.executable, "-c", AUTRE_WORKER],
        cwd=RACINE,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    # The fourth and fifth pass there, the sixth is refused there...
    assert autre.stdout.split() == ["302", "302", "429"], autre.stderr
    # ...and here, the first worker, too.
    assert client.post(reverse("public:proposer"), OFFRE).status_code == 429
