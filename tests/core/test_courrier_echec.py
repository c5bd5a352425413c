"""A mail server that fails after a change is saved: the user gets the normal answer (the
change is kept, doing it again would do it twice), the failure is in the log."""

from __future__ import annotations

import importlib
import logging
import smtplib
from collections.abc import Iterator, Sequence
from functools import partial
from typing import Any

import pytest
from django.apps import apps
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings

from comptes.models import Utilisateur
from conventions.models import Convention, Statut
from core.courrier import apres_validation
from public.models import PropositionStage
from tests import fabriques

# A real commit, so that the e-mails leave inside the request, as in production.
pytestmark = pytest.mark.django_db(transaction=True)


class ServeurEnPanne(BaseEmailBackend):
    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


@pytest.fixture(autouse=True)
def section_semee() -> None:
    """What the migrations seed, which the flush after a transactional test removes (as in
    tests/navigateur/conftest.py)."""
    from demo.lycee import lycee_creer
    from referentiel.models import Formation

    if not Formation.objects.exists():
        importlib.import_module("referentiel.migrations.0002_ndrc_2018_blocs_et_missions").semer(
            apps, None
        )
    lycee_creer()  # the school, unless one is recorded


@pytest.fixture(autouse=True)
def serveur_en_panne(settings: Settings) -> Iterator[None]:
    # Through core.courrier, as every message in production.
    settings.EMAIL_BACKEND = "core.courrier.EmailBackend"
    settings.EMAIL_BACKEND_REEL = f"{__name__}.ServeurEnPanne"
    cache.clear()  # the proposals' count: a committed test leaves it behind
    yield
    cache.clear()


def _echecs(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [
        r
        for r in caplog.records
        if r.name == "core.courrier"
        and r.levelno == logging.ERROR
        and r.exc_info
        and isinstance(r.exc_info[1], smtplib.SMTPException)
    ]


def test_a_status_change_is_saved_and_answered_though_the_mail_fails(
    administrateur: Utilisateur, caplog: pytest.LogCaptureFixture
) -> None:
    convention = fabriques.convention(auteur=administrateur)
    client = Client()
    client.force_login(administrateur)
    reponse = client.post(
        reverse("conventions:transition", args=[convention.pk]), {"action": "soumettre"}
    )
    assert reponse.status_code == 302
    assert Convention.objects.get(pk=convention.pk).statut == Statut.A_VALIDER
    assert _echecs(caplog)


def test_a_proposal_is_saved_and_thanked_though_the_mail_fails(
    caplog: pytest.LogCaptureFixture,
) -> None:
    reponse = Client().post(
        reverse("public:proposer"),
        {
            "siret": "83214567600025",
            "entreprise": "Aquitaine Distribution",
            "ville": "Mérignac",
            "contact_nom": "Julie Martin",
            "contact_email": "julie.martin@example.org",
            "nombre_stagiaires": "1",
            "gratification": "minimum",
        },
    )
    assert reponse.status_code == 302
    assert reponse["Location"] == reverse("public:proposition_envoyee")
    assert PropositionStage.objects.count() == 1
    assert _echecs(caplog)


def _envoi_qui_echoue(jeton: str) -> None:
    raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


@pytest.mark.django_db
def test_the_log_names_the_sending_but_never_its_private_token(
    caplog: pytest.LogCaptureFixture, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        apres_validation(partial(_envoi_qui_echoue, "jeton-tres-prive"))
    (echec,) = _echecs(caplog)
    assert "_envoi_qui_echoue" in echec.getMessage()
    assert "jeton-tres-prive" not in caplog.text
