"""Settings for Stages, read from the environment (see README, section Configuration)."""

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from stages.env import envbool, envint, envjours, envreseaux, envsecret, envstr

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
# Our own address, as the browser sees it: a form posted from https://… passes the CSRF
# origin check even behind a proxy that ends TLS without saying so (SECURE_PROXY_SSL_HEADER).
_site = urlsplit(SITE_URL)
CSRF_TRUSTED_ORIGINS = [f"{_site.scheme}://{_site.netloc}"]

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
    "prospection",
    "documents",
    "journal",
    "demo",
    "pilotage",
    "espaces",
    "evaluations",
    "suivi",
    "examens",
    "candidatures",
    "django_cas_ng",  # CAS single sign-on, when CAS_SERVER_URL is set (comptes/sso_cas.py)
    "api",  # the REST API (django-ninja) and the personal tokens
    "ninja",  # serves the API's pages (/api/docs) from its static files, not a CDN
    "axes",  # login attempts, to lock an account or an IP out (comptes/verrous.py)
    "django_tasks",  # Django's tasks API (django.tasks from Django 6 on)
    "django_tasks_db",  # its queue in the database and its worker, `manage.py db_worker`
]

AUTH_USER_MODEL = "comptes.Utilisateur"
LOGIN_URL = "comptes:connexion"
LOGIN_REDIRECT_URL = "accueil"

# Login throttling (django-axes, comptes/verrous.py): after CONNEXION_ECHECS_COMPTE wrong
# passwords for one account, or CONNEXION_ECHECS_IP from one address (a school's network
# shares one: higher), logging in is refused, the right password included, for
# CONNEXION_BLOCAGE_MINUTES; counted in the database, so the same for every worker.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses before the password is tried
    "django.contrib.auth.backends.ModelBackend",
]

# Single sign-on by OpenID Connect (comptes/sso.py; README « Connexion par l'ENT »): offered
# when OIDC_CLIENT_ID is set. The provider's endpoints and signing come from the environment;
# an identity opens the active account with the same e-mail, never creates one.
OIDC_RP_CLIENT_ID = envstr("OIDC_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = envsecret("OIDC_CLIENT_SECRET", "")
OIDC_OP_AUTHORIZATION_ENDPOINT = envstr("OIDC_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = envstr("OIDC_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = envstr("OIDC_USERINFO_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = envstr("OIDC_JWKS_ENDPOINT", "") or None
OIDC_RP_SIGN_ALGO = envstr("OIDC_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = "openid email"
OIDC_USE_PKCE = True
OIDC_CREATE_USER = False
OIDC_AUTHENTICATION_CALLBACK_URL = "comptes:sso_retour"
LOGIN_REDIRECT_URL_FAILURE = "/connexion/"
OIDC_LIBELLE = envstr("OIDC_LIBELLE", "Se connecter avec l'ENT")
if OIDC_RP_CLIENT_ID:
    manquants = [
        nom
        for nom, valeur in (
            ("OIDC_AUTHORIZATION_ENDPOINT", OIDC_OP_AUTHORIZATION_ENDPOINT),
            ("OIDC_TOKEN_ENDPOINT", OIDC_OP_TOKEN_ENDPOINT),
            ("OIDC_USERINFO_ENDPOINT", OIDC_OP_USER_ENDPOINT),
        )
        if not valeur
    ]
    if OIDC_RP_SIGN_ALGO.startswith(("RS", "ES")) and not OIDC_OP_JWKS_ENDPOINT:
        manquants.append("OIDC_JWKS_ENDPOINT")
    if manquants:
        raise ImproperlyConfigured(
            "OIDC_CLIENT_ID est défini : il faut aussi " + ", ".join(manquants) + "."
        )
    AUTHENTICATION_BACKENDS.append("comptes.sso.Backend")

# Single sign-on by CAS (the lycées' ENT; comptes/sso_cas.py, django-cas-ng): offered when
# CAS_SERVER_URL is set. The e-mail comes from the attribute CAS_ATTRIBUT_EMAIL ("cas:user":
# the CAS login itself is the e-mail); like OIDC, it opens an active account, never creates one.
CAS_SERVER_URL = envstr("CAS_SERVER_URL", "")
CAS_VERSION = envstr("CAS_VERSION", "3")
CAS_USERNAME_ATTRIBUTE = envstr("CAS_ATTRIBUT_EMAIL", "mail")
CAS_LOCAL_NAME_FIELD = "email__iexact"
CAS_CREATE_USER = False
CAS_LOGIN_MSG = None
CAS_LOGGED_MSG = None
CAS_RETRY_LOGIN = False
CAS_IGNORE_REFERER = True
CAS_REDIRECT_URL = "/"
CAS_LIBELLE = envstr("CAS_LIBELLE", "Se connecter avec l'ENT (CAS)")
if CAS_VERSION not in ("1", "2", "3"):
    raise ImproperlyConfigured(f"CAS_VERSION doit valoir 1, 2 ou 3, pas {CAS_VERSION!r}.")
if CAS_SERVER_URL:
    AUTHENTICATION_BACKENDS.append("comptes.sso_cas.Backend")

CONNEXION_ECHECS_COMPTE = envint("CONNEXION_ECHECS_COMPTE", 5)
CONNEXION_ECHECS_IP = envint("CONNEXION_ECHECS_IP", 30)
if not 0 < CONNEXION_ECHECS_COMPTE <= CONNEXION_ECHECS_IP:
    raise ImproperlyConfigured(
        "CONNEXION_ECHECS_COMPTE doit être un entier positif, au plus égal à CONNEXION_ECHECS_IP."
    )
AXES_HANDLER = "comptes.verrous.Verrous"
AXES_FAILURE_LIMIT = CONNEXION_ECHECS_COMPTE
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_COOLOFF_TIME = timedelta(minutes=envint("CONNEXION_BLOCAGE_MINUTES", 15))
AXES_USERNAME_FORM_FIELD = "username"  # the login form's field, holding the e-mail address
AXES_USERNAME_CALLABLE = "comptes.verrous.adresse_saisie"
AXES_LOCKOUT_CALLABLE = "comptes.views.connexion_bloquee"
AXES_RESET_ON_SUCCESS = False  # else one's own account would reset the count of an IP
AXES_VERBOSE = False
AXES_DISABLE_ACCESS_LOG = True  # failures only, forgotten after the wait: no log of logins

MIDDLEWARE = [
    "core.proxy.AdresseDuClientMiddleware",  # first: REMOTE_ADDR is the visitor's, for all
    "django.middleware.security.SecurityMiddleware",
    # Static files from STATIC_ROOT (`manage.py collectstatic`), no CDN nor front server needed;
    # right after SecurityMiddleware so that they get its headers and skip the rest.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.middleware.ContentSecurityPolicyMiddleware",
    "core.middleware.SansNulMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "core.entetes.PasDeCacheMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a locked-out login into its page
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
                "stages.context_processors.menu",
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
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite has no row locks: every transaction takes the write lock when it begins, so two
    # decisions at the same instant (runserver answers in threads) wait for one another, up
    # to 20 s, instead of one failing with "database is locked" (conventions.verrous).
    DATABASES["default"]["OPTIONS"] = {"transaction_mode": "IMMEDIATE", "timeout": 20}

# Background work (examens/taches.py, the commission's packs): Django's tasks API, queued in
# the database (table django_tasks_db_dbtaskresult) on SQLite as on PostgreSQL, run by
# `manage.py db_worker` (started by `make run`; in production one or more systemd units, on
# one machine or several). ARCHITECTURE.md says why this queue.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# The cache every worker shares: the public forms' rate limits (public/limites.py) count in
# it. By default a table of the database (`manage.py migrate` creates it), so several
# workers count together with no other service; Redis, say, with
# CACHE_BACKEND=django.core.cache.backends.redis.RedisCache and
# CACHE_LOCATION=redis://127.0.0.1:6379 (needs the redis package). Never a per-process
# cache (LocMem) with several workers: each would count on its own.
CACHES = {
    "default": {
        "BACKEND": envstr("CACHE_BACKEND", "django.core.cache.backends.db.DatabaseCache"),
        "LOCATION": envstr("CACHE_LOCATION", "stages_cache"),
    }
}

# The REST API's rate limit per personal token (api/limites.py), counted in the cache above:
# "<nombre>/<s|min|h|d>".
API_LIMITE = envstr("API_LIMITE", "300/min")

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
STATIC_ROOT = Path(envstr("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
# Out of DEBUG, `collectstatic` writes each file under a name carrying its hash, compressed
# (gzip), and WhiteNoise serves them cached for a year; `{% static %}` then needs its manifest,
# so collectstatic runs before the server starts (README, « Mise en production »). DEBUG
# (`make run`) serves the sources as they are.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# Generated PDFs (documents/) and the school's logo; never served by Django in production.
MEDIA_ROOT = Path(envstr("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "media/"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# E-mail: SMTP by default; the console only with DEBUG (it would print every signing link
# into the server's log). Every message goes through core.courrier, which hands it to this
# real backend and, where COURRIELS_LISIBLES, keeps a copy to read in the browser.
EMAIL_BACKEND_REEL = envstr(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
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
# Evaluations (evaluations/envois.py): asked when a period is over, reminded so many days
# after the request (J+3, J+10); a period over for longer than the window is not asked for.
EVALUATIONS_RELANCES_JOURS = envjours("EVALUATIONS_RELANCES_JOURS", (3, 10))
EVALUATIONS_FENETRE_JOURS = envint("EVALUATIONS_FENETRE_JOURS", 30)
# Other passes `manage.py relances` runs after its own, by dotted name (documents does not
# import the apps above it): each takes `le` and returns the line to print.
RELANCES_AUTRES_PASSES = (
    "espaces.relances_presence.passe",
    "espaces.evaluations.relances_evaluations",
    "examens.alertes.passe",
    "candidatures.rappels.passe",
)
RELANCE_URGENTE_JOURS = envint("RELANCE_URGENTE_JOURS", 3)
# How long a personal link to a host's or the head of school's space opens it (espaces/).
ESPACE_DUREE_LIEN_JOURS = envint("ESPACE_DUREE_LIEN_JOURS", 30)
# Presence confirmed by the tutor (espaces/presence.py, `manage.py relances_presence`): a week
# is asked for at the first pass after it ends (the Monday after), once; a reminder follows
# PRESENCE_RAPPEL_JOURS days later if still unconfirmed. The request carries a new link unless
# the tutor was sent one in the last PRESENCE_LIEN_RECENT_JOURS days. A stage ended more than
# PRESENCE_RECUL_JOURS days ago is no longer asked for.
PRESENCE_RAPPEL_JOURS = envint("PRESENCE_RAPPEL_JOURS", 3)
PRESENCE_LIEN_RECENT_JOURS = envint("PRESENCE_LIEN_RECENT_JOURS", 7)
PRESENCE_RECUL_JOURS = envint("PRESENCE_RECUL_JOURS", 30)

# « Proposer un stage »: proposals accepted from one client IP per hour (public/limites.py).
PROPOSITIONS_PAR_HEURE = envint("PROPOSITIONS_PAR_HEURE", 5)
# The public company directory that fills a proposal from its SIRET (public/annuaire.py);
# empty: switched off, the company types its details.
ANNUAIRE_ENTREPRISES_URL = envstr(
    "ANNUAIRE_ENTREPRISES_URL", "https://recherche-entreprises.api.gouv.fr"
)

# HTTPS (README, Configuration): on by default out of DEBUG, each switchable. Behind a proxy
# that ends TLS, either the proxy redirects (SECURE_SSL_REDIRECT=false) or it names the
# scheme in a header it always rewrites (SECURE_PROXY_SSL_HEADER=X-Forwarded-Proto).
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", not DEBUG)
# The health endpoint answers in plain HTTP too: a load balancer asks gunicorn directly.
SECURE_REDIRECT_EXEMPT = [r"^sante/$"]
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
# Preloading is the domain owner's decision (a lycée's host is rarely its own apex domain).
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
_entete_tls = envstr("SECURE_PROXY_SSL_HEADER", "")
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_" + _entete_tls.upper().replace("-", "_"), "https") if _entete_tls else None
)
# The front servers (nginx, a load balancer) whose X-Forwarded-For names the visitor
# (core/proxy.py): their addresses or networks, comma-separated; empty, REMOTE_ADDR as is.
PROXIES_DE_CONFIANCE = envreseaux("PROXIES_DE_CONFIANCE")
SESSION_COOKIE_SECURE = envbool("SECURE_COOKIES", not DEBUG)
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
