"""The attestation de stage (NDRC national model): its figures are the engine's, from the
presence log; one attestation per period."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from conventions.models import Convention, Statut
from conventions.services import pointage_enregistrer
from documents import services
from documents.models import Document
from regles import format as fmt
from tests import fabriques
from tests.documents.outils import texte_document

pytestmark = pytest.mark.django_db
LE = date(2026, 5, 4)


def _pointer(c: Convention, debut: date, fin: date, minutes: int = 420) -> None:
    jour = debut
    while jour <= fin:
        if jour.weekday() < 5:
            pointage_enregistrer(convention=c, jour=jour, minutes_presence=minutes, auteur=None)
        jour += timedelta(days=1)


def test_280_hours_of_log_make_40_days_and_1_82_months() -> None:
    # Eight weeks, Monday to Friday, 7 h a day logged: 280 h, paid 4,35 € an hour.
    debut, fin = date(2026, 3, 2), date(2026, 4, 24)
    c = fabriques.convention(
        statut=Statut.EN_COURS,  # the presence log is kept while the stage happens
        periodes=((debut, fin),),
        gratification_mode="horaire",
        gratification_montant=Decimal("4.35"),
        contenus={**fabriques.CLAUSES, "conges": "Selon L124-13"},
    )
    _pointer(c, debut, fin)
    periode = c.periodes.get()

    texte = texte_document(services.attestation_pdf_generer(periode=periode, auteur=None, le=LE))

    assert "Durée effective totale 280 h" in texte
    assert "40 jours" in texte
    assert "1,82 mois" in texte
    assert "8 semaines" in texte
    # 280 h × 4,35 €; the text reader turns the thin space of 1 218 into a plain one.
    assert " ".join(f"gratification versée {fmt.euros(Decimal('1218'))}".split()) in texte
    assert "du 02/03/2026 au 24/04/2026" in texte
    assert "Projet" not in texte  # every day is logged


def test_it_names_the_host_the_student_the_school_and_the_activities() -> None:
    c = fabriques.convention()
    texte = texte_document(
        services.attestation_pdf_generer(periode=c.periodes.get(), auteur=None, le=LE)
    )
    for attendu in (
        "Attestation de stage",
        "Aquitaine Distribution",
        "Martin Lucas",
        "15/03/2006",
        "Lycée Gustave Eiffel",
        "Campagne de phoning, relance des devis",
        "Cachet de l'organisme",
        "7 heures de présence",  # the counting rule of L124-18 is reprinted
    ):
        assert attendu in texte
    # Nothing logged yet: the figures are planned ones, and the document says so.
    assert "Projet" in texte


def test_one_attestation_per_period_with_its_own_figures() -> None:
    c = fabriques.convention(
        statut=Statut.EN_COURS,
        periodes=(
            (date(2026, 3, 2), date(2026, 3, 13)),
            (date(2026, 5, 25), date(2026, 5, 29)),
        ),
    )
    _pointer(c, date(2026, 3, 2), date(2026, 3, 13))
    _pointer(c, date(2026, 5, 25), date(2026, 5, 29), minutes=360)
    premiere, seconde = c.periodes.order_by("debut")

    texte_1 = texte_document(services.attestation_pdf_generer(periode=premiere, auteur=None, le=LE))
    texte_2 = texte_document(services.attestation_pdf_generer(periode=seconde, auteur=None, le=LE))

    assert "du 02/03/2026 au 13/03/2026" in texte_1 and "70 h" in texte_1
    assert "du 25/05/2026 au 29/05/2026" in texte_2 and "30 h" in texte_2
    assert Document.objects.filter(convention=c, type="attestation").count() == 2
