"""core.courrier: every e-mail goes to the real backend; a copy is kept only where
settings.COURRIELS_LISIBLES (the demo)."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from pytest_django.fixtures import Settings

from core.models import CourrielEnvoye
from tests.courriels import courriels_lisibles

pytestmark = pytest.mark.django_db


def _envoyer() -> int:
    message = mail.EmailMultiAlternatives(
        "Votre lien", "Ouvrez https://stages.example/suivi/secret/", None, ["a@x.example"]
    )
    message.bcc = ["b@x.example"]
    message.attach_alternative("<p>html</p>", "text/html")
    return mail.get_connection().send_messages([message])


def test_in_the_demo_it_keeps_a_copy_and_sends(settings: Settings) -> None:
    courriels_lisibles(settings)
    assert _envoyer() == 1
    assert len(mail.outbox) == 1  # the real backend got it
    copie = CourrielEnvoye.objects.get()
    assert copie.sujet == "Votre lien"
    assert copie.corps == "Ouvrez https://stages.example/suivi/secret/"
    assert copie.destinataires == "a@x.example, b@x.example"
    assert copie.expediteur == settings.DEFAULT_FROM_EMAIL


def test_elsewhere_it_only_sends(settings: Settings) -> None:
    courriels_lisibles(settings)
    settings.COURRIELS_LISIBLES = False
    assert _envoyer() == 1
    assert len(mail.outbox) == 1
    assert not CourrielEnvoye.objects.exists()


def test_a_message_the_real_backend_refuses_is_not_kept(settings: Settings) -> None:
    courriels_lisibles(settings)
    settings.EMAIL_BACKEND_REEL = "tests.core.test_courrier.Refuse"
    with pytest.raises(ConnectionError):
        _envoyer()
    assert not CourrielEnvoye.objects.exists()


class Refuse(BaseEmailBackend):
    def send_messages(self, email_messages: object) -> int:
        raise ConnectionError("serveur injoignable")
