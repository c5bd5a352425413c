"""The home page: a visitor reads what Stages is for the section and finds the companies'
space and the login; a logged-in user is sent on to the home of their role."""

from __future__ import annotations

import re
from html import unescape

import time_machine
from django.test import Client
from django.urls import NoReverseMatch, reverse

from comptes.models import Utilisateur
from etablissement.selectors import etablissement_principal

# A dotted internal key, as the parameters are named (cotisations.organisme.fnal_reduit).
CLE = re.compile(r"\b[a-z_]+\.[a-z_]+\.[a-z_]+\b")


def texte_visible(html: str) -> str:
    """The words of the page's own content (header, menu and footer left out)."""
    html = html.partition('<main id="content"')[2].partition("</main>")[0]
    sans_code = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", sans_code)).split())


def test_a_visitor_reads_the_section_and_finds_the_companies_space(
    client: Client, db: None
) -> None:
    page = client.get("/")
    assert page.status_code == 200
    html = page.content.decode()
    texte = texte_visible(html)
    ecole = etablissement_principal()
    assert ecole is not None
    assert ecole.nom in texte  # the school named from its record
    assert f'href="{reverse("public:section")}"' in html
    assert f'href="{reverse("public:simulateur")}"' in html
    assert f'href="{reverse("public:proposer")}"' in html
    assert f'href="{reverse("comptes:connexion")}"' in html
    assert "Se connecter" in texte


def test_a_visitor_reads_no_internal_key(client: Client, db: None) -> None:
    html = client.get("/").content.decode()
    assert "<code>" not in html
    texte = texte_visible(html)
    assert "Espace entreprises" in texte  # the page's own words were read
    assert not CLE.findall(texte)
    assert "Paramètres datés" not in html


def test_the_days_of_stage_follow_the_dated_parameters(client: Client, db: None) -> None:
    with time_machine.travel("2026-03-02 10:00 +01:00"):
        texte = texte_visible(client.get("/").content.decode())
    assert "80 jours sur 2 années scolaires : 40 jours par année" in texte
    assert "au-delà de 308 h de présence" in texte


def test_the_staff_are_sent_to_their_dashboard(
    clients: dict[str, Client],
) -> None:
    for persona in ("administrateur", "enseignant"):
        reponse = clients[persona].get("/")
        assert reponse.status_code == 302, persona
        assert reponse["Location"] == reverse("pilotage:tableau_de_bord"), persona


def test_a_student_goes_to_their_stage_or_reads_the_home_with_their_name(
    clients: dict[str, Client], etudiant: Utilisateur
) -> None:
    reponse = clients["etudiant"].get("/")
    try:
        mon_stage = reverse("etablissement:mon_stage")
    except NoReverseMatch:  # the student's page is not built on this branch
        assert reponse.status_code == 200
        texte = texte_visible(reponse.content.decode())
        assert etudiant.get_full_name() in texte
        assert "Se connecter" not in texte
    else:
        assert reponse.status_code == 302
        assert reponse["Location"] == mon_stage
