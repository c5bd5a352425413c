"""Requests at the end of a period, reminders at J+3 and J+10, never twice; the tutor's link
already opened keeps working."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command

from espaces.evaluations import au_tuteur, relances_evaluations
from espaces.models import LienEspace
from evaluations.envois import evaluations_demander
from evaluations.models import Evaluation
from tests.evaluations import outils

pytestmark = pytest.mark.django_db(transaction=True)


def _passe(jour: timedelta) -> None:
    evaluations_demander(le=outils.moment(outils.FIN + jour), au_tuteur=au_tuteur)


def test_demande_puis_relances_j3_j10_jamais_deux_fois() -> None:
    c = outils.stage_termine()
    _passe(timedelta(days=0))  # the last day: not over yet
    assert not Evaluation.objects.exists() and not mail.outbox
    _passe(timedelta(days=1))
    assert Evaluation.objects.filter(convention=c).count() == 2
    destinataires = sorted(m.to[0] for m in mail.outbox)
    assert destinataires == sorted([c.tuteur.email, c.etudiant.email])  # type: ignore[union-attr]
    tuteur = next(m for m in mail.outbox if m.to == [c.tuteur.email])  # type: ignore[union-attr]
    assert "/espace/" in tuteur.body and "Évaluations à remplir" in tuteur.body
    etudiant = next(m for m in mail.outbox if m.to == [c.etudiant.email])
    assert "/mon-stage/" in etudiant.body
    _passe(timedelta(days=1))  # same day again: nothing
    _passe(timedelta(days=3))  # J+2 after the request
    assert len(mail.outbox) == 2
    _passe(timedelta(days=4))  # J+3
    assert len(mail.outbox) == 4 and "Rappel" in mail.outbox[-1].body
    _passe(timedelta(days=4))
    _passe(timedelta(days=10))
    assert len(mail.outbox) == 4
    _passe(timedelta(days=11))  # J+10
    assert len(mail.outbox) == 6
    for j in (11, 12, 20, 25):
        _passe(timedelta(days=j))
    assert len(mail.outbox) == 6
    assert set(Evaluation.objects.values_list("relances", flat=True)) == {2}


def test_une_evaluation_remplie_n_est_plus_relancee() -> None:
    c = outils.stage_termine()
    _passe(timedelta(days=1))
    Evaluation.objects.filter(convention=c, type="tuteur").update(
        remplie_le=outils.moment(outils.FIN)
    )
    _passe(timedelta(days=4))
    assert [m.to for m in mail.outbox[2:]] == [[c.etudiant.email]]


def test_le_lien_deja_ouvert_du_tuteur_reste_valable() -> None:
    c = outils.stage_termine()
    outils.jeton_tuteur(c)
    ouvert = LienEspace.objects.get()
    LienEspace.objects.filter(pk=ouvert.pk).update(dernier_acces_le=outils.moment(outils.FIN))
    _passe(timedelta(days=1))
    ouvert.refresh_from_db()
    assert ouvert.revoque_le is None
    assert LienEspace.objects.filter(revoque_le__isnull=True).count() == 2


def test_une_periode_ancienne_n_est_pas_demandee() -> None:
    outils.stage_termine()
    _passe(timedelta(days=40))
    assert not Evaluation.objects.exists() and not mail.outbox


def test_manage_py_relances_lance_la_passe(capsys: pytest.CaptureFixture[str]) -> None:
    assert "demande(s) d'évaluation" in relances_evaluations(le=outils.moment(outils.FIN))
    call_command("relances")
    assert "demande(s) d'évaluation" in capsys.readouterr().out
