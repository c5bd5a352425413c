"""« Le droit en vigueur »: the staff read today's legal figures and every dated parameter in
French, each with its reference, and never an internal key."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import time_machine
from django.test import Client

from core.droit import description_lisible, droit_au, valeur_lisible
from regles.parametres import parametres
from tests.core.test_accueil import texte_visible

# An internal name: a dotted key or a snake_case word.
CLE_OU_MOT_TECHNIQUE = re.compile(r"\b[a-z]+(?:[._][a-z]+)+\b")


def test_it_shows_the_minimum_hourly_gratification_in_force(clients: dict[str, Client]) -> None:
    with time_machine.travel("2026-03-02 10:00 +01:00"):
        page = clients["enseignant"].get("/droit/")
    assert page.status_code == 200
    texte = texte_visible(page.content.decode())
    assert "4,50 € de l'heure, soit 15 % du plafond horaire" in texte
    assert "Le droit en vigueur le 02/03/2026" in texte


def test_it_follows_the_date_it_is_served_on(clients: dict[str, Client]) -> None:
    with time_machine.travel("2025-06-02 10:00 +02:00"):
        texte = texte_visible(clients["administrateur"].get("/droit/").content.decode())
    assert "4,35 € de l'heure" in texte
    assert "au-delà de 308 h de présence" in texte
    assert "924 h (6 mois)" in texte


def test_the_parameters_read_in_french_without_any_key(clients: dict[str, Client]) -> None:
    with time_machine.travel("2026-03-02 10:00 +01:00"):
        html = clients["enseignant"].get("/droit/").content.decode()
    texte = texte_visible(html)
    assert "<code>" not in html
    assert CLE_OU_MOT_TECHNIQUE.findall(texte) == []
    # A description that quoted a key reads the value it names instead.
    assert "Contribution au FNAL, organisme sous le seuil d'effectif (50 personnes)" in texte
    assert "5,25 % — Allocations familiales" in texte
    assert "Cotisations de l'organisme d'accueil sur l'excédent de gratification" in texte
    assert 'href="https://www.legifrance.gouv.fr/' in html


def test_every_parameter_is_listed_once_under_a_named_theme() -> None:
    p = parametres()
    themes = droit_au(date(2026, 3, 2), p)
    assert sum(len(theme.lignes) for theme in themes) == len(p)
    assert "Autres paramètres" not in [theme.titre for theme in themes]


def test_values_are_written_the_french_way() -> None:
    p = parametres()
    le = date(2026, 3, 2)
    assert (
        valeur_lisible(p["cotisations.organisme.allocations_familiales"], Decimal("0.0525"))
        == "5,25\u00a0%"
    )
    assert valeur_lisible(p["securite_sociale.plafond_mensuel"], 4005) == "4\u202f005,00\u00a0€"
    assert valeur_lisible(p["impot.heures_smic_annuel"], 1820) == "1\u202f820 heures"
    assert valeur_lisible(p["reglages.annee_scolaire_debut"], "09-01") == "1er septembre"
    assert valeur_lisible(p["reglages.repos_ete_lecture"], "semaines_civiles") == "semaines civiles"
    assert "seuil_" not in description_lisible(p["cotisations.organisme.peec"], p, le)


def test_the_staff_menu_leads_to_the_law(clients: dict[str, Client]) -> None:
    page = clients["enseignant"].get("/droit/")
    assert 'href="/droit/"' in page.content.decode()
    assert "Le droit en vigueur" in texte_visible(page.content.decode())
    etudiant = clients["etudiant"].get("/offres/")
    assert 'href="/droit/"' not in etudiant.content.decode()
