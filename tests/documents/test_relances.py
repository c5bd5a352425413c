"""Reminders: whoever has not signed is written to at J+3, J+7, then every 7 days, and once
more just before the stage; the host is asked for the attestation once a period is over.
Each e-mail is logged, and a second pass the same day sends nothing."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from conventions.models import Convention, Statut
from documents import signatures
from documents.models import Courriel, Document, Signature, TypeCourriel
from documents.relances import (
    Cadence,
    Envoi,
    attestations_demander,
    relance_due,
    signatures_relancer,
)
from tests import fabriques
from tests.documents.test_signatures import _document

CADENCE = Cadence(jours=(3, 7), puis=7, urgence=3)
LIEN = datetime(2026, 2, 2, 9, 0, tzinfo=UTC)


def _le(mois: int, jour: int, heure: int = 8) -> datetime:
    return datetime(2026, mois, jour, heure, 0, tzinfo=UTC)


def _due(envois: list[Envoi], le: datetime, debut: date | None = None) -> str | None:
    return relance_due(envois=envois, ouvert_le=LIEN, debut=debut, le=le, cadence=CADENCE)


# The cadence, with explicit dates (no database).


def test_the_first_reminder_comes_three_days_after_the_link() -> None:
    envois = [Envoi(TypeCourriel.LIEN, LIEN)]
    assert _due(envois, _le(2, 4, 21)) is None  # 22:00 in Bordeaux: still J+2
    assert _due(envois, _le(2, 5, 6)) == TypeCourriel.RELANCE  # early morning of J+3 counts


def test_then_at_j7_then_every_seven_days() -> None:
    envois = [Envoi(TypeCourriel.LIEN, LIEN), Envoi(TypeCourriel.RELANCE, _le(2, 5))]
    assert _due(envois, _le(2, 8)) is None
    assert _due(envois, _le(2, 9)) == TypeCourriel.RELANCE  # J+7
    envois.append(Envoi(TypeCourriel.RELANCE, _le(2, 9)))
    assert _due(envois, _le(2, 15)) is None
    assert _due(envois, _le(2, 16)) == TypeCourriel.RELANCE  # J+14


def test_a_pass_that_missed_days_sends_one_reminder_and_the_cadence_resumes_from_it() -> None:
    envois = [Envoi(TypeCourriel.LIEN, LIEN)]
    assert _due(envois, _le(2, 12)) == TypeCourriel.RELANCE
    envois.append(Envoi(TypeCourriel.RELANCE, _le(2, 12)))
    assert _due(envois, _le(2, 13)) is None


def test_never_twice_the_same_day() -> None:
    envois = [Envoi(TypeCourriel.LIEN, LIEN), Envoi(TypeCourriel.RELANCE, _le(2, 5, 7))]
    assert _due(envois, _le(2, 5, 18)) is None


def test_an_urgent_reminder_three_days_before_the_stage_once() -> None:
    debut = date(2026, 2, 10)
    envois = [Envoi(TypeCourriel.LIEN, LIEN), Envoi(TypeCourriel.RELANCE, _le(2, 5))]
    assert _due(envois, _le(2, 6), debut) is None  # four days before: not yet
    assert _due(envois, _le(2, 7), debut) == TypeCourriel.RELANCE_URGENTE
    envois.append(Envoi(TypeCourriel.RELANCE_URGENTE, _le(2, 7)))
    assert _due(envois, _le(2, 10), debut) is None
    # The cadence counts from the last e-mail, whichever it was: four days after the 7th.
    assert _due(envois, _le(2, 11), debut) == TypeCourriel.RELANCE


def test_a_new_link_starts_the_cadence_again() -> None:
    envois = [
        Envoi(TypeCourriel.LIEN, LIEN),
        Envoi(TypeCourriel.RELANCE, _le(2, 5)),
        Envoi(TypeCourriel.RELANCE, _le(2, 9)),
        Envoi(TypeCourriel.LIEN, _le(2, 10)),  # the signatory asked for a new one
    ]
    assert _due(envois, _le(2, 12)) is None
    assert _due(envois, _le(2, 13)) == TypeCourriel.RELANCE


def test_a_circuit_older_than_the_journal_counts_from_its_opening() -> None:
    assert _due([], _le(2, 4)) is None
    assert _due([], _le(2, 5)) == TypeCourriel.RELANCE


# The pass, on the database.


def _circuit(capture: Any) -> tuple[Document, list[signatures.Lien]]:
    document = _document()
    Convention.objects.filter(pk=document.convention_id).update(statut=Statut.EN_SIGNATURE)
    with capture(execute=True):
        liens = signatures.circuit_ouvrir(document=document, le=LIEN)
    return document, liens


def _relancer(capture: Any, le: datetime) -> int:
    with capture(execute=True):
        return signatures_relancer(le=le, cadence=CADENCE)


@pytest.mark.django_db
def test_the_pass_reminds_each_signatory_with_a_new_working_link_once_a_day(
    mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    document, liens = _circuit(django_capture_on_commit_callbacks)
    avec_adresse = [lien for lien in liens if lien.signature.email]
    assert Courriel.objects.filter(type=TypeCourriel.LIEN).count() == len(avec_adresse)
    mailoutbox.clear()

    assert _relancer(django_capture_on_commit_callbacks, _le(2, 4)) == 0
    assert _relancer(django_capture_on_commit_callbacks, _le(2, 5)) == len(avec_adresse)
    assert _relancer(django_capture_on_commit_callbacks, _le(2, 5, 17)) == 0  # same day

    assert sorted(m.to[0] for m in mailoutbox) == sorted(x.signature.email for x in avec_adresse)
    message = next(m for m in mailoutbox if m.to[0] == avec_adresse[0].signature.email)
    assert message.subject.startswith("Rappel")
    nouveau = message.body.split("/signer/")[1].split("/")[0]
    assert signatures.signature_par_jeton(nouveau, le=_le(2, 5)) == avec_adresse[0].signature
    # The old link was replaced by the new one.
    assert signatures.signature_par_jeton(avec_adresse[0].jeton, le=_le(2, 5)) is None
    relance = Courriel.objects.get(type=TypeCourriel.RELANCE, signature=avec_adresse[0].signature)
    assert relance.envoye_le == _le(2, 5)
    assert relance.convention_id == document.convention_id


@pytest.mark.django_db
def test_nobody_is_reminded_once_signed(
    mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    _, liens = _circuit(django_capture_on_commit_callbacks)
    signe = liens[0].signature
    signatures.signer(signature=signe, le=_le(2, 3), adresse_ip=None, navigateur="test")
    mailoutbox.clear()

    _relancer(django_capture_on_commit_callbacks, _le(2, 5))

    assert signe.email not in [m.to[0] for m in mailoutbox]
    assert not Courriel.objects.filter(signature=signe, type=TypeCourriel.RELANCE).exists()


@pytest.mark.django_db
def test_a_cancelled_convention_is_not_reminded(
    mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    document, _ = _circuit(django_capture_on_commit_callbacks)
    Convention.objects.filter(pk=document.convention_id).update(statut=Statut.ANNULEE)
    assert _relancer(django_capture_on_commit_callbacks, _le(2, 5)) == 0


# Attestation requests.


def _terminee(**champs: Any) -> Convention:
    convention = fabriques.convention(
        periodes=[(date(2026, 1, 5), date(2026, 1, 30)), (date(2026, 3, 2), date(2026, 3, 27))],
        **champs,
    )
    Convention.objects.filter(pk=convention.pk).update(statut=Statut.EN_COURS)
    return convention


@pytest.mark.django_db
def test_the_host_is_asked_for_the_attestation_once_per_period_over(
    mailoutbox: list[Any],
) -> None:
    convention = _terminee()
    premiere, seconde = convention.periodes.order_by("debut")

    assert attestations_demander(le=_le(1, 30, 20)) == 0  # its last day is not over
    assert attestations_demander(le=_le(2, 2)) == 1
    assert attestations_demander(le=_le(2, 3)) == 0
    assert [m.to for m in mailoutbox] == [[convention.tuteur.email]]
    assert "D124-9" in mailoutbox[0].body
    assert Courriel.objects.get(type=TypeCourriel.ATTESTATION).periode == premiere

    assert attestations_demander(le=_le(3, 30)) == 1
    assert Courriel.objects.filter(type=TypeCourriel.ATTESTATION, periode=seconde).count() == 1


@pytest.mark.django_db
def test_a_stage_ended_early_is_asked_for_with_its_real_last_day(
    mailoutbox: list[Any],
) -> None:
    convention = _terminee(rupture_dernier_jour=date(2026, 1, 16), rupture_initiative="stagiaire")
    Convention.objects.filter(pk=convention.pk).update(statut=Statut.ROMPUE)

    assert attestations_demander(le=_le(1, 16, 20)) == 0  # its last day is not over
    assert attestations_demander(le=_le(1, 17)) == 1  # the March period never began
    (courriel,) = mailoutbox
    assert "a pris fin de façon anticipée le 16/01/2026" in courriel.body
    assert "est terminé" not in courriel.body


@pytest.mark.django_db
def test_no_attestation_request_once_attested(mailoutbox: list[Any]) -> None:
    convention = _terminee()
    Convention.objects.filter(pk=convention.pk).update(statut=Statut.ATTESTEE)
    assert attestations_demander(le=_le(4, 1)) == 0
    assert mailoutbox == []


@pytest.mark.django_db
def test_the_command_runs_one_pass(mailoutbox: list[Any], capsys: Any) -> None:
    _terminee()  # both periods are over now (it reads the clock)
    call_command("relances")
    assert "2 demande(s) d'attestation" in capsys.readouterr().out
    assert len(mailoutbox) == 2


@pytest.mark.django_db
def test_the_staff_see_when_each_signatory_was_reminded(
    administrateur: Any, django_capture_on_commit_callbacks: Any
) -> None:
    document, liens = _circuit(django_capture_on_commit_callbacks)
    _relancer(django_capture_on_commit_callbacks, _le(2, 5))
    client = Client()
    client.force_login(administrateur)
    page = client.get(reverse("documents:suivi", args=[document.pk])).content.decode()
    assert "relancé le 05/02/2026" in page
    assert Signature.objects.filter(document=document).count() == len(liens)


@pytest.mark.django_db
def test_the_documents_page_lists_the_e_mails_of_the_convention(
    enseignant: Any, mailoutbox: list[Any]
) -> None:
    convention = _terminee()
    attestations_demander(le=_le(2, 2))
    client = Client()
    client.force_login(enseignant)
    page = client.get(reverse("documents:convention", args=[convention.pk])).content.decode()
    assert "02/02/2026 à 09:00 — Demande d&#x27;attestation (période du 05/01/2026" in page
    assert convention.tuteur.email in page
    assert reverse("courriels") not in page  # the full text is the administrators'
