"""The section's brochure as a PDF: the section's page in print, with the figures in force on
the day it is asked for, the cohorts' calendar and the school's own contacts; printed once
per distinct content, served from the cache while nothing changes."""

from __future__ import annotations

import io
from datetime import date

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from etablissement.models import Etablissement
from tests import fabriques

pytestmark = pytest.mark.django_db


def _texte(client: Client) -> str:
    reponse = client.get(reverse("public:plaquette"))
    assert reponse.status_code == 200
    assert reponse["Content-Type"] == "application/pdf"
    lecteur = PdfReader(io.BytesIO(reponse.content))
    return " ".join(" ".join((p.extract_text() or "").split()) for p in lecteur.pages)


@pytest.mark.parametrize(
    ("jour", "montant", "journee"),
    [
        (date(2026, 11, 27), "en 2026, 4,50 € de l'heure", "31,50 €"),
        (date(2019, 3, 1), "en 2019, 3,75 € de l'heure", "26,25 €"),
    ],
)
def test_the_brochure_prints_the_figures_in_force_on_the_day(
    client: Client, jour: date, montant: str, journee: str
) -> None:
    with time_machine.travel(jour):
        texte = _texte(client)
    assert montant in texte and journee in texte
    assert f"Plaquette imprimée le {jour:%d/%m/%Y}" in texte
    assert "80 jours sur 2 années scolaires : 40 jours par année de formation" in texte
    assert "Servir le client et suivre les commandes en cours" in texte  # the catalogue


def test_the_brochure_lists_the_coming_periods_and_the_school_s_contacts(
    client: Client,
) -> None:
    fabriques.promotion(annee_debut=2026)
    with time_machine.travel(date(2027, 3, 1)):
        reponse = client.get(reverse("public:plaquette"))
        texte = _texte(client)
    assert 'filename="plaquette-bts-ndrc-2027-03-01.pdf"' in reponse["Content-Disposition"]
    assert "Stage de mai-juin" in texte and "08/01/2027" not in texte
    assert "Hélène Castaing" in texte
    assert "/entreprises/proposer/" in texte  # where to propose a stage online


def test_it_is_printed_once_while_nothing_changes_and_again_when_something_does(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    from documents import rendu
    from public.views import plaquette

    imprimes: list[str] = []

    def espion(html: str) -> bytes:
        imprimes.append(html)
        return rendu.pdf_depuis_html(html)

    monkeypatch.setattr(plaquette, "pdf_depuis_html", espion)
    premier = client.get(reverse("public:plaquette")).content
    assert client.get(reverse("public:plaquette")).content == premier
    assert len(imprimes) == 1
    ecole = Etablissement.objects.get()
    ecole.chef_travaux_nom = "Anne Dupuy"
    ecole.save()
    assert "Anne Dupuy" in _texte(client)
    assert len(imprimes) == 2


def test_the_section_s_page_links_to_the_brochure(client: Client) -> None:
    html = client.get(reverse("public:section")).content.decode()
    assert f'href="{reverse("public:plaquette")}"' in html
