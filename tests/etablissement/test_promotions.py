"""Cohorts: their target from the settings, their referential, their stage calendar."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from etablissement import services
from etablissement.selectors import periodes_de, promotions_en_cours
from referentiel.models import Formation, VersionReferentiel
from regles.parametres import parametres
from tests import fabriques


def test_it_takes_the_days_target_from_the_setting_in_force_at_the_start(db: None) -> None:
    promotion = services.promotion_creer(
        formation=fabriques.formation_ndrc(), libelle="NDRC 2025-2027", annee_debut=2025
    )
    attendu = parametres().entier("reglages.ndrc_jours_par_annee", date(2025, 9, 1))
    assert promotion.objectif_jours_par_annee == attendu


def test_it_keeps_a_target_the_school_chose(db: None) -> None:
    promotion = fabriques.promotion(objectif_jours_par_annee=45, periodes=False)
    assert promotion.objectif_jours_par_annee == 45


def test_it_dates_the_training_and_its_exam_session_from_the_settings(db: None) -> None:
    promotion = fabriques.promotion(annee_debut=2025, periodes=False)
    assert promotion.debut_formation == date(2025, 9, 1)
    assert promotion.session_examen == 2027
    assert promotion.bornes_annee(2) == (date(2026, 9, 1), date(2027, 8, 31))


def test_it_follows_the_referential_version_of_its_exam_session(db: None) -> None:
    promotion = fabriques.promotion(periodes=False)
    assert promotion.version_referentiel.code == "NDRC-2018"


def test_it_refuses_a_version_that_does_not_govern_its_session(db: None) -> None:
    ndrc = fabriques.formation_ndrc()
    ancienne = VersionReferentiel.objects.create(
        formation=ndrc,
        code="NRC-2003",
        libelle="Ancien",
        texte_source="…",
        session_debut=2005,
        session_fin=2019,
    )
    with pytest.raises(ValidationError) as erreur:
        services.promotion_creer(
            formation=ndrc, libelle="NDRC 2025-2027", annee_debut=2025, version_referentiel=ancienne
        )
    assert erreur.value.message_dict["version_referentiel"] == [
        "La version NRC-2003 ne régit pas la session 2027 que passera cette promotion."
    ]


def test_it_says_so_when_no_version_governs_the_session(db: None) -> None:
    autre = Formation.objects.create(code="BTS-MCO", intitule="BTS MCO")
    with pytest.raises(ValidationError) as erreur:
        services.promotion_creer(formation=autre, libelle="MCO 2025-2027", annee_debut=2025)
    assert erreur.value.message_dict["version_referentiel"] == [
        "Aucune version du référentiel de la formation BTS-MCO ne régit la session 2027."
    ]


def test_it_keeps_the_stage_windows_of_the_calendar_in_order(db: None) -> None:
    promotion = fabriques.promotion(annee_debut=2025)
    premiere = periodes_de(promotion, annee_formation=1)
    assert [(p.libelle, p.debut, p.fin, p.jours_vises) for p in premiere] == [
        ("Stage de janvier", date(2026, 1, 5), date(2026, 1, 30), 20),
        ("Stage de mai-juin", date(2026, 5, 25), date(2026, 6, 19), 20),
    ]
    assert periodes_de(promotion).count() == 4


def test_it_refuses_a_first_year_window_outside_the_first_school_year(db: None) -> None:
    promotion = fabriques.promotion(annee_debut=2025, periodes=False)
    with pytest.raises(ValidationError) as erreur:
        services.periode_promotion_creer(
            promotion=promotion,
            annee_formation=1,
            libelle="Trop tard",
            debut=date(2026, 9, 7),
            fin=date(2026, 10, 2),
            jours_vises=20,
        )
    assert erreur.value.messages == [
        "Une période de 1re année doit se situer dans l'année scolaire 2025-2026, "
        "du 01/09/2025 au 31/08/2026."
    ]


def test_it_refuses_a_third_year_in_a_two_year_training(db: None) -> None:
    promotion = fabriques.promotion(periodes=False)
    with pytest.raises(ValidationError) as erreur:
        services.periode_promotion_creer(
            promotion=promotion,
            annee_formation=3,
            libelle="?",
            debut=date(2027, 9, 6),
            fin=date(2027, 10, 1),
            jours_vises=20,
        )
    assert erreur.value.message_dict["annee_formation"] == ["La formation compte 2 années."]


def test_it_refuses_a_window_that_ends_before_it_starts(db: None) -> None:
    promotion = fabriques.promotion(periodes=False)
    with pytest.raises(ValidationError) as erreur:
        services.periode_promotion_creer(
            promotion=promotion,
            annee_formation=1,
            libelle="À l'envers",
            debut=date(2026, 1, 30),
            fin=date(2026, 1, 5),
            jours_vises=20,
        )
    assert "La fin de la période précède son début." in erreur.value.messages


def test_it_lists_the_cohorts_in_training_during_a_school_year(db: None) -> None:
    for annee in (2023, 2024, 2025):
        fabriques.promotion(annee_debut=annee, periodes=False)
    assert [p.annee_debut for p in promotions_en_cours(annee_scolaire=2025)] == [2025, 2024]
