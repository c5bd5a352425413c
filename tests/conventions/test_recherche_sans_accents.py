"""The conventions' and students' search compares names lowercase and without accents, on
a column the models write (core/recherche.py): "ines" finds Inès, "INÈS" too."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from core.recherche import normaliser
from tests import fabriques

pytestmark = pytest.mark.django_db


def test_normaliser_drops_case_accents_and_extra_spaces() -> None:
    assert normaliser("  Inès ", "LÉVÊQUE-Ça") == "ines leveque-ca"


def test_the_column_follows_a_rename_even_with_update_fields() -> None:
    eleve = fabriques.etudiant(nom="Benali", prenom="Inès")
    assert eleve.recherche == "ines benali"
    eleve.nom = "Lefèvre"
    eleve.save(update_fields=["nom"])
    eleve.refresh_from_db()
    assert eleve.recherche == "ines lefevre"


def test_conventions_are_found_with_or_without_accents(clients: dict[str, Client]) -> None:
    org = fabriques.organisme(raison_sociale="Société Générale des Étangs")
    fabriques.convention(etudiant_=fabriques.etudiant(nom="Benali", prenom="Inès"), organisme_=org)
    fabriques.convention(etudiant_=fabriques.etudiant(nom="Martin", prenom="Lucas"))
    client = clients["enseignant"]
    for texte in ("ines", "INÈS benali", "societe etangs", "ÉTANGS", "Société"):
        html = client.get(reverse("conventions:liste"), {"q": texte}).content.decode()
        assert "Benali" in html and "Lucas Martin" not in html, texte
    html = client.get(reverse("conventions:liste"), {"q": "inès zzz"}).content.decode()
    assert "Aucune convention ne correspond" in html


def test_students_are_found_with_or_without_accents(clients: dict[str, Client]) -> None:
    fabriques.etudiant(nom="Lévêque", prenom="Chloé")
    fabriques.etudiant(nom="Martin", prenom="Lucas")
    client = clients["enseignant"]
    for texte in ("leveque", "CHLOE", "chloé lév"):
        html = client.get(reverse("etablissement:etudiants"), {"q": texte}).content.decode()
        noms = re.findall(r'<td><a href="/etudiants/\d+/">([^<]+)</a>', html)
        assert noms == ["Lévêque Chloé"], texte
