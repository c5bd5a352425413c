"""School years and the start of training: one rule, read where the setting says."""

from dataclasses import replace
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from regles.parametres import Parametres, parametres
from regles.presence import annee_scolaire_du, bornes_annee_scolaire, rentree


def _rentree_changee(le: date, debut_mm_jj: str) -> Parametres:
    """The parameters where the school year starts on `debut_mm_jj` from `le` on."""
    p = parametres()
    avant = p["reglages.annee_scolaire_debut"]
    nouveau = replace(
        avant, dates=(*avant.dates, le), valeurs=(*avant.valeurs, debut_mm_jj), _memo={}
    )
    return Parametres({**p, nouveau.nom: nouveau})


def test_a_cohort_starts_its_training_on_the_school_years_first_day() -> None:
    assert rentree(2025, parametres()) == date(2025, 9, 1)
    assert bornes_annee_scolaire(2025, parametres()) == (date(2025, 9, 1), date(2026, 8, 31))


def test_a_setting_changed_during_the_summer_moves_that_years_start() -> None:
    """The setting is read at the end of the year it starts: a change on 1 July is seen."""
    p = _rentree_changee(date(2027, 7, 1), "08-15")
    assert rentree(2027, p) == date(2027, 8, 15)
    assert bornes_annee_scolaire(2026, p) == (date(2026, 9, 1), date(2027, 8, 14))


@given(st.dates(date(2015, 1, 1), date(2040, 12, 31)))
def test_every_day_falls_in_the_school_year_whose_bounds_hold_it(jour: date) -> None:
    p = parametres()
    debut, fin = bornes_annee_scolaire(annee_scolaire_du(jour, p), p)
    assert debut <= jour <= fin
