"""Logging in by e-mail and password, and logging out, in French."""

from __future__ import annotations

import re

from django.test import Client

from comptes.models import Utilisateur
from tests.personas import MOT_DE_PASSE


def test_it_logs_in_with_the_email_typed_in_any_case(enseignant: Utilisateur) -> None:
    client = Client()
    reponse = client.post(
        "/connexion/", {"username": " Marc.Leroy@Lycee-Eiffel.example ", "password": MOT_DE_PASSE}
    )
    assert reponse.status_code == 302
    assert reponse["Location"] == "/tableau-de-bord/"  # staff land where they work
    assert client.session["_auth_user_id"] == str(enseignant.pk)


def test_it_goes_back_to_the_page_asked_for(enseignant: Utilisateur) -> None:
    reponse = Client().post(
        "/connexion/?next=/mot-de-passe/envoye/",
        {"username": enseignant.email, "password": MOT_DE_PASSE, "next": "/mot-de-passe/envoye/"},
    )
    assert reponse["Location"] == "/mot-de-passe/envoye/"


def test_it_never_goes_back_to_another_site(enseignant: Utilisateur) -> None:
    reponse = Client().post(
        "/connexion/",
        {"username": enseignant.email, "password": MOT_DE_PASSE, "next": "https://evil.example/"},
    )
    assert reponse["Location"] == "/tableau-de-bord/"


def test_a_student_lands_on_mon_stage(etudiant: Utilisateur) -> None:
    reponse = Client().post("/connexion/", {"username": etudiant.email, "password": MOT_DE_PASSE})
    assert reponse["Location"] == "/mon-stage/"


def test_a_failed_login_keeps_the_email_and_says_why(enseignant: Utilisateur) -> None:
    page = Client().post("/connexion/", {"username": enseignant.email, "password": "faux"})
    assert page.status_code == 200
    html = page.content.decode()
    assert f'value="{enseignant.email}"' in html
    assert "Adresse e-mail ou mot de passe incorrect." in html
    assert "fr-alert--error" in html
    assert "faux" not in html  # the password is never sent back


def test_an_unknown_address_gets_the_same_answer_as_a_wrong_password(db: None) -> None:
    page = Client().post("/connexion/", {"username": "personne@example.org", "password": "x"})
    assert "Adresse e-mail ou mot de passe incorrect." in page.content.decode()


def test_a_malformed_address_is_pointed_out(db: None) -> None:
    page = Client().post("/connexion/", {"username": "marc.leroy", "password": "x"})
    html = page.content.decode()
    assert "Saisissez une adresse e-mail valide, au format nom@domaine.fr." in html
    assert 'value="marc.leroy"' in html


def test_the_login_page_is_a_dsfr_form_in_french(db: None) -> None:
    html = Client().get("/connexion/").content.decode()
    assert "<title>Connexion — Stages</title>" in html
    assert 'class="fr-input"' in html
    assert 'type="email"' in html
    assert 'autocomplete="current-password"' in html
    assert "Mot de passe oublié ?" in html


def test_logging_out_takes_a_post_and_says_so(clients: dict[str, Client]) -> None:
    client = clients["enseignant"]
    assert client.get("/deconnexion/").status_code == 405
    reponse = client.post("/deconnexion/", follow=True)
    assert reponse.redirect_chain == [("/connexion/", 302)]
    assert "_auth_user_id" not in client.session
    html = reponse.content.decode()
    assert re.search(r'class="fr-alert fr-alert--info[^"]*">\s*<p>\s*Vous êtes déconnecté.', html)
