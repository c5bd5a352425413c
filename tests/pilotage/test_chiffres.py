"""The section's figures on a section built by hand (tests/pilotage/chiffres_donnees.py):
each figure's rows counted by hand; the figures page draws them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from pilotage.chiffres import naf
from pilotage.chiffres.calcul import chiffres
from pilotage.chiffres.figures import Figure
from regles.parametres import parametres
from regles.presence import Seuils
from tests.pilotage.chiffres_donnees import section


def _table(figure: Figure) -> dict[str, tuple[object, ...]]:
    return {ligne.libelle: ligne.valeurs for ligne in figure.lignes}


@pytest.fixture
def figures(db: None) -> dict[str, Figure]:
    section()
    return {f.cle: f for f in chiffres(2025)}


def test_placement_per_period_and_cohort(figures: dict[str, Figure]) -> None:
    assert _table(figures["placement"]) == {
        # Alice and Bruno of three; nobody yet for May-June.
        "1re année — Stage de janvier": (Decimal(67), 2, 3, "NDRC 2025-2027"),
        "1re année — Stage de mai-juin": (Decimal(0), 0, 3, "NDRC 2025-2027"),
        # Dan, in 2e année, has nothing this year.
        "2e année — Stage de novembre": (Decimal(0), 0, 1, "NDRC 2024-2026"),
        "2e année — Stage de janvier": (Decimal(0), 0, 1, "NDRC 2024-2026"),
    }


def test_days_done_against_the_target(figures: dict[str, Figure]) -> None:
    # No presence logged yet: no day done, nobody at the target of 40 days (the setting).
    lignes = _table(figures["jours"])
    assert lignes["1re année"] == (Decimal(0), Decimal(0), 0, 40, 3, "NDRC 2025-2027")
    assert lignes["2e année"] == (Decimal(0), Decimal(0), 0, 40, 1, "NDRC 2024-2026")


def test_hosts_by_sector_size_and_loyalty(figures: dict[str, Figure]) -> None:
    assert _table(figures["secteurs"]) == {
        "Commerce ; réparation d'automobiles et de motocycles": (1, 1),
        "Activités immobilières": (1, 1),
    }
    assert _table(figures["tailles"]) == {
        "10 à 49 personnes": (1,),
        "250 personnes ou plus": (1,),
    }
    # Quai des Affaires had Dan in January 2025; Garonne Immobilier is new.
    assert _table(figures["fidelite"]) == {
        "Nouveaux cette année": (1, 1),
        "Déjà accueillants les années précédentes": (1, 1),
    }


def test_gratifications_read_the_threshold_from_the_parameters(
    figures: dict[str, Figure],
) -> None:
    # The threshold in force on the year's first day (308 h in 2025), never written here.
    heures = Seuils.au(parametres(), date(2025, 9, 1)).gratification // 60
    lignes = _table(figures["gratifications"])
    # Two stages of four weeks (140 h each): under the threshold, nothing due.
    assert lignes == {
        f"Plus de {heures} h : gratification obligatoire": (0, Decimal("0.00"), Decimal("0.00")),
        f"{heures} h ou moins": (2, Decimal("0.00"), Decimal("0.00")),
    }


def test_tutors_evaluations(figures: dict[str, Figure]) -> None:
    assert _table(figures["evaluations"]) == {
        "Satisfaisante": (1, Decimal(50)),
        "Pas encore remplie": (1, Decimal(50)),
    }


def test_time_from_request_to_signature(figures: dict[str, Figure]) -> None:
    figure = figures["delais"]
    assert _table(figure) == {
        "Moins d'une semaine": (1,),  # Bruno: 4 days
        "1 à 2 semaines": (0,),
        "2 à 4 semaines": (1,),  # Alice: 17 days
        "4 à 8 semaines": (0,),
        "8 semaines ou plus": (0,),
    }
    assert figure.note_annee == "Délai médian de 10,5 jours."


def test_conventions_blocked_by_the_law_and_why(figures: dict[str, Figure]) -> None:
    # Chloé's draft has none of the D124-4 clauses; the signed ones break no rule.
    assert _table(figures["blocages"]) == {
        "Mentions obligatoires manquantes dans la convention": (1, "C. éduc. D124-4")
    }


def test_a_stage_over_the_threshold_and_its_amounts(db: None) -> None:
    """Eve's twelve weeks (January to March 2026, 7 h a day) cross the threshold: one stage
    over it, the legal minimum of its months as the convention's own page computes it."""
    from conventions.moteur import evaluer_convention
    from tests import fabriques
    from tests.pilotage.chiffres_donnees import signer

    donnees = section()
    eve = fabriques.etudiant(promotion=donnees["promo"], nom="Estève", prenom="Eve")
    longue = signer(
        fabriques.convention(
            etudiant_=eve,
            periodes=((date(2026, 1, 5), date(2026, 3, 27)),),
            auteur=donnees["chef"],
            gratification_mode="horaire",
            gratification_montant=Decimal("4.50"),
            gratification_methode="reelle",
            # Beyond two months, the leave clause is due too (D124-4).
            contenus={**fabriques.CLAUSES, "conges": "Deux jours de congé par mois de stage"},
        ),
        donnees["chef"],
        demandee=date(2025, 11, 3),
        signee=date(2025, 11, 20),
    )
    echeancier = evaluer_convention(longue).resultat.echeancier
    heures = Seuils.au(parametres(), date(2025, 9, 1)).gratification // 60
    figure = next(f for f in chiffres(2025) if f.cle == "gratifications")
    lignes = _table(figure)
    assert lignes[f"Plus de {heures} h : gratification obligatoire"] == (
        1,
        echeancier.minimum_du_total,
        echeancier.verse_total,
    )
    assert echeancier.minimum_du_total > 0
    assert lignes[f"{heures} h ou moins"] == (2, Decimal("0.00"), Decimal("0.00"))


@pytest.mark.parametrize(
    ("code", "secteur"),
    [
        ("47.11F", "Commerce ; réparation d'automobiles et de motocycles"),
        ("01.11Z", "Agriculture, sylviculture et pêche"),
        ("85.59A", "Enseignement"),
        ("", "Code NAF non renseigné"),
        ("04.00Z", "Code NAF non renseigné"),  # no such division
    ],
)
def test_naf_sections(code: str, secteur: str) -> None:
    assert naf.section(code) == secteur
