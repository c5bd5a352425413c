"""Quotas, tutors, waiting period: regles-stage.md §8 vectors Q and L5 (R-QUOTA, R-TUTOR,
R-CARENCE)."""

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from regles.modele import Initiative, Organisme, Periode, Rupture
from regles.parametres import parametres
from regles.quotas import (
    OccupationOrganismes,
    SuiviTuteurs,
    carence,
    effectif,
    quota,
    semaines,
    stagiaires_du_tuteur,
)
from tests.regles.fabrique import convention

P = parametres()
LE = date(2026, 3, 2)


@pytest.mark.parametrize(
    ("effectif_", "attendu"),
    [(12, 3), (19, 3), (20, 3), (21, 4), (45, 7), (100, 15)],
    ids=[
        "Q1 12 → 3",
        "Q2 19 → 3",
        "Q3 20 → 15 % = 3,0",
        "Q4 21 → 3,15 up to 4",
        "Q5 45 → 6,75 up to 7",
        "Q6 100 → 15",
    ],
)
def test_quota_by_headcount(effectif_: int, attendu: int) -> None:
    assert quota(Decimal(effectif_), p=P, le=LE) == attendu


def test_headcount_is_the_higher_of_last_month_and_the_twelve_month_average() -> None:
    """R124-12: 10 at the end of February, but 30 on average over the year before."""
    mois = [date(2025, m, 1) for m in range(3, 13)] + [date(2026, 1, 1), date(2026, 2, 1)]
    organisme = Organisme("1", effectifs={m: 32 for m in mois[:-1]} | {date(2026, 2, 1): 10})
    assert effectif(organisme, LE, mois_moyenne=12) == Decimal(32 * 11 + 10) / 12
    organisme = Organisme("1", effectifs={m: 5 for m in mois[:-1]} | {date(2026, 2, 1): 25})
    assert effectif(organisme, LE, mois_moyenne=12) == 25


def test_q8_one_quota_for_the_legal_entity_across_its_establishments() -> None:
    """Q8: 15 staff over 2 sites of one company → one quota of 3 (counted by SIREN)."""
    organisme = Organisme("111222333", effectifs={date(2026, 2, 1): 15})
    conventions = [
        convention(
            f"c{i}", (date(2026, 3, 2), date(2026, 3, 6)), siren="111222333", etudiant=f"e{i}"
        )
        for i in range(4)
    ]
    occupation = OccupationOrganismes(conventions, {"111222333": organisme}, p=P)
    semaine = occupation.semaine("111222333", date(2026, 3, 2))
    assert (semaine.total, semaine.quota, semaine.depasse) == (4, 3, True)


def test_q1_a_fourth_intern_in_a_week_of_three_is_refused() -> None:
    """Q1: headcount 12, 3 in force the week of 2 Mar 2026, a new one from Thu 5 Mar."""
    organisme = Organisme("1", effectifs={date(2026, 2, 1): 12})
    existantes = [
        convention(f"c{i}", (date(2026, 2, 23), date(2026, 3, 3)), siren="1", etudiant=f"e{i}")
        for i in range(3)
    ]
    nouvelle = convention("n", (date(2026, 3, 5), date(2026, 3, 20)), siren="1", etudiant="en")
    occupation = OccupationOrganismes([*existantes, nouvelle], {"1": organisme}, p=P)
    assert [s.lundi for s in occupation.semaines_de(nouvelle) if s.depasse] == [date(2026, 3, 2)]


def test_q10_a_stage_ending_sunday_and_one_starting_monday_never_share_a_week() -> None:
    a = convention("a", (date(2026, 2, 23), date(2026, 3, 8)))
    b = convention("b", (date(2026, 3, 9), date(2026, 3, 20)))
    assert not set(semaines(a.periodes, a.fin)) & set(semaines(b.periodes, b.fin))


@pytest.mark.parametrize(
    ("deuxieme_etudiant", "attendu"),
    [("e0", (3, False)), ("e9", (4, True))],
    ids=[
        "L124-8 counts interns: one student's A (Mon–Wed) and B (from Fri) is one intern",
        "two different students in the same week are two interns",
    ],
)
def test_l124_8_the_quota_counts_interns_not_conventions(
    deuxieme_etudiant: str, attendu: tuple[int, bool]
) -> None:
    """Headcount 12 (quota 3): e0 ends convention A on Wednesday 4 March 2026 and starts B on
    Friday 6 March; e1 and e2 are there all week."""
    organisme = Organisme("1", effectifs={date(2026, 2, 1): 12})
    conventions = [
        convention("a", (date(2026, 2, 23), date(2026, 3, 4)), siren="1", etudiant="e0"),
        convention(
            "b", (date(2026, 3, 6), date(2026, 3, 20)), siren="1", etudiant=deuxieme_etudiant
        ),
        *(
            convention(f"c{i}", (date(2026, 3, 2), date(2026, 3, 6)), siren="1", etudiant=f"e{i}")
            for i in (1, 2)
        ),
    ]
    occupation = OccupationOrganismes(conventions, {"1": organisme}, p=P)
    semaine = occupation.semaine("1", date(2026, 3, 2))
    assert (semaine.total, semaine.depasse) == attendu
    bloquees = {c.id for c in conventions if any(s.depasse for s in occupation.semaines_de(c))}
    assert bloquees == (set() if not attendu[1] else {c.id for c in conventions})


def test_interns_declared_from_other_schools_count() -> None:
    organisme = Organisme(
        "1", effectifs={date(2026, 2, 1): 12}, autres_stagiaires={date(2026, 3, 2): 2}
    )
    conventions = [
        convention(f"c{i}", (date(2026, 3, 2), date(2026, 3, 6)), siren="1", etudiant=f"e{i}")
        for i in range(2)
    ]
    assert (
        OccupationOrganismes(conventions, {"1": organisme}, p=P)
        .semaine("1", date(2026, 3, 2))
        .depasse
    )


def test_prolongation_periods_are_out_of_the_quota_count() -> None:
    """L124-8: L124-15 prolongations do not count."""
    c = replace(
        convention("c"),
        periodes=(
            Periode(date(2026, 3, 2), date(2026, 3, 6)),
            Periode(date(2026, 3, 9), date(2026, 3, 13), prolongation=True),
        ),
    )
    assert list(semaines(c.periodes, c.fin)) == [date(2026, 3, 2)]


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 30)), min_size=1, max_size=12),
    st.integers(0, 60),
    st.integers(0, 30),
)
def test_adding_a_convention_never_lowers_a_weeks_count(
    debuts: list[tuple[int, int]], debut: int, duree: int
) -> None:
    base = date(2026, 1, 5)
    conventions = [
        convention(f"c{i}", (base + timedelta(d), base + timedelta(d + n)), etudiant=f"e{i % 5}")
        for i, (d, n) in enumerate(debuts)
    ]
    avant = OccupationOrganismes(conventions, {}, p=P)
    nouvelle = convention(
        "n", (base + timedelta(debut), base + timedelta(debut + duree)), etudiant="en"
    )
    apres = OccupationOrganismes([*conventions, nouvelle], {}, p=P)
    for semaine in avant.calendrier_organisme("123456789"):
        assert apres.semaine("123456789", semaine.lundi).total >= semaine.total


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 5000), st.integers(0, 500))
def test_the_quota_never_falls_when_headcount_grows(effectif_: int, hausse: int) -> None:
    assert quota(Decimal(effectif_ + hausse), p=P, le=LE) >= quota(Decimal(effectif_), p=P, le=LE)


def test_q12_a_tutor_following_three_interns_on_the_date_of_effect_is_refused() -> None:
    suivies = [
        convention(f"c{i}", (date(2026, 3, 2), date(2026, 4, 3)), tuteur="t", etudiant=f"e{i}")
        for i in range(3)
    ]
    nouvelle = convention("n", (date(2026, 3, 16), date(2026, 4, 10)), tuteur="t", etudiant="en")
    effet, autres = stagiaires_du_tuteur(nouvelle, [*suivies, nouvelle])
    assert effet == date(2026, 3, 16) and len(autres) == 3
    plus_tard = convention("m", (date(2026, 4, 6), date(2026, 4, 30)), tuteur="t", etudiant="em")
    assert stagiaires_du_tuteur(plus_tard, [*suivies, plus_tard])[1] == []


def test_waiting_period_is_a_third_of_the_previous_stage_on_the_same_post() -> None:
    """L124-11: 1 Jan–30 Jun (181 days) → 61 days to wait."""
    avant = convention("a", (date(2026, 1, 1), date(2026, 6, 30)), poste="accueil", etudiant="e1")
    trop_tot = convention(
        "b", (date(2026, 8, 3), date(2026, 8, 28)), poste="accueil", etudiant="e2"
    )
    breche = carence(trop_tot, [avant], p=P)
    assert (
        breche is not None
        and breche.delai_jours == 61
        and breche.premier_jour_possible == date(2026, 8, 31)
    )
    a_temps = convention(
        "c", (date(2026, 8, 31), date(2026, 9, 25)), poste="accueil", etudiant="e2"
    )
    assert carence(a_temps, [avant], p=P) is None


def test_l5_no_waiting_period_when_the_previous_intern_left_on_their_own() -> None:
    avant = convention(
        "a",
        (date(2026, 1, 5), date(2026, 6, 30)),
        poste="accueil",
        etudiant="e1",
        rupture=Rupture(date(2026, 4, 30), Initiative.STAGIAIRE),
    )
    suivante = convention(
        "b", (date(2026, 5, 4), date(2026, 5, 29)), poste="accueil", etudiant="e2"
    )
    assert carence(suivante, [avant], p=P) is None
    renvoye = convention(
        "a",
        (date(2026, 1, 5), date(2026, 6, 30)),
        poste="accueil",
        etudiant="e1",
        rupture=Rupture(date(2026, 4, 30), Initiative.ORGANISME),
    )
    assert carence(suivante, [renvoye], p=P) is not None


def test_the_same_student_coming_back_owes_no_waiting_period() -> None:
    avant = convention("a", (date(2026, 1, 5), date(2026, 2, 27)), poste="accueil")
    retour = convention("b", (date(2026, 3, 2), date(2026, 3, 27)), poste="accueil")
    assert carence(retour, [avant], p=P) is None


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 90), st.integers(0, 40), st.integers(0, 2)),
        min_size=1,
        max_size=15,
    )
)
def test_the_tutor_index_counts_like_a_plain_scan(stages: list[tuple[int, int, int]]) -> None:
    """SuiviTuteurs (binary search) agrees with reading every convention of the tutor."""
    base = date(2026, 1, 5)
    conventions = [
        convention(
            f"c{i}",
            (base + timedelta(d), base + timedelta(d + n)),
            tuteur=f"t{t}",
            etudiant=f"e{i}",
        )
        for i, (d, n, t) in enumerate(stages)
    ]
    suivi = SuiviTuteurs(conventions)
    for c in conventions:
        effet, nombre = suivi.autres(c)
        assert (effet, nombre) == (effet, len(stagiaires_du_tuteur(c, conventions)[1]))


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 40), st.integers(0, 20), st.sampled_from("abc")),
        min_size=1,
        max_size=10,
    )
)
def test_a_weeks_count_is_the_number_of_distinct_students_in_force(
    stages: list[tuple[int, int, str]],
) -> None:
    """L124-8 by a plain scan: the students with a convention touching the week."""
    base = date(2026, 1, 5)
    conventions = [
        convention(f"c{i}", (base + timedelta(d), base + timedelta(d + n)), etudiant=e)
        for i, (d, n, e) in enumerate(stages)
    ]
    occupation = OccupationOrganismes(conventions, {}, p=P)
    for semaine in occupation.calendrier_organisme("123456789"):
        presents = {c.etudiant for c in conventions if semaine.lundi in semaines(c.periodes, c.fin)}
        assert semaine.conventions == len(presents)
