"""The simulation as a PDF (WeasyPrint, public/pdf.py)."""

from __future__ import annotations

import pytest
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


def test_a_wrong_simulation_gives_the_form_back_not_a_pdf(client: Client) -> None:
    reponse = client.get(reverse("public:simulateur_pdf"), {"debut": "zz"})
    assert reponse.status_code == 400
    assert "Saisissez une date" in reponse.content.decode()
