"""Choosing a new password through a link sent by e-mail (Django's views, French pages)."""

from __future__ import annotations

import re

from django.core import mail
from django.test import Client

from comptes.models import Utilisateur


def _lien(corps: str) -> str:
    trouve = re.search(r"http://testserver(/mot-de-passe/nouveau/\S+/)", corps)
    assert trouve, corps
    return trouve.group(1)


def test_it_sends_a_link_that_sets_a_new_password(enseignant: Utilisateur) -> None:
    client = Client()
    reponse = client.post("/mot-de-passe/oublie/", {"email": "MARC.LEROY@lycee-eiffel.example"})
    assert reponse["Location"] == "/mot-de-passe/envoye/"

    (message,) = mail.outbox
    assert message.to == [enseignant.email]
    assert message.subject == "Stages : choisir un nouveau mot de passe"
    assert message.body.startswith("Bonjour Marc,")

    # Django swaps the token for a session key on the first visit, then shows the form.
    page = client.get(_lien(message.body), follow=True)
    assert "Choisir un nouveau mot de passe" in page.content.decode()
    formulaire = page.redirect_chain[-1][0]
    reponse = client.post(
        formulaire, {"new_password1": "pivert-lanterne-43", "new_password2": "pivert-lanterne-43"}
    )
    assert reponse["Location"] == "/mot-de-passe/modifie/"
    # Through the login page, as a person does (the throttling needs the request).
    connexion = Client().post(
        "/connexion/", {"username": enseignant.email, "password": "pivert-lanterne-43"}
    )
    assert connexion.status_code == 302


def test_it_does_not_tell_whether_an_address_has_an_account(db: None) -> None:
    reponse = Client().post("/mot-de-passe/oublie/", {"email": "personne@example.org"})
    assert reponse["Location"] == "/mot-de-passe/envoye/"
    assert mail.outbox == []


def test_it_refuses_a_weak_password_in_french(enseignant: Utilisateur) -> None:
    client = Client()
    client.post("/mot-de-passe/oublie/", {"email": enseignant.email})
    page = client.get(_lien(mail.outbox[0].body), follow=True)
    formulaire = page.redirect_chain[-1][0]
    page = client.post(formulaire, {"new_password1": "azerty", "new_password2": "azerty"})
    assert page.status_code == 200
    assert "Ce mot de passe est trop court." in page.content.decode()


def test_a_used_or_forged_link_says_so(db: None) -> None:
    html = Client().get("/mot-de-passe/nouveau/MQ/lien-invente/").content.decode()
    assert "Lien expiré ou déjà utilisé" in html
    assert "Demander un nouveau lien" in html
