"""Every e-mail the application sends goes through this backend (settings.EMAIL_BACKEND):
it hands the messages to the real backend, the one the environment names (EMAIL_BACKEND,
read into settings.EMAIL_BACKEND_REEL), then, only where settings.COURRIELS_LISIBLES (the
demo), keeps a copy of each (CourrielEnvoye) to be read in « Courriels envoyés ». The
senders know nothing of it: they use Django's mail API as usual.

apres_validation: how a change sends its e-mails, once committed and without failing."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.utils import timezone

from core.models import CourrielEnvoye

logger = logging.getLogger(__name__)


def apres_validation(envoi: Callable[[], object]) -> None:
    """Run `envoi` (it sends e-mail) once the current transaction commits: a rolled-back
    change writes to nobody. The change is saved by then: a mail server that fails must not
    turn it into an error page (the user would do it again), so the failure is logged and the
    request answers normally."""

    def envoyer() -> None:
        try:
            envoi()
        except Exception:
            # The function's name only: its arguments may hold a private link's token.
            fonction = getattr(envoi, "func", envoi)
            nom = f"{fonction.__module__}.{fonction.__qualname__}"
            logger.exception("Courriel non envoyé après l'enregistrement (%s).", nom)

    transaction.on_commit(envoyer, robust=True)


class EmailBackend(BaseEmailBackend):
    def __init__(self, fail_silently: bool = False, **kwargs: Any) -> None:
        super().__init__(fail_silently=fail_silently)
        self.reel: BaseEmailBackend = get_connection(
            settings.EMAIL_BACKEND_REEL, fail_silently=fail_silently, **kwargs
        )

    def open(self) -> bool | None:
        return self.reel.open()

    def close(self) -> None:
        self.reel.close()

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        # Sent first: a message the real backend refused is not shown as sent.
        envoyes = self.reel.send_messages(email_messages)
        if settings.COURRIELS_LISIBLES and email_messages:
            garder(email_messages)
        return envoyes


def garder(messages: Sequence[EmailMessage]) -> None:
    le = timezone.now()
    CourrielEnvoye.objects.bulk_create(
        CourrielEnvoye(
            envoye_le=le,
            expediteur=str(m.from_email or settings.DEFAULT_FROM_EMAIL),
            destinataires=", ".join(m.recipients()),
            sujet=str(m.subject)[:255],
            corps=str(m.body),
        )
        for m in messages
    )
