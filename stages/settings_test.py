"""Settings for the test suite: the production settings, with a throwaway key and fast hashes."""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-not-a-secret")

from stages.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Never the network in tests: a test that needs the directory sets a URL and replays a
# recorded answer (tests/public/annuaire/).
ANNUAIRE_ENTREPRISES_URL = ""
# Plain HTTP for the test client and the browser journeys (tests/core/test_deploiement.py
# checks the production defaults).
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False
# The suite is one process: the cache in its memory, which tests/public empties around tests
# that have no database. The table production shares between workers is tested on its own
# (tests/core/test_deploiement_cache.py).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# No collectstatic before the tests: the sources, found where they live, as with DEBUG
# (tests/core/test_gunicorn.py collects and serves them the production way).
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
