"""The demo's e-mail settings in a test: every message goes through core.courrier, which
keeps a copy to read in « Courriels envoyés », then to the test mailbox (mail.outbox) as its
real backend. (Django's test set-up puts the mailbox in EMAIL_BACKEND itself, so that
elsewhere in the tests nothing is kept.)"""

from __future__ import annotations

from typing import Any

LISIBLES = {
    "EMAIL_BACKEND": "core.courrier.EmailBackend",
    "EMAIL_BACKEND_REEL": "django.core.mail.backends.locmem.EmailBackend",
    "COURRIELS_LISIBLES": True,
}


def courriels_lisibles(settings: Any) -> None:
    for nom, valeur in LISIBLES.items():
        setattr(settings, nom, valeur)
