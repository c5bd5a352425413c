"""Production the way the README deploys it: `collectstatic`, then gunicorn started with
gunicorn.conf.py, out of DEBUG. The static files come from the application itself (WhiteNoise),
under their hashed names, compressed and cached for a year; `/sante/` answers through gunicorn
(here a 503: the new database is not migrated). The DSFR's thousands of files are left out
of the collection, to keep the test short: only the project's own are served."""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

RACINE = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).parent / "gunicorn"


def _port_libre() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _lire(url: str, **entetes: str) -> tuple[int, dict[str, str], bytes]:
    requete = urllib.request.Request(url, headers=entetes)
    try:
        with urllib.request.urlopen(requete, timeout=10) as reponse:
            return reponse.status, dict(reponse.headers), reponse.read()
    except urllib.error.HTTPError as erreur:
        return erreur.code, dict(erreur.headers), erreur.read()


@pytest.fixture(scope="module")
def serveur(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    dossier = tmp_path_factory.mktemp("production")
    statiques = dossier / "staticfiles"
    port = _port_libre()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "stages.settings",
        "PYTHONPATH": str(RACINE),
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": f"sqlite:///{dossier / 'db.sqlite3'}",
        "STATIC_ROOT": str(statiques),
        "SECURE_SSL_REDIRECT": "false",  # the front server redirects to HTTPS
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "1",
    }
    collecte = [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"]
    for ignore in ("dsfr", "django-dsfr", "admin"):
        collecte += ["-i", ignore]
    subprocess.run(collecte, cwd=RACINE, env=env, check=True, timeout=300)
    processus = subprocess.Popen(
        [str(GUNICORN), "-c", "gunicorn.conf.py"],
        cwd=RACINE,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert processus.poll() is None, processus.stderr.read() if processus.stderr else ""
                time.sleep(0.1)
        yield url, statiques
    finally:
        processus.terminate()
        processus.wait(timeout=30)


def test_a_static_file_is_served_under_its_hashed_name_compressed_and_cached_a_year(
    serveur: tuple[str, Path],
) -> None:
    url, statiques = serveur
    manifeste = json.loads((statiques / "staticfiles.json").read_text(encoding="utf-8"))
    hache = manifeste["paths"]["core/stages.css"]
    assert hache != "core/stages.css"
    statut, entetes, contenu = _lire(f"{url}/static/{hache}", **{"Accept-Encoding": "gzip"})
    assert statut == 200
    assert entetes["Content-Encoding"] == "gzip"
    assert "max-age=315360000" in entetes["Cache-Control"]
    assert "immutable" in entetes["Cache-Control"]
    assert entetes["Content-Type"].startswith("text/css")
    assert len(contenu) < (statiques / hache).stat().st_size


def test_the_health_endpoint_answers_through_gunicorn(serveur: tuple[str, Path]) -> None:
    url, _ = serveur
    statut, entetes, contenu = _lire(f"{url}/sante/", Host="localhost")
    assert statut == 503
    assert entetes["Content-Type"] == "application/json"
    assert json.loads(contenu)["raison"].startswith("La base de données n'est pas à jour")
