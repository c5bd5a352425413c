"""Summer rest (R-NDRC-SUMMER-1), vectors H4, H5, H6, H8, and stage days in school holidays.

Zone A, summer 2026: Saturday 4 July to Monday 31 August. The stages below are Monday to
Friday, 7 h, from Monday 6 July, with 14 July off.
"""

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from regles.calendrier import calendrier
from regles.modele import Convention, Periode
from regles.parametres import Parametres, parametres
from regles.presence import Jour, journal, jours_prevus
from regles.repos_ete import (
    Repos,
    jours_en_vacances,
    plus_long_repos,
    plus_longues_semaines_libres,
    repos_ete,
    verifier_repos_ete,
    verifier_vacances,
)

CAL = calendrier("A")
DEBUT_ETE, FIN_ETE = date(2026, 7, 4), date(2026, 8, 31)
SEMAINE_7H = (420, 420, 420, 420, 420, 0, 0)


def convention(debut: date, fin: date, id: str = "c1") -> Convention:
    return Convention(
        id=id, etudiant="e1", siren="123456789", periodes=(Periode(debut, fin),), horaire=SEMAINE_7H
    )


def jours_de_stage(debut: date, fin: date) -> list[date]:
    return sorted(jours_prevus(convention(debut, fin), calendrier=CAL))


def avec(nom: str, valeur: int | str, base: Parametres | None = None) -> Parametres:
    """The shipped parameters with one setting changed (a school's choice)."""
    base = base or parametres()
    modifie = replace(base[nom], dates=(date(2000, 1, 1),), valeurs=(valeur,))
    return Parametres({**{n: base[n] for n in base}, nom: modifie})


SEMAINES = avec("reglages.repos_ete_lecture", "semaines_civiles")


@pytest.mark.parametrize(
    ("fin_stage", "repos", "jours_ok", "semaines_ok"),
    [
        (date(2026, 7, 24), Repos(date(2026, 7, 25), date(2026, 8, 31), 38), True, True),
        (date(2026, 7, 31), Repos(date(2026, 8, 1), date(2026, 8, 31), 31), True, True),
        (date(2026, 8, 3), Repos(date(2026, 8, 4), date(2026, 8, 31), 28), True, False),
        (date(2026, 8, 4), Repos(date(2026, 8, 5), date(2026, 8, 31), 27), False, False),
        (date(2026, 8, 14), Repos(date(2026, 8, 15), date(2026, 8, 31), 17), False, False),
    ],
    ids=[
        "H8 6-24 juillet : 38 jours libres, 5 semaines entieres",
        "H4 6-31 juillet : 1er-31 aout = 31 jours, 4 semaines entieres",
        "H5 jusqu'au lundi 3 aout : 28 jours pile mais 3 semaines entieres seulement",
        "jusqu'au mardi 4 aout : 27 jours, un de trop peu",
        "H6 6 juillet-14 aout : 15-31 aout = 17 jours",
    ],
)
def test_summer_vectors_under_both_readings(
    fin_stage: date, repos: Repos, jours_ok: bool, semaines_ok: bool
) -> None:
    stage = jours_de_stage(date(2026, 7, 6), fin_stage)
    assert repos_ete(stage, annee=2026, calendrier=CAL) == repos
    par_jours = verifier_repos_ete(stage, annee=2026, calendrier=CAL, p=parametres())
    par_semaines = verifier_repos_ete(stage, annee=2026, calendrier=CAL, p=SEMAINES)
    assert (par_jours == []) is jours_ok
    assert (par_semaines == []) is semaines_ok


def test_h6_the_finding_gives_the_run_and_the_minimum() -> None:
    stage = jours_de_stage(date(2026, 7, 6), date(2026, 8, 14))
    (c,) = verifier_repos_ete(stage, annee=2026, calendrier=CAL, p=parametres())
    assert c.code == "REPOS_ETE"
    assert c.message == (
        "Pendant les vacances d'été 2026 (du 04/07/2026 au 31/08/2026), le plus long repos sans "
        "stage dure 17 jours, du 15/08/2026 au 31/08/2026 ; 28 jours consécutifs sans stage au "
        "moins sont demandés."
    )
    assert c.chiffres["repos"] == 17 and c.chiffres["minimum"] == 28
    assert c.chiffres["debut_repos"] == "2026-08-15"
    assert c.chiffres["jours_de_stage"] == 29  # 30 weekdays, 14 July off


def test_h5_under_the_weeks_reading_names_the_three_whole_weeks() -> None:
    stage = jours_de_stage(date(2026, 7, 6), date(2026, 8, 3))
    assert plus_longues_semaines_libres(stage, debut=DEBUT_ETE, fin=FIN_ETE) == Repos(
        date(2026, 8, 10), date(2026, 8, 30), 21
    )
    (c,) = verifier_repos_ete(stage, annee=2026, calendrier=CAL, p=SEMAINES)
    assert "3 semaines entières consécutives" in c.message
    assert "du 10/08/2026 au 30/08/2026" in c.message
    assert "4 semaines entières consécutives sans stage au moins" in c.message
    assert (c.chiffres["lecture"], c.chiffres["repos"], c.chiffres["minimum"]) == (
        "semaines_civiles",
        3,
        4,
    )


def test_the_required_length_is_read_from_the_parameter() -> None:
    stage = jours_de_stage(date(2026, 7, 6), date(2026, 7, 31))  # H4: 31 free days
    assert verifier_repos_ete(stage, annee=2026, calendrier=CAL, p=parametres()) == []
    (c,) = verifier_repos_ete(
        stage, annee=2026, calendrier=CAL, p=avec("reglages.repos_ete_jours", 35)
    )
    assert c.chiffres["minimum"] == 35
    # Under the weeks reading, 30 days round up to 5 whole weeks; August holds only 4.
    p = avec("reglages.repos_ete_jours", 30, base=SEMAINES)
    (c,) = verifier_repos_ete(stage, annee=2026, calendrier=CAL, p=p)
    assert (c.chiffres["repos"], c.chiffres["minimum"]) == (4, 5)


@pytest.mark.parametrize(
    "stage",
    [
        [],
        jours_de_stage(date(2026, 6, 1), date(2026, 7, 3)),
        jours_de_stage(date(2026, 9, 1), date(2026, 9, 30)),
    ],
    ids=["aucun jour de stage", "stage fini la veille des vacances", "stage apres la rentree"],
)
def test_no_stage_day_in_the_summer_means_nothing_to_check(stage: list[date]) -> None:
    tout_l_ete = avec("reglages.repos_ete_jours", 60)  # would fail with any stage day inside
    assert verifier_repos_ete(stage, annee=2026, calendrier=CAL, p=tout_l_ete) == []


def test_a_stage_on_every_summer_day_leaves_no_rest() -> None:
    stage = [DEBUT_ETE + timedelta(days=i) for i in range((FIN_ETE - DEBUT_ETE).days + 1)]
    assert plus_long_repos(stage, debut=DEBUT_ETE, fin=FIN_ETE) is None
    (c,) = verifier_repos_ete(stage, annee=2026, calendrier=CAL, p=parametres())
    assert "aucun jour n'est sans stage" in c.message
    assert c.chiffres["repos"] == 0 and c.chiffres["debut_repos"] is None
    (c,) = verifier_repos_ete(stage, annee=2026, calendrier=CAL, p=SEMAINES)
    assert "aucune semaine entière" in c.message


def test_one_day_in_the_middle_leaves_the_longer_side() -> None:
    stage = [date(2026, 8, 3)]
    assert repos_ete(stage, annee=2026, calendrier=CAL) == Repos(DEBUT_ETE, date(2026, 8, 2), 30)
    assert verifier_repos_ete(stage, annee=2026, calendrier=CAL, p=SEMAINES) == []


def test_the_finding_is_repeated_for_each_convention_named() -> None:
    stage = jours_de_stage(date(2026, 7, 6), date(2026, 8, 14))
    constats = verifier_repos_ete(
        stage, annee=2026, calendrier=CAL, p=parametres(), conventions=["c1", "c2"]
    )
    assert [c.convention for c in constats] == ["c1", "c2"]
    (seul,) = verifier_repos_ete(stage, annee=2026, calendrier=CAL, p=parametres())
    assert seul.convention is None


def test_an_unknown_reading_is_refused() -> None:
    stage = jours_de_stage(date(2026, 7, 6), date(2026, 8, 14))
    with pytest.raises(ValueError, match="semaines_glissantes"):
        verifier_repos_ete(
            stage,
            annee=2026,
            calendrier=CAL,
            p=avec("reglages.repos_ete_lecture", "semaines_glissantes"),
        )


def test_a_year_the_calendar_does_not_know_is_not_judged() -> None:
    assert CAL.vacances_ete(2099) is None
    stage = [date(2099, 7, 15)]
    assert verifier_repos_ete(stage, annee=2099, calendrier=CAL, p=parametres()) == []
    assert repos_ete(stage, annee=2099, calendrier=CAL) is None


# Stage days during school holidays ------------------------------------------------------


def test_winter_holiday_days_of_a_february_stage_are_reported_once() -> None:
    c = convention(date(2026, 2, 2), date(2026, 2, 27))
    jours = journal(c, calendrier=CAL)
    pendant = jours_en_vacances((j.jour for j in jours), CAL)
    assert pendant == [date(2026, 2, d) for d in (9, 10, 11, 12, 13, 16, 17, 18, 19, 20)]
    (constat,) = verifier_vacances(c, jours, calendrier=CAL)
    assert constat.code == "VACANCES_PROLONGATION" and constat.convention == "c1"
    assert constat.message == (
        "10 jours de stage tombent pendant les vacances scolaires (Vacances d'hiver), "
        "du 09/02/2026 au 20/02/2026."
    )


def test_several_holidays_are_named_in_date_order() -> None:
    c = convention(date(2026, 4, 13), date(2026, 5, 15))
    (constat,) = verifier_vacances(c, journal(c, calendrier=CAL), calendrier=CAL)
    # 13–17 April (printemps) and Friday 15 May (pont de l'Ascension).
    assert constat.chiffres["jours"] == 6
    assert constat.chiffres["vacances"] == "Vacances de printemps, Pont de l'Ascension"


@pytest.mark.parametrize(
    ("jours", "attendu"),
    [
        ([Jour(date(2026, 3, 2), 420)], None),
        ([Jour(date(2026, 2, 10), 0, assimile=420, reel=True)], None),
        (
            [Jour(date(2026, 2, 10), 420)],
            "1 jour de stage tombe pendant les vacances scolaires (Vacances d'hiver), le 10/02/2026.",
        ),
    ],
    ids=["jour de classe", "conge pendant les vacances : pas un jour de stage", "un seul jour"],
)
def test_only_days_with_presence_in_holidays_count(jours: list[Jour], attendu: str | None) -> None:
    constats = verifier_vacances(
        convention(date(2026, 2, 2), date(2026, 3, 6)), jours, calendrier=CAL
    )
    assert [c.message for c in constats] == ([attendu] if attendu else [])


# Properties -----------------------------------------------------------------------------

JOURS_ETE = (FIN_ETE - DEBUT_ETE).days + 1
indices = st.sets(st.integers(0, JOURS_ETE - 1))


def ete(index: set[int]) -> set[date]:
    return {DEBUT_ETE + timedelta(days=i) for i in index}


def longueur(repos: Repos | None) -> int:
    return repos.jours if repos else 0


@given(indices, indices)
def test_adding_stage_days_never_lengthens_the_longest_free_run(a: set[int], b: set[int]) -> None:
    avant = plus_long_repos(ete(a), debut=DEBUT_ETE, fin=FIN_ETE)
    apres = plus_long_repos(ete(a | b), debut=DEBUT_ETE, fin=FIN_ETE)
    assert longueur(apres) <= longueur(avant)


@given(indices)
def test_the_longest_free_run_is_free_and_maximal(index: set[int]) -> None:
    repos = plus_long_repos(ete(index), debut=DEBUT_ETE, fin=FIN_ETE)
    libres = [i not in index for i in range(JOURS_ETE)]
    plus_longue, courante = 0, 0
    for libre in libres:
        courante = courante + 1 if libre else 0
        plus_longue = max(plus_longue, courante)
    assert longueur(repos) == plus_longue
    if repos is not None:
        assert (repos.fin - repos.debut).days + 1 == repos.jours
        assert not ete(index) & {repos.debut + timedelta(days=i) for i in range(repos.jours)}


@given(indices)
def test_the_weeks_reading_is_never_looser_than_the_days_reading(index: set[int]) -> None:
    stage = sorted(ete(index))
    if not stage:
        return
    par_semaines = verifier_repos_ete(stage, annee=2026, calendrier=CAL, p=SEMAINES)
    par_jours = verifier_repos_ete(stage, annee=2026, calendrier=CAL, p=parametres())
    if not par_semaines:
        assert not par_jours
    semaines = plus_longues_semaines_libres(stage, debut=DEBUT_ETE, fin=FIN_ETE)
    if semaines is not None:
        assert semaines.debut.weekday() == 0 and semaines.fin.weekday() == 6
        assert semaines.debut >= DEBUT_ETE and semaines.fin <= FIN_ETE
