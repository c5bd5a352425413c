"""Login throttling: an account, or a network address, that keeps failing is suspended for a
while, the right password included, with a clear French page; a school's shared address is
not suspended by a few mistakes."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import time_machine
from axes.models import AccessLog
from django.core import mail
from django.http import HttpResponse
from django.test import Client
from django.utils import timezone

from comptes.models import Utilisateur
from tests.personas import MOT_DE_PASSE

pytestmark = pytest.mark.django_db
SUSPENDUE = "la connexion est suspendue pendant 15 minutes, même avec le bon mot de passe"


def _essai(email: str, mot_de_passe: str, ip: str = "198.51.100.1") -> HttpResponse:
    """One login attempt from `ip`, in a browser of its own."""
    reponse: HttpResponse = Client(REMOTE_ADDR=ip).post(
        "/connexion/", {"username": email, "password": mot_de_passe}
    )
    return reponse


def _connecte(reponse: HttpResponse) -> bool:
    return reponse.status_code == 302 and "sessionid" in reponse.cookies


def test_five_wrong_passwords_suspend_the_account_even_for_the_right_one(
    enseignant: Utilisateur,
) -> None:
    codes = [_essai(enseignant.email, "faux").status_code for _ in range(5)]
    assert codes == [200, 200, 200, 200, 429]  # the fifth is told at once
    # The right one, typed differently, from another address: still refused.
    reponse = _essai(enseignant.email.upper(), MOT_DE_PASSE, ip="203.0.113.50")
    assert reponse.status_code == 429
    assert not _connecte(reponse)
    html = reponse.content.decode()
    assert SUSPENDUE in html
    assert "<title>Connexion — Stages</title>" in html
    assert f'value="{enseignant.email}"' in html
    assert MOT_DE_PASSE not in html
    assert "Account locked" not in html and "too many" not in html


def test_a_few_mistakes_then_the_right_password_logs_in(enseignant: Utilisateur) -> None:
    for _ in range(4):
        _essai(enseignant.email, "faux")
    assert _connecte(_essai(enseignant.email, MOT_DE_PASSE))


def test_the_suspension_ends_after_fifteen_minutes(enseignant: Utilisateur) -> None:
    debut = timezone.now()
    with time_machine.travel(debut, tick=False):
        for _ in range(5):
            _essai(enseignant.email, "faux")
    with time_machine.travel(debut + timedelta(minutes=14), tick=False):
        assert not _connecte(_essai(enseignant.email, MOT_DE_PASSE))
    # The refused attempt at 14 minutes restarted the wait.
    with time_machine.travel(debut + timedelta(minutes=30), tick=False):
        assert _connecte(_essai(enseignant.email, MOT_DE_PASSE))


def test_an_unknown_address_is_suspended_with_the_same_words(db: None) -> None:
    for _ in range(5):
        _essai("personne@example.org", "faux")
    reponse = _essai("personne@example.org", "faux")
    assert reponse.status_code == 429
    assert SUSPENDUE in reponse.content.decode()


def test_an_address_trying_many_accounts_is_suspended_for_all(
    enseignant: Utilisateur, etudiant: Utilisateur
) -> None:
    # A script trying one password on many accounts: each account fails only once.
    for n in range(30):
        _essai(f"compte{n}@example.org", "faux", ip="198.51.100.66")
    bloque = _essai(etudiant.email, MOT_DE_PASSE, ip="198.51.100.66")
    assert bloque.status_code == 429
    assert not _connecte(bloque)
    # The accounts themselves are not suspended: from elsewhere they log in.
    assert _connecte(_essai(etudiant.email, MOT_DE_PASSE, ip="198.51.100.67"))


def test_a_school_network_is_not_suspended_by_a_few_people_mistyping(
    enseignant: Utilisateur,
) -> None:
    for n in range(20):
        _essai(f"eleve{n}@example.org", "faux", ip="198.51.100.80")
    assert _connecte(_essai(enseignant.email, MOT_DE_PASSE, ip="198.51.100.80"))


def test_a_new_password_by_the_emailed_link_ends_the_suspension(
    enseignant: Utilisateur,
) -> None:
    for _ in range(5):
        _essai(enseignant.email, "faux")
    client = Client()
    assert client.post("/mot-de-passe/oublie/", {"email": enseignant.email}).status_code == 302
    (message,) = mail.outbox
    lien = re.search(r"http://testserver(/mot-de-passe/nouveau/\S+/)", message.body)
    assert lien is not None
    formulaire = client.get(lien.group(1), follow=True).redirect_chain[-1][0]
    nouveau = "pivert-lanterne-43"
    client.post(formulaire, {"new_password1": nouveau, "new_password2": nouveau})
    assert _connecte(_essai(enseignant.email, nouveau))


def test_logins_that_succeed_are_not_logged_with_their_address(enseignant: Utilisateur) -> None:
    assert _connecte(_essai(enseignant.email, MOT_DE_PASSE))
    assert not AccessLog.objects.exists()
