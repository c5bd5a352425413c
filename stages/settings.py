"""Settings for Stages, read from the environment (see README, section Configuration)."""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from stages.env import envbool, envint, envjours, envsecret, envstr

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = envbool("DEBUG", False)
SECRET_KEY = envsecret("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY est obligatoire hors mode DEBUG (voir README, Configuration)."
        )
    # Development only: `make run` sets DEBUG=true; production must set its own key.
    SECRET_KEY = "dev-only-insecure-key-not-for-production"  # noqa: S105

ALLOWED_HOSTS = [h for h in envstr("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]
SITE_URL = envstr("SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "widget_tweaks",
    "dsfr",
    "comptes",
    "core",
    "referentiel",
    "etablissement",
    "organismes",
    "conventions",
    "echanges",
    "public",
    "documents",
    "demo",
    "pilotage",
]

AUTH_USER_MODEL = "comptes.Utilisateur"
LOGIN_URL = "comptes:connexion"
LOGIN_REDIRECT_URL = "accueil"

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.ContentSecurityPolicyMiddleware",
    "core.middleware.SansNulMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "stages.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.interface",
            ],
        },
    },
]

WSGI_APPLICATION = "stages.wsgi.application"

# SQLite is the embedded default; production uses PostgreSQL through DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        envstr("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=envint("DB_CONN_MAX_AGE", 0),
    )
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "fr-fr"
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# Generated PDFs (documents/) and the school's logo; never served by Django in production.
MEDIA_ROOT = Path(envstr("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "media/"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# E-mail: console in development, SMTP (or any Django backend) in production. Every message
# goes through core.courrier, which hands it to this real backend and, where
# COURRIELS_LISIBLES, keeps a copy to read in the browser.
EMAIL_BACKEND_REEL = envstr("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_BACKEND = "core.courrier.EmailBackend"
EMAIL_HOST = envstr("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", 25)
EMAIL_HOST_USER = envstr("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = envsecret("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = envstr("DEFAULT_FROM_EMAIL", "Stages <stages@localhost>")
# A copy of every e-mail sent, with its personal links (signature, follow-up, password), is
# kept to be read in the browser (« Courriels envoyés », /courriels/) only when this is true:
# the demo. In production nothing is kept.
COURRIELS_LISIBLES = envbool("COURRIELS_LISIBLES", DEBUG)

# Reminders (documents/relances.py, `manage.py relances`): a signatory who has not signed is
# written to again so many days after their link (then every RELANCES_PUIS_JOURS days), and
# once more RELANCE_URGENTE_JOURS days before the stage begins.
RELANCES_JOURS = envjours("RELANCES_JOURS", (3, 7))
RELANCES_PUIS_JOURS = envint("RELANCES_PUIS_JOURS", 7)
RELANCE_URGENTE_JOURS = envint("RELANCE_URGENTE_JOURS", 3)

# « Proposer un stage »: proposals accepted from one client IP per hour (public/limites.py).
PROPOSITIONS_PAR_HEURE = envint("PROPOSITIONS_PAR_HEURE", 5)
# The public company directory that fills a proposal from its SIRET (public/annuaire.py);
# empty: switched off, the company types its details.
ANNUAIRE_ENTREPRISES_URL = envstr(
    "ANNUAIRE_ENTREPRISES_URL", "https://recherche-entreprises.api.gouv.fr"
)

SESSION_COOKIE_SECURE = envbool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

# Only our own origin: the DSFR assets are served from STATIC_URL, never from a CDN.
# data: images are the DSFR's inline SVG icons; no inline script or style attribute.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)
X_FRAME_OPTIONS = "DENY"

# django-dsfr marks the content of its alerts and tables safe unless told otherwise: a
# message quoting what a user typed must stay escaped.
DSFR_CONTENT_IS_SAFE = False
