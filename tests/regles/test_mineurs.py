"""A minor intern's limits (R-RIGHTS "Minors"): 8 h a day, 35 h a civil week, no night,
two consecutive rest days a week, no Sunday or public holiday without a derogation."""

import random
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from regles.calendrier import calendrier
from regles.constats import Constat
from regles.mineurs import (
    date_majorite,
    est_mineur,
    lundi,
    majeur_le,
    nes_apres_sont_mineurs,
    verifier_mineur,
)
from regles.modele import Convention, Etudiant, Periode
from regles.parametres import parametres
from regles.presence import Jour, journal

CAL = calendrier("A")
MINEUR = Etudiant(id="e1", date_naissance=date(2009, 1, 15))  # 17 all through 2026
MAJEUR = Etudiant(id="e1", date_naissance=date(2005, 1, 15))
MARS = (date(2026, 3, 2), date(2026, 3, 27))  # Monday 2 to Friday 27 March, no holiday


def h(heures: float) -> int:
    return round(heures * 60)


def horaire(*par_jour: float) -> tuple[int, ...]:
    """Hours from Monday; the missing days are off."""
    return tuple(h(x) for x in par_jour) + (0,) * (7 - len(par_jour))


def convention(
    periode: tuple[date, date] = MARS,
    semaine: tuple[int, ...] = horaire(7, 7, 7, 7, 7),
    **autres: Any,
) -> Convention:
    return Convention(
        id="c1",
        etudiant="e1",
        siren="123456789",
        periodes=(Periode(*periode),),
        horaire=semaine,
        **autres,
    )


def verifier(
    c: Convention, etudiant: Etudiant = MINEUR, jours: list[Jour] | None = None
) -> list[Constat]:
    if jours is None:
        jours = journal(c, calendrier=CAL)
    return verifier_mineur(c, etudiant, jours, calendrier=CAL, p=parametres())


def codes(constats: list[Constat]) -> list[str]:
    return [c.code for c in constats]


def seul(constats: list[Constat], code: str) -> Constat:
    (trouve,) = [c for c in constats if c.code == code]
    return trouve


# Who is checked -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("naissance", "majorite"),
    [
        (date(2008, 3, 5), date(2026, 3, 5)),
        (date(2008, 2, 29), date(2026, 3, 1)),
        (date(2008, 2, 28), date(2026, 2, 28)),
        (date(2012, 2, 29), date(2030, 3, 1)),
    ],
    ids=[
        "18 ans le jour anniversaire",
        "ne un 29 fevrier : 1er mars d'une annee commune",
        "28 fevrier : pas d'effet de bord",
        "29 fevrier, annee commune suivante",
    ],
)
def test_date_majorite(naissance: date, majorite: date) -> None:
    assert date_majorite(naissance, age=18) == majorite


def test_an_adult_or_an_unknown_birth_date_is_not_checked() -> None:
    c = convention(semaine=horaire(9, 9, 9, 9, 9, 9, 9), travail_nuit=True)
    assert codes(verifier(c)) == [
        "MINEUR_DUREE_JOUR",
        "MINEUR_DUREE_SEMAINE",
        "MINEUR_NUIT",
        "MINEUR_REPOS",
        "MINEUR_DIMANCHE_FERIE",
    ]
    assert verifier(c, MAJEUR) == []
    assert verifier(c, Etudiant(id="e1")) == []
    assert verifier(c, MINEUR, jours=[]) == []


@pytest.mark.parametrize(
    ("naissance", "jours_trop_longs", "premier"),
    [
        (date(2008, 3, 2), 0, None),
        (date(2008, 3, 3), 1, "2026-03-02"),
        (date(2008, 3, 9), 5, "2026-03-02"),
        (date(2008, 3, 28), 20, "2026-03-02"),
    ],
    ids=[
        "18 ans le premier jour : plus rien a verifier",
        "18 ans le lendemain du premier jour : un seul jour mineur",
        "18 ans le lundi 9 mars : la premiere semaine seulement",
        "18 ans apres le stage : tous les jours",
    ],
)
def test_only_the_days_before_the_18th_birthday_are_checked(
    naissance: date, jours_trop_longs: int, premier: str | None
) -> None:
    constats = verifier(
        convention(semaine=horaire(9, 9, 9, 9, 9)), Etudiant(id="e1", date_naissance=naissance)
    )
    jour = [c for c in constats if c.code == "MINEUR_DUREE_JOUR"]
    assert [c.chiffres["jours"] for c in jour] == ([jours_trop_longs] if jours_trop_longs else [])
    assert [c.chiffres["premier_jour"] for c in jour] == ([premier] if premier else [])


# 8 h a day ------------------------------------------------------------------------------


def test_one_day_over_8_hours_is_named_with_its_figures() -> None:
    c = convention(semaine=horaire(7, 7, 7, 7), exceptions={date(2026, 3, 5): h(9)})
    (constat,) = verifier(c)
    assert constat.code == "MINEUR_DUREE_JOUR" and constat.bloquant and constat.convention == "c1"
    assert constat.message == (
        "Le stagiaire sera mineur le 05/03/2026 et la convention prévoit 9 h ce jour-là ; "
        "8 h au plus par jour pour un mineur."
    )
    assert constat.chiffres == {
        "premier_jour": "2026-03-05",
        "minutes": 540,
        "maximum_minutes": 480,
        "jours": 1,
    }


@pytest.mark.parametrize(
    ("heures", "finding"),
    [(8, False), (8 + 1 / 60, True)],
    ids=["8 h pile : permis", "8 h 01 : une minute de trop"],
)
def test_the_daily_limit_is_strict(heures: float, finding: bool) -> None:
    c = convention(semaine=horaire(7, 7, 7, 7), exceptions={date(2026, 3, 5): h(heures)})
    assert ("MINEUR_DUREE_JOUR" in codes(verifier(c))) is finding


def test_several_long_days_give_one_finding_with_the_first_and_the_count() -> None:
    c = convention(
        semaine=horaire(7, 7, 7, 7),
        exceptions={date(2026, 3, 19): h(8.5), date(2026, 3, 4): h(10), date(2026, 3, 12): h(9)},
    )
    constat = seul(verifier(c), "MINEUR_DUREE_JOUR")
    assert constat.chiffres["premier_jour"] == "2026-03-04" and constat.chiffres["jours"] == 3
    assert constat.message.endswith("3 jours dépassent cette limite.")
    assert "prévoit 10 h ce jour-là" in constat.message


def test_a_logged_day_is_described_as_such() -> None:
    c = convention()
    jours = [Jour(date(2026, 3, 2), h(8.75), reel=True)]
    assert seul(verifier(c, jours=jours), "MINEUR_DUREE_JOUR").message.startswith(
        "Le stagiaire était mineur le 02/03/2026 et le relevé de présence indique 8,75 h ce jour-là"
    )


def test_leave_is_not_presence() -> None:
    jours = [Jour(date(2026, 3, 2), 0, assimile=h(10), reel=True)]
    assert verifier(convention(), jours=jours) == []


# 35 h a civil week ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("semaine", "semaines"),
    [
        (horaire(7, 7, 7, 7, 7), 0),
        (horaire(7.5, 7.5, 7.5, 7.5, 7.5), 4),
        (horaire(8, 8, 8, 8, 8), 4),
        (horaire(0, 0, 8, 8, 8, 8, 8), 3),
    ],
    ids=[
        "35 h : la limite est atteinte, pas depassee",
        "37,5 h chaque semaine du stage",
        "40 h en journees de 8 h : semaine seule en cause",
        "mercredi-dimanche 40 h : la derniere semaine s'arrete le vendredi 27 (24 h)",
    ],
)
def test_weeks_over_35_hours(semaine: tuple[int, ...], semaines: int) -> None:
    constats = [
        c for c in verifier(convention(semaine=semaine)) if c.code == "MINEUR_DUREE_SEMAINE"
    ]
    assert [c.chiffres["semaines"] for c in constats] == ([semaines] if semaines else [])
    assert "MINEUR_DUREE_JOUR" not in codes(verifier(convention(semaine=semaine)))


def test_the_weekly_finding_names_the_first_week() -> None:
    constat = seul(
        verifier(convention(semaine=horaire(7.5, 7.5, 7.5, 7.5, 7.5))), "MINEUR_DUREE_SEMAINE"
    )
    assert constat.message == (
        "Le stagiaire sera mineur la semaine du lundi 02/03/2026 et la convention prévoit 37,5 h "
        "cette semaine-là ; 35 h au plus par semaine pour un mineur. 4 semaines dépassent cette "
        "limite."
    )
    assert (constat.chiffres["premiere_semaine"], constat.chiffres["minutes"]) == (
        "2026-03-02",
        2250,
    )


def test_a_week_straddling_two_months_is_one_week() -> None:
    c = convention((date(2026, 4, 27), date(2026, 5, 3)), horaire(7.5, 7.5, 7.5, 7.5, 7.5, 7.5))
    constat = seul(verifier(c), "MINEUR_DUREE_SEMAINE")
    # Monday 27 April to Saturday 2 May minus Friday 1 May (public holiday): 5 × 7,5 h.
    assert constat.chiffres["minutes"] == 5 * h(7.5)


def test_in_the_week_of_the_birthday_only_the_minor_days_add_up() -> None:
    c = convention(semaine=horaire(7.5, 7.5, 7.5, 7.5, 7.5))
    # 18 on Friday 6 March: Monday to Thursday make 30 h, the next weeks are an adult's.
    assert verifier(c, Etudiant(id="e1", date_naissance=date(2008, 3, 6))) == []


def test_a_week_mixing_log_and_plan_says_so() -> None:
    jours = [Jour(date(2026, 3, 2), h(8), reel=True)] + [
        Jour(date(2026, 3, d), h(7.5)) for d in (3, 4, 5, 6)
    ]
    constat = seul(verifier(convention(), jours=jours), "MINEUR_DUREE_SEMAINE")
    assert "le relevé de présence et la convention donnent 38 h" in constat.message


# Night ----------------------------------------------------------------------------------


def test_night_presence_is_refused_to_a_minor() -> None:
    constat = seul(verifier(convention(travail_nuit=True)), "MINEUR_NUIT")
    assert constat.message == (
        "La convention prévoit une présence de nuit alors que le stagiaire sera mineur du "
        "02/03/2026 au 27/03/2026 ; la présence entre 22 h et 6 h est interdite à un mineur."
    )
    assert "MINEUR_NUIT" not in codes(verifier(convention(travail_nuit=False)))


# Two consecutive rest days --------------------------------------------------------------


@pytest.mark.parametrize(
    ("semaine", "semaines_sans_repos"),
    [
        (horaire(7, 7, 7, 7, 7), 0),
        (horaire(0, 7, 7, 7, 7, 7), 0),
        (horaire(7, 7, 0, 0, 7, 7), 0),
        (horaire(5, 5, 5, 5, 5, 5), 3),
        (horaire(6, 6, 0, 6, 6, 6), 3),
    ],
    ids=[
        "lundi-vendredi : samedi et dimanche",
        "mardi-samedi (commerce) : dimanche et lundi suivant",
        "repos mercredi et jeudi",
        "lundi-samedi : dimanche seul (la 4e semaine finit le vendredi 27)",
        "repos mercredi et dimanche, jamais deux de suite (sauf la 4e semaine)",
    ],
)
def test_two_consecutive_rest_days_every_week(
    semaine: tuple[int, ...], semaines_sans_repos: int
) -> None:
    constats = [c for c in verifier(convention(semaine=semaine)) if c.code == "MINEUR_REPOS"]
    assert [c.chiffres["semaines"] for c in constats] == (
        [semaines_sans_repos] if semaines_sans_repos else []
    )


def test_one_sunday_and_monday_cannot_excuse_two_weeks() -> None:
    # Six days on, Sunday 8 and Monday 9 March off, six days on: 12 days of work in 14.
    jours = [Jour(date(2026, 3, 2) + timedelta(days=i), h(5)) for i in range(6)]
    jours += [Jour(date(2026, 3, 10) + timedelta(days=i), h(5)) for i in range(6)]
    constat = seul(verifier(convention(), jours=jours), "MINEUR_REPOS")
    assert constat.chiffres == {"premiere_semaine": "2026-03-09", "jours_repos": 2, "semaines": 1}
    assert constat.message == (
        "La semaine du lundi 09/03/2026, le stagiaire mineur n'a pas 2 jours de repos "
        "consécutifs ; un mineur y a droit chaque semaine."
    )


def test_the_days_after_the_end_of_the_stage_are_rest() -> None:
    # Monday to Saturday, ending on Wednesday 11 March: only the first week lacks rest.
    c = convention((date(2026, 3, 2), date(2026, 3, 11)), horaire(5, 5, 5, 5, 5, 5))
    assert seul(verifier(c), "MINEUR_REPOS").chiffres["semaines"] == 1


# Sundays and public holidays ------------------------------------------------------------


def test_presence_on_public_holidays_needs_a_derogation() -> None:
    c = convention((date(2026, 5, 1), date(2026, 5, 31)), travail_feries=True)
    constat = seul(verifier(c), "MINEUR_DIMANCHE_FERIE")
    assert not constat.bloquant
    assert constat.chiffres == {"premier_jour": "2026-05-01", "jours": 4}  # 1, 8, 14, 25 May
    assert constat.message.startswith("Le stagiaire sera mineur le 01/05/2026 (Fête du Travail) et")
    assert constat.message.endswith("4 dimanches ou jours fériés sont concernés.")


def test_presence_on_sundays() -> None:
    c = convention(semaine=horaire(0, 0, 7, 7, 7, 7, 7), travail_dimanche=True)
    constat = seul(verifier(c), "MINEUR_DIMANCHE_FERIE")
    assert (constat.chiffres["premier_jour"], constat.chiffres["jours"]) == ("2026-03-08", 3)
    assert "(dimanche)" in constat.message


def test_a_holiday_not_worked_is_no_finding() -> None:
    c = convention((date(2026, 5, 1), date(2026, 5, 31)))  # holidays off by default
    assert "MINEUR_DIMANCHE_FERIE" not in codes(verifier(c))


# Properties -----------------------------------------------------------------------------

MINUTES = st.integers(0, 11 * 60)


@settings(max_examples=60)
@given(st.lists(MINUTES, min_size=1, max_size=70), st.integers(0, 2**32), st.booleans())
def test_findings_do_not_depend_on_the_order_of_the_days(
    minutes: list[int], graine: int, nuit: bool
) -> None:
    jours = [Jour(date(2026, 3, 1) + timedelta(days=i), m) for i, m in enumerate(minutes)]
    melanges = jours[:]
    random.Random(graine).shuffle(melanges)
    c = convention(travail_nuit=nuit)
    assert verifier(c, jours=jours) == verifier(c, jours=melanges)


@settings(max_examples=60)
@given(st.lists(MINUTES, min_size=1, max_size=70), st.integers(0, 69))
def test_nothing_is_reported_on_or_after_the_18th_birthday(
    minutes: list[int], decalage: int
) -> None:
    debut = date(2026, 3, 1)
    jours = [Jour(debut + timedelta(days=i), m) for i, m in enumerate(minutes)]
    anniversaire = debut + timedelta(days=decalage)
    etudiant = Etudiant(id="e1", date_naissance=anniversaire.replace(year=anniversaire.year - 18))
    for constat in verifier(convention(), etudiant, jours):
        premier = constat.chiffres.get("premier_jour") or constat.chiffres.get("premiere_semaine")
        assert isinstance(premier, str)
        assert date.fromisoformat(premier) <= anniversaire
        if constat.code in ("MINEUR_DUREE_JOUR", "MINEUR_DIMANCHE_FERIE"):
            assert date.fromisoformat(premier) < anniversaire
    assert lundi(anniversaire).weekday() == 0


@settings(max_examples=300, deadline=None)
@given(
    naissance=st.dates(date(1990, 1, 1), date(2015, 12, 31)),
    le=st.dates(date(2024, 1, 1), date(2034, 12, 31)),
)
def test_the_list_filter_and_the_student_page_agree_on_who_is_a_minor(
    naissance: date, le: date
) -> None:
    """The students' list filters on a birth date, the student's page and the PDF ask
    `est_mineur`: one rule, so a student born on 29 February is on the same side in both."""
    p = parametres()
    assert est_mineur(naissance, p, le=le) == (naissance > nes_apres_sont_mineurs(le, p))
    assert est_mineur(naissance, p, le=le) == (le < majeur_le(naissance, p, le=le))


def test_born_on_29_february_a_person_comes_of_age_on_1_march_in_a_common_year() -> None:
    p = parametres()
    assert est_mineur(date(2008, 2, 29), p, le=date(2026, 2, 28))
    assert not est_mineur(date(2008, 2, 29), p, le=date(2026, 3, 1))
    assert nes_apres_sont_mineurs(date(2028, 2, 29), p) == date(2010, 2, 28)
