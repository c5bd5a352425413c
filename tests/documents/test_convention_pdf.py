"""The convention PDF prints the fifteen contents of D124-4, the missions and competences,
and the gratification schedule; a missing content blocks it, with the list."""

from __future__ import annotations

from datetime import date

import pytest

from conventions.moteur import evaluer_convention
from documents import services
from documents.models import Document
from referentiel.models import Competence, Mission
from regles import format as fmt
from regles.contenus import CONTENUS
from tests import fabriques
from tests.documents.outils import texte_document

pytestmark = pytest.mark.django_db
LE = date(2026, 2, 1)


def test_it_prints_every_mandatory_content_missions_and_competences() -> None:
    c = fabriques.convention()
    mission = Mission.objects.order_by("pk").first()
    competence = Competence.objects.order_by("pk").first()
    assert mission is not None and competence is not None
    c.missions.add(mission)
    c.competences.add(competence)

    texte = texte_document(services.convention_pdf_generer(convention=c, auteur=None, le=LE))

    for contenu in CONTENUS:
        assert f"{contenu.numero}° {contenu.libelle[0].upper()}{contenu.libelle[1:]}" in texte
    for clause in fabriques.CLAUSES.values():
        assert clause in texte
    assert "Du 02/03/2026 au 27/03/2026" in texte
    assert "Durée totale prévue en présence effective : 140 h" in texte
    assert "35 h par semaine" in texte
    assert "Présence de nuit : non" in texte
    assert "Pas de gratification" in texte
    assert "Enseignant référent : Claire Durand" in texte
    assert "Tuteur : Sophie Bernard" in texte
    assert mission.libelle in texte
    assert competence.libelle in texte
    assert "Lycée Gustave Eiffel" in texte
    assert "Page 1 sur" in texte


def test_the_annex_is_the_engines_gratification_schedule() -> None:
    # Three months at the legal minimum: the schedule has amounts from the 309th hour on.
    c = fabriques.convention(
        periodes=((date(2026, 1, 5), date(2026, 4, 3)),), gratification_mode="minimum_legal"
    )
    c.contenus = {**fabriques.CLAUSES, "conges": "Deux jours de congé par mois"}
    c.save()
    echeancier = evaluer_convention(c).resultat.echeancier

    texte = texte_document(services.convention_pdf_generer(convention=c, auteur=None, le=LE))

    assert "Annexe — échéancier prévisionnel de la gratification" in texte
    for mois in ("janvier 2026", "février 2026", "mars 2026", "avril 2026"):
        assert mois in texte
    total = f"{echeancier.verse_total:.2f}".replace(".", ",")
    assert echeancier.verse_total > 0
    assert total.split(",")[1] in texte and "Deux jours de congé par mois" in texte


def test_the_minimum_total_of_the_pdf_is_what_is_due() -> None:
    """Under the threshold nothing is due, though the screen shows the minimum at the rate."""
    c = fabriques.convention(gratification_mode="minimum_legal")
    echeancier = evaluer_convention(c).resultat.echeancier
    assert echeancier.minimum_du_total == 0 < echeancier.minimum_reel_total

    texte = texte_document(services.convention_pdf_generer(convention=c, auteur=None, le=LE))

    attendu = f"Total 140 h 0,00 € {fmt.euros(echeancier.verse_total)}"
    assert attendu.replace("\u202f", " ") in texte.replace("\u202f", " ")


def test_a_missing_content_blocks_the_pdf_and_lists_what_is_missing() -> None:
    clauses = {k: v for k, v in fabriques.CLAUSES.items() if k not in ("suivi", "avantages")}
    c = fabriques.convention(contenus=clauses)

    with pytest.raises(services.ContenusManquants) as refus:
        services.convention_pdf_generer(convention=c, auteur=None, le=LE)

    assert refus.value.manquants == [
        "7° modalités d'encadrement et de suivi par l'enseignant référent et le tuteur",
        "13° avantages offerts (restauration, hébergement, frais, transport, activités sociales et culturelles)",
    ]
    assert not Document.objects.exists()


def test_the_leave_clause_is_required_beyond_two_months() -> None:
    c = fabriques.convention(periodes=((date(2026, 1, 5), date(2026, 4, 3)),))

    with pytest.raises(services.ContenusManquants) as refus:
        services.convention_pdf_generer(convention=c, auteur=None, le=LE)

    assert [m.split("°")[0] for m in refus.value.manquants] == ["10"]


def test_a_convention_without_any_period_lacks_its_dates() -> None:
    c = fabriques.convention()
    c.periodes.all().delete()
    with pytest.raises(services.ContenusManquants) as refus:
        services.convention_pdf_generer(convention=c, auteur=None, le=LE)
    assert refus.value.manquants == [
        "5° dates de début et de fin, durée totale prévue en présence effective"
    ]
