"""The "Imports et exports" page: exports for every staff member, imports for administrators."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

URL = reverse("echanges:accueil")


def test_a_teacher_gets_the_exports_and_no_import(clients: dict[str, Client]) -> None:
    page = clients["enseignant"].get(URL).content.decode()

    assert 'action="/echanges/export/conventions.csv"' in page
    assert 'formaction="/echanges/export/etudiants.xlsx"' in page
    assert reverse("echanges:import_etudiants") not in page


def test_an_administrator_also_gets_the_imports(clients: dict[str, Client]) -> None:
    page = clients["administrateur"].get(URL).content.decode()

    assert reverse("echanges:import_etudiants") in page
    assert reverse("echanges:import_organismes") in page


def test_the_menu_leads_there(clients: dict[str, Client]) -> None:
    page = clients["enseignant"].get(URL).content.decode()

    assert f'href="{URL}"' in page and "Imports et exports</a>" in page
