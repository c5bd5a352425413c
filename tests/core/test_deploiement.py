"""Out of DEBUG the defaults are a production's: `check --deploy` finds nothing to say, HTTPS is
required (each part switchable for a TLS proxy), mail goes by SMTP, never to the server's log.
Each case starts a fresh Python, the settings read the environment only once."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path
from typing import Any

RACINE = Path(__file__).resolve().parents[2]
VARIABLES = (  # those these tests set: none inherited from the machine running them
    "DEBUG",
    "SECRET_KEY",
    "SECRET_KEY_FILE",
    "DATABASE_URL",
    "EMAIL_BACKEND",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_COOKIES",
    "CACHE_BACKEND",
    "CACHE_LOCATION",
    "SITE_URL",
    "ALLOWED_HOSTS",
    "MEDIA_ROOT",
    "STATIC_ROOT",
    "EMAIL_HOST",
    "DEFAULT_FROM_EMAIL",
    "PROXIES_DE_CONFIANCE",
)
LIRE = """
import json
from stages import settings as s
print(json.dumps({n: getattr(s, n) for n in [
    "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_PROXY_SSL_HEADER", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE",
    "EMAIL_BACKEND_REEL", "CSRF_TRUSTED_ORIGINS",
]}))
"""


def _lancer(args: list[str], tmp_path: Path, **variables: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in VARIABLES}
    env.update(
        DJANGO_SETTINGS_MODULE="stages.settings",
        PYTHONPATH=str(RACINE),
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        SECRET_KEY=secrets.token_urlsafe(50),
    )
    env.update(variables)
    return subprocess.run(
        [sys.executable, *args], cwd=RACINE, env=env, capture_output=True, text=True, timeout=120
    )


def _reglages(tmp_path: Path, **variables: str) -> dict[str, Any]:
    fait = _lancer(["-c", LIRE], tmp_path, **variables)
    assert fait.returncode == 0, fait.stderr
    reglages: dict[str, Any] = json.loads(fait.stdout)
    return reglages


def test_check_deploy_has_nothing_to_say_out_of_debug(tmp_path: Path) -> None:
    fait = _lancer(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], tmp_path, DEBUG="false"
    )
    assert fait.returncode == 0, fait.stderr
    assert "System check identified no issues" in fait.stdout
    assert "WARNING" not in fait.stderr + fait.stdout


def test_out_of_debug_https_is_required_and_mail_goes_by_smtp(tmp_path: Path) -> None:
    assert _reglages(tmp_path, DEBUG="false") == {
        "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": 31_536_000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_PROXY_SSL_HEADER": None,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "EMAIL_BACKEND_REEL": "django.core.mail.backends.smtp.EmailBackend",
        "CSRF_TRUSTED_ORIGINS": ["http://127.0.0.1:8000"],
    }


def test_behind_a_tls_proxy_each_part_can_be_switched(tmp_path: Path) -> None:
    reglages = _reglages(
        tmp_path,
        DEBUG="false",
        SECURE_SSL_REDIRECT="false",
        SECURE_HSTS_SECONDS="0",
        SECURE_HSTS_INCLUDE_SUBDOMAINS="false",
        SECURE_COOKIES="false",
        SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto",
        SITE_URL="https://stages.lycee.example/section/",
    )
    assert reglages["SECURE_SSL_REDIRECT"] is False
    assert reglages["SECURE_HSTS_SECONDS"] == 0
    assert reglages["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is False
    assert reglages["SESSION_COOKIE_SECURE"] is reglages["CSRF_COOKIE_SECURE"] is False
    assert reglages["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    # Forms posted from the public address pass the CSRF check, whatever the proxy says.
    assert reglages["CSRF_TRUSTED_ORIGINS"] == ["https://stages.lycee.example"]


def test_make_run_debug_stays_on_plain_http_with_mail_on_the_console(tmp_path: Path) -> None:
    assert _reglages(tmp_path, DEBUG="true") == {
        "SECURE_SSL_REDIRECT": False,
        "SECURE_HSTS_SECONDS": 0,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": False,
        "SECURE_PROXY_SSL_HEADER": None,
        "SESSION_COOKIE_SECURE": False,
        "CSRF_COOKIE_SECURE": False,
        "EMAIL_BACKEND_REEL": "django.core.mail.backends.console.EmailBackend",
        "CSRF_TRUSTED_ORIGINS": ["http://127.0.0.1:8000"],
    }


# The environment of README « Mise en production » (/etc/stages.env), behind nginx ending TLS.
PRODUCTION = {
    "DEBUG": "false",
    "ALLOWED_HOSTS": "stages.lycee.example",
    "SITE_URL": "https://stages.lycee.example",
    "SECURE_PROXY_SSL_HEADER": "X-Forwarded-Proto",
    "PROXIES_DE_CONFIANCE": "127.0.0.1",
    "EMAIL_HOST": "smtp.lycee.example",
    "DEFAULT_FROM_EMAIL": "Stages <stages@lycee.example>",
}
STOCKAGE = """
from django.conf import settings
m = settings.MIDDLEWARE
# WhiteNoise right after SecurityMiddleware: static files get its headers, skip the rest.
print(settings.STORAGES["staticfiles"]["BACKEND"], m[m.index(
    "django.middleware.security.SecurityMiddleware") + 1])
"""


def test_check_deploy_is_clean_with_the_production_environment_of_the_readme(
    tmp_path: Path,
) -> None:
    cle = tmp_path / "secret_key"
    cle.write_text(secrets.token_urlsafe(50), encoding="utf-8")
    fait = _lancer(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        tmp_path,
        **PRODUCTION,
        SECRET_KEY="",
        SECRET_KEY_FILE=str(cle),
        MEDIA_ROOT=str(tmp_path / "media"),
        STATIC_ROOT=str(tmp_path / "staticfiles"),
    )
    assert fait.returncode == 0, fait.stderr
    assert "System check identified no issues" in fait.stdout


def test_out_of_debug_static_files_are_hashed_and_served_by_whitenoise(tmp_path: Path) -> None:
    lire = ["-c", "import django; django.setup()" + STOCKAGE]
    production = _lancer(lire, tmp_path, **PRODUCTION)
    assert production.stdout.split() == [
        "whitenoise.storage.CompressedManifestStaticFilesStorage",
        "whitenoise.middleware.WhiteNoiseMiddleware",
    ], production.stderr
    # `make run`: the sources as they are, no collectstatic needed.
    developpement = _lancer(lire, tmp_path, DEBUG="true")
    assert developpement.stdout.split() == [
        "django.contrib.staticfiles.storage.StaticFilesStorage",
        "whitenoise.middleware.WhiteNoiseMiddleware",
    ], developpement.stderr
