"""The public forms' rate limits hold however many workers serve them: the count lives in the
shared cache (a database table by default), not in one process's memory. The suite itself
runs on a memory cache (stages/settings_test.py): here the production one is put back."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings

from stages import settings as production

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

# The other worker: its own process, the production settings, the same database and view.
AUTRE_WORKER = f"""
from stages import settings
# No collectstatic here: the refusal's page names the static files as they are.
settings.STORAGES["staticfiles"] = {{
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}}
import django
django.setup()
from django.test import Client
from django.test.utils import setup_test_environment
setup_test_environment()
client = Client(REMOTE_ADDR={IP!r})
print(*(client.post("/entreprises/proposer/", {OFFRE!r}).status_code for _ in range(3)))
"""


@pytest.fixture
def cache_de_production(settings: Settings) -> Iterator[None]:
    settings.CACHES = production.CACHES
    call_command("createcachetable", verbosity=0)
    # A transactional test commits: the cache table is no model, nothing empties it after.
    cache.clear()
    yield
    cache.clear()


def test_migrate_creates_the_table_of_the_cache(settings: Settings, db: None) -> None:
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "essai_cache",
        }
    }
    migration = importlib.import_module("comptes.migrations.0002_table_du_cache")
    migration.creer_la_table(None, SimpleNamespace(connection=connection))
    assert "essai_cache" in connection.introspection.table_names()
    cache.set("essai", 1)
    assert cache.get("essai") == 1


def _url_de_la_base_de_test() -> str:
    d = connection.settings_dict
    return f"postgres://{d['USER']}:{d['PASSWORD'] or ''}@{d['HOST']}:{d['PORT']}/{d['NAME']}"


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="two processes must share the test database: PostgreSQL (SQLite's is in memory)",
)
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("cache_de_production")
def test_five_proposals_an_hour_from_one_ip_whichever_worker_answers() -> None:
    assert production.PROPOSITIONS_PAR_HEURE == 5
    client = Client(REMOTE_ADDR=IP)
    assert [client.post(reverse("public:proposer"), OFFRE).status_code for _ in range(3)] == [
        302
    ] * 3
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "stages.settings",
        "DATABASE_URL": _url_de_la_base_de_test(),
        "PYTHONPATH": str(RACINE),
        "DEBUG": "false",
        "SECRET_KEY": "un-worker-de-test",
        "SECURE_SSL_REDIRECT": "false",  # the test client speaks plain HTTP
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "COURRIELS_LISIBLES": "false",
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
