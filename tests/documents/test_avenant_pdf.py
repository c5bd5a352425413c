"""The avenant PDF says what changes, from when, and why (from Avenant.changements)."""

from __future__ import annotations

from datetime import date

import pytest

from conventions.models import Avenant
from documents import services
from tests import fabriques
from tests.documents.outils import texte_document

pytestmark = pytest.mark.django_db


def test_it_prints_each_change_before_and_after_and_its_date() -> None:
    c = fabriques.convention()
    avenant = Avenant.objects.create(
        convention=c,
        numero=1,
        date_effet=date(2026, 3, 9),
        motif="Le lundi après-midi est consacré aux cours",
        changements={
            "minutes_lundi": {"avant": 420, "apres": 210},
            "gratification_mode": {"avant": "aucune", "apres": "horaire"},
            "periodes": {
                "avant": [["2026-03-02", "2026-03-27"]],
                "apres": [["2026-03-02", "2026-04-03"]],
            },
        },
    )

    document = services.avenant_pdf_generer(avenant=avenant, auteur=None, le=date(2026, 3, 5))
    texte = texte_document(document)

    assert document.objet == "avenant-1"
    for attendu in (
        "Avenant n° 1",
        "à la convention de stage n° " + str(c.pk),
        "à compter du 09/03/2026",
        "Présence le lundi 7 h 3,5 h",
        "Gratification Pas de gratification Gratification horaire",
        "du 02/03/2026 au 27/03/2026 du 02/03/2026 au 03/04/2026",
        "Le lundi après-midi est consacré aux cours",
    ):
        assert attendu in texte
