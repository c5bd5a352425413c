"""The weekly request to confirm the presence and its reminder: one e-mail per tutor and
pass, a new link only when none was sent lately, never twice the same week at the same
stage, nothing for a week confirmed."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest
from django.core import mail
from django.utils import timezone

from conventions.models import OriginePointage
from conventions.services import JourSaisi, pointages_enregistrer
from espaces.models import LienEspace
from espaces.relances_presence import Cadence, relances_presence_envoyer
from tests.espaces.presence_outils import LUNDI, stage

pytestmark = pytest.mark.django_db

CADENCE = Cadence(rappel=3, lien_recent=7)


def _le(jour: date, heure: int = 8) -> datetime:
    return timezone.make_aware(datetime(jour.year, jour.month, jour.day, heure))


def _passe(jour: date, capture: Any, heure: int = 8) -> Any:
    with capture(execute=True):
        return relances_presence_envoyer(le=_le(jour, heure), cadence=CADENCE)


def test_monday_request_then_one_reminder_never_twice(
    django_capture_on_commit_callbacks: Any,
) -> None:
    c, tuteur, _ = stage()
    LienEspace.objects.update(envoye_le=_le(date(2025, 11, 1)))  # an old link
    mail.outbox.clear()
    lundi = date(2026, 1, 12)  # the week of 5 January is over

    bilan = _passe(lundi, django_capture_on_commit_callbacks)
    assert (bilan.demandes, bilan.rappels) == (1, 0)
    (courriel,) = mail.outbox
    assert courriel.to == [tuteur.email]
    assert "semaine du 05/01/2026 au 11/01/2026" in str(courriel.body)
    assert "/espace/" in str(courriel.body)  # a new link: the old one is revoked
    assert LienEspace.objects.filter(tuteur=tuteur, revoque_le__isnull=True).count() == 1

    # The same day again, and the next day: nothing twice.
    _passe(lundi, django_capture_on_commit_callbacks, heure=18)
    _passe(lundi + timedelta(days=1), django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1

    # Three days later: the reminder, without a new link (the one sent on Monday is recent).
    bilan = _passe(lundi + timedelta(days=3), django_capture_on_commit_callbacks)
    assert (bilan.demandes, bilan.rappels) == (0, 1)
    rappel = mail.outbox[-1]
    assert "Rappel : cette semaine attend encore votre confirmation" in str(rappel.body)
    assert "/espace/" not in str(rappel.body) and "reçu par courriel le 12/01/2026" in str(
        rappel.body
    )
    _passe(lundi + timedelta(days=5), django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2


def test_a_confirmed_week_is_not_asked_for(django_capture_on_commit_callbacks: Any) -> None:
    c, tuteur, _ = stage()
    pointages_enregistrer(
        convention=c,
        jours=[JourSaisi(LUNDI + timedelta(days=i), 420) for i in range(5)],
        auteur=None,
        origine=OriginePointage.TUTEUR,
        tuteur=tuteur,
    )
    mail.outbox.clear()
    bilan = _passe(date(2026, 1, 12), django_capture_on_commit_callbacks)
    assert (bilan.demandes, bilan.rappels) == (0, 0) and not mail.outbox


def test_a_recent_link_is_kept_and_pointed_to(django_capture_on_commit_callbacks: Any) -> None:
    c, tuteur, _ = stage()
    LienEspace.objects.update(envoye_le=_le(date(2026, 1, 9)), expire_le=_le(date(2026, 2, 9)))
    mail.outbox.clear()
    _passe(date(2026, 1, 12), django_capture_on_commit_callbacks)
    (courriel,) = mail.outbox
    assert "/espace/" not in str(courriel.body)
    assert "reçu par courriel le 09/01/2026" in str(courriel.body)
    assert LienEspace.objects.filter(tuteur=tuteur, revoque_le__isnull=True).count() == 1


def test_the_next_monday_asks_only_for_the_new_week(
    django_capture_on_commit_callbacks: Any,
) -> None:
    stage()
    _passe(date(2026, 1, 12), django_capture_on_commit_callbacks)
    _passe(date(2026, 1, 15), django_capture_on_commit_callbacks)  # the reminder
    mail.outbox.clear()
    bilan = _passe(date(2026, 1, 19), django_capture_on_commit_callbacks)
    assert (bilan.demandes, bilan.rappels) == (1, 0)
    corps = str(mail.outbox[0].body)
    assert "semaine du 12/01/2026" in corps and "semaine du 05/01/2026" not in corps


def test_manage_py_relances_runs_the_presence_pass(
    capsys: pytest.CaptureFixture[str], django_capture_on_commit_callbacks: Any
) -> None:
    """One timer for every reminder: the presence request rides on `manage.py relances`."""
    import time_machine
    from django.core.management import call_command

    _, tuteur, _ = stage()
    LienEspace.objects.update(envoye_le=_le(date(2025, 11, 1)))
    mail.outbox.clear()
    with (
        time_machine.travel(_le(date(2026, 1, 12)), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        call_command("relances")
    assert "1 demande(s) de confirmation de présence" in capsys.readouterr().out
    assert [m.to for m in mail.outbox if "semaine du 05/01/2026" in str(m.body)] == [[tuteur.email]]
