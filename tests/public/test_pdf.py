"""The simulation as a PDF, printed where every PDF of the project is (documents/rendu.py)."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_a_simulation_downloads_as_a_pdf(client: Client) -> None:
    champs = {"debut": "02/02/2026", "fin": "27/02/2026", "lundi": "7", "mardi": "7"}
    reponse = client.get(reverse("public:simulateur_pdf"), champs)
    assert reponse.status_code == 200
    assert reponse["Content-Type"] == "application/pdf"
    assert reponse.content.startswith(b"%PDF-")
    assert 'filename="simulation-stage.pdf"' in reponse["Content-Disposition"]


def test_the_pdf_goes_through_the_documents_renderer_with_its_stylesheet_inline(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    from documents import rendu

    imprimes: list[str] = []
    imprimer = rendu.pdf_depuis_html

    def espion(html: str) -> bytes:
        imprimes.append(html)
        return imprimer(html)

    monkeypatch.setattr(rendu, "pdf_depuis_html", espion)
    champs = {"debut": "02/02/2026", "fin": "27/02/2026", "lundi": "7"}
    assert client.get(reverse("public:simulateur_pdf"), champs).content.startswith(b"%PDF-")
    (html,) = imprimes
    assert "size: A4 landscape" in html  # the print stylesheet, inline
    assert settings.STATIC_URL not in html  # nothing for the renderer to fetch
    assert "Lycée" in html  # the school's name, without a request's context processor


def test_a_wrong_simulation_gives_the_form_back_not_a_pdf(client: Client) -> None:
    reponse = client.get(reverse("public:simulateur_pdf"), {"debut": "zz"})
    assert reponse.status_code == 400
    assert "Saisissez une date" in reponse.content.decode()
