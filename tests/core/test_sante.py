"""`/sante/`, asked by a load balancer or a monitor without logging in: 200 and the task queue's
backlog when all answers, 503 and a French reason otherwise, never the error's own text."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.db.migrations.recorder import MigrationRecorder
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from examens.taches import generer_pack

RACINE = Path(__file__).resolve().parents[2]


def test_all_answers_and_the_queue_is_empty(client: Client, db: None) -> None:
    reponse = client.get("/sante/")
    assert reponse.status_code == 200
    assert reponse.json() == {
        "etat": "ok",
        "base": "ok",
        "migrations": "ok",
        "taches": {"en_attente": 0, "plus_ancienne_attend_depuis_secondes": None},
    }


def test_it_says_how_long_the_oldest_waiting_task_has_waited(client: Client, db: None) -> None:
    for minutes in (3, 20):
        resultat = generer_pack.enqueue(0)
        DBTaskResult.objects.filter(pk=resultat.id).update(
            enqueued_at=timezone.now() - timedelta(minutes=minutes)
        )
    fini = generer_pack.enqueue(0)  # taken by a worker long ago: not waiting any more
    DBTaskResult.objects.filter(pk=fini.id).update(
        status="SUCCESSFUL", enqueued_at=timezone.now() - timedelta(days=2)
    )
    taches = client.get("/sante/").json()["taches"]
    assert taches["en_attente"] == 2
    assert 20 * 60 <= taches["plus_ancienne_attend_depuis_secondes"] < 21 * 60


def test_a_migration_not_applied_is_a_503_that_says_so(client: Client, db: None) -> None:
    MigrationRecorder.Migration.objects.filter(app="core").order_by("-id")[:1].get().delete()
    reponse = client.get("/sante/")
    assert reponse.status_code == 503
    assert reponse.json() == {
        "etat": "indisponible",
        "raison": "La base de données n'est pas à jour : 1 migration(s) à appliquer "
        "(manage.py migrate).",
    }


def test_static_files_not_collected_out_of_debug_are_a_503_that_says_so(
    client: Client, db: None, settings: Any, tmp_path: Path
) -> None:
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    reponse = client.get("/sante/")
    assert reponse.status_code == 503
    assert reponse.json()["raison"] == (
        "Les fichiers statiques ne sont pas collectés (manage.py collectstatic)."
    )
    (tmp_path / "staticfiles.json").write_text('{"paths": {}, "version": "1.1"}')
    assert client.get("/sante/").status_code == 200


SANS_BASE = """
import django
django.setup()
from django.test import Client
reponse = Client().get("/sante/", HTTP_HOST="localhost")
print(reponse.status_code)
print(reponse.content.decode())
"""


def test_a_database_that_does_not_answer_is_a_503_that_names_no_host_nor_password() -> None:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "stages.settings",
        "PYTHONPATH": str(RACINE),
        "DEBUG": "false",
        "SECRET_KEY": "un-essai-de-sante",
        "SECURE_SSL_REDIRECT": "true",  # /sante/ answers in plain HTTP all the same
        # Nothing listens on port 1.
        "DATABASE_URL": "postgres://stages:mot-de-passe-cache@127.0.0.1:1/stages",
    }
    fait = subprocess.run(
        [sys.executable, "-c", SANS_BASE],
        cwd=RACINE,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert fait.returncode == 0, fait.stderr
    statut, corps = fait.stdout.split("\n", 1)
    assert statut == "503"
    assert json.loads(corps) == {
        "etat": "indisponible",
        "raison": "La base de données ne répond pas.",
    }
    assert "mot-de-passe-cache" not in corps and "127.0.0.1" not in corps


@pytest.mark.parametrize("methode", ["post", "put", "delete"])
def test_it_only_reads(client: Client, db: None, methode: str) -> None:
    assert getattr(client, methode)("/sante/").status_code == 405
