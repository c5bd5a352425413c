"""Programme progress: 40 days of 7 h per year of study, 80 in all (reglages.ndrc_*)."""

import json
from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from regles.modele import Etudiant
from regles.parametres import Parametres, parametres
from regles.presence import Jour, annee_scolaire
from regles.programme import constats_programme, progression, verifier_programme

P = parametres()
ETUDIANT = Etudiant(id="e1", debut_formation=date(2025, 9, 1))  # year 1 = 2025-2026


def jours(debut: date, nombre: int, minutes: int = 420, reel: bool = False) -> list[Jour]:
    """`nombre` consecutive days from `debut` (weekends included: only the time counts)."""
    return [Jour(debut + timedelta(days=i), minutes, reel=reel) for i in range(nombre)]


def avec(nom: str, valeur: int) -> Parametres:
    modifie = replace(P[nom], dates=(date(2000, 1, 1),), valeurs=(valeur,))
    return Parametres({**{n: P[n] for n in P}, nom: modifie})


def test_days_done_and_planned_per_year_of_study() -> None:
    journal = (
        jours(date(2026, 1, 5), 20, reel=True)  # year 1, logged
        + jours(date(2026, 5, 4), 20)  # year 1, planned
        + jours(date(2026, 11, 2), 35)  # year 2, planned
    )
    suivi = progression(ETUDIANT, journal, p=P)
    un, deux = suivi.annees
    assert (un.annee, un.annee_scolaire, un.libelle) == (1, 2025, "1re année (2025-2026)")
    assert (un.realises, un.prevus, un.manque, un.objectif) == (20, 40, 0, 40)
    assert (deux.annee, deux.annee_scolaire, deux.libelle) == (2, 2026, "2e année (2026-2027)")
    assert (deux.realises, deux.prevus, deux.manque) == (0, 35, 5)
    assert (suivi.realises, suivi.prevus, suivi.objectif, suivi.manque) == (20, 75, 80, 5)
    assert not suivi.origine_deduite


def test_a_year_short_of_its_target_is_a_warning() -> None:
    journal = (
        jours(date(2026, 1, 5), 40)
        + jours(date(2026, 11, 2), 30)
        + jours(date(2027, 1, 4), 5, reel=True)
    )
    (constat,) = verifier_programme(ETUDIANT, journal, p=P)
    assert constat.code == "PROGRAMME_INSUFFISANT" and not constat.bloquant
    assert constat.convention is None
    assert constat.message == (
        "En 2e année (2026-2027), 35 jours de stage sont faits ou prévus (245 h, dont 5 jours "
        "relevés) pour un objectif de 40 jours : il manque 5 jours (35 h)."
    )
    assert (constat.chiffres["annee"], constat.chiffres["jours_manquants"]) == (2, "5.00")


@pytest.mark.parametrize(
    ("minutes", "insuffisant"),
    [(40 * 420, False), (40 * 420 - 1, True), (45 * 420, False), (0, False)],
    ids=[
        "40 jours pile : objectif atteint",
        "une minute de moins : 39,9976 jours, encore insuffisant",
        "au-dela de l'objectif",
        "annee sans aucun stage : pas encore jugee",
    ],
)
def test_the_target_is_compared_in_minutes(minutes: int, insuffisant: bool) -> None:
    journal = [Jour(date(2026, 3, 2), minutes)] if minutes else []
    constats = verifier_programme(ETUDIANT, journal, p=P)
    assert [c.chiffres["annee"] for c in constats] == ([1] if insuffisant else [])
    if insuffisant:
        assert constats[0].message.endswith("il manque 0 jour (0,02 h).")


@pytest.mark.parametrize(
    ("jour", "annee"),
    [
        (date(2025, 9, 1), 1),
        (date(2026, 8, 31), 1),
        (date(2026, 9, 1), 2),
        (date(2027, 8, 31), 2),
    ],
    ids=[
        "jour de rentree : 1re annee",
        "31 aout : l'ete appartient a l'annee qui se termine",
        "1er septembre : 2e annee",
        "dernier jour de la 2e annee",
    ],
)
def test_school_years_start_on_1_september(jour: date, annee: int) -> None:
    suivi = progression(ETUDIANT, [Jour(jour, 420)], p=P)
    assert [a.minutes_prevues for a in suivi.annees] == [
        420 if a.annee == annee else 0 for a in suivi.annees
    ]


def test_leave_counted_in_the_durations_counts_as_done() -> None:
    journal = [
        Jour(date(2026, 3, 2), 0, assimile=420, reel=True),
        Jour(date(2026, 3, 3), 210, reel=True),
    ]
    un = progression(ETUDIANT, journal, p=P).annees[0]
    assert (un.minutes_realisees, un.realises) == (630, pytest.approx(1.5))


def test_days_outside_the_years_of_study_are_shown_apart() -> None:
    journal = jours(date(2025, 6, 2), 5) + jours(date(2026, 3, 2), 40) + jours(date(2027, 10, 4), 2)
    suivi = progression(ETUDIANT, journal, p=P)
    assert suivi.hors_formation == 7
    assert suivi.prevus == 40


def test_without_a_start_of_training_the_first_stage_day_makes_year_1() -> None:
    journal = jours(date(2027, 1, 4), 10) + jours(date(2026, 10, 5), 10)  # unsorted on purpose
    suivi = progression(Etudiant(id="e2"), journal, p=P)
    assert suivi.origine_deduite and suivi.annee_scolaire_1 == 2026
    assert [a.prevus for a in suivi.annees] == [20, 0]
    assert (
        verifier_programme(Etudiant(id="e2"), journal, p=P)[0].chiffres["origine_deduite"] is True
    )


def test_a_student_with_nothing_yet_has_an_empty_progress() -> None:
    suivi = progression(Etudiant(id="e3"), [], p=P)
    assert suivi.annees == () and suivi.annee_scolaire_1 is None
    assert constats_programme(suivi) == []
    assert json.loads(json.dumps(suivi.en_dict()))["annees"] == []


def test_a_start_of_training_without_stage_shows_both_years_to_do() -> None:
    suivi = progression(ETUDIANT, [], p=P)
    assert [(a.annee, a.prevus, a.manque) for a in suivi.annees] == [(1, 0, 40), (2, 0, 40)]
    assert verifier_programme(ETUDIANT, [], p=P) == []


def test_targets_come_from_the_settings() -> None:
    journal = jours(date(2026, 1, 5), 40)
    assert verifier_programme(ETUDIANT, journal, p=P) == []
    (constat,) = verifier_programme(ETUDIANT, journal, p=avec("reglages.ndrc_jours_par_annee", 45))
    assert constat.chiffres["objectif_jours"] == 45
    trois = progression(ETUDIANT, journal, p=avec("reglages.ndrc_annees", 3))
    assert [a.annee_scolaire for a in trois.annees] == [2025, 2026, 2027] and trois.objectif == 120


def test_en_dict_is_plain_json() -> None:
    suivi = progression(ETUDIANT, jours(date(2026, 1, 5), 3, minutes=315, reel=True), p=P)
    donnees = json.loads(json.dumps(suivi.en_dict()))
    assert donnees["etudiant"] == "e1" and donnees["objectif_jours"] == 80
    assert donnees["annees"][0] == {
        "annee": 1,
        "annee_scolaire": 2025,
        "libelle": "1re année (2025-2026)",
        "minutes_realisees": 945,
        "minutes_prevues": 945,
        "minutes_manquantes": 40 * 420 - 945,
        "jours_realises": "2.25",
        "jours_prevus": "2.25",
        "objectif_jours": 40,
        "jours_manquants": "37.75",
    }


@given(
    st.lists(st.tuples(st.integers(0, 4 * 366), st.integers(0, 600), st.booleans()), max_size=60)
)
def test_every_minute_is_counted_once_in_its_school_year(
    tirages: list[tuple[int, int, bool]],
) -> None:
    debut = date(2024, 6, 1)
    journal = [Jour(debut + timedelta(days=d), m, reel=r) for d, m, r in tirages]
    suivi = progression(ETUDIANT, journal, p=P)
    attendu = {2025: 0, 2026: 0}
    for j in journal:
        annee = annee_scolaire(j.jour, debut_mm_jj="09-01")
        if annee in attendu:
            attendu[annee] += j.compte
    assert {a.annee_scolaire: a.minutes_prevues for a in suivi.annees} == attendu
    for a in suivi.annees:
        assert a.minutes_realisees <= a.minutes_prevues
        assert a.minutes_manquantes == max(40 * 420 - a.minutes_prevues, 0)
