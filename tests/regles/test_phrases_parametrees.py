"""The findings' sentences say the figures of the parameters in force, not the ones of the
day they were written: change a parameter and the sentence follows."""

from dataclasses import replace
from datetime import date

from regles.evaluation import Situation, evaluer
from regles.modele import Convention
from regles.parametres import Parametres, parametres
from tests.regles.test_evaluation import pointee

P = parametres()


def avec(nom: str, valeur: int) -> Parametres:
    modifie = replace(P[nom], dates=(date(2000, 1, 1),), valeurs=(valeur,))
    return Parametres({**{n: P[n] for n in P}, nom: modifie})


def message(code: str, p: Parametres, *conventions: Convention) -> str:
    evaluation = evaluer(Situation(list(conventions)), p=p)
    return next(c.message for c in evaluation.constats if c.code == code)


def test_unknown_headcount_says_the_smallest_quota_in_force() -> None:
    c = pointee("q", date(2026, 3, 2), 35)
    assert "au plus bas, 3 stagiaires par semaine." in message("EFFECTIF_INCONNU", P, c)
    p = avec("quota.plafond_petit_organisme", 4)
    assert "au plus bas, 4 stagiaires par semaine." in message("EFFECTIF_INCONNU", p, c)


def test_the_maximum_duration_says_its_months_in_force() -> None:
    a = pointee("a", date(2025, 9, 1), 900, par_jour=8)
    b = pointee("b", date(2026, 6, 1), 35)
    assert "au plus 924 h (6 mois) par organisme" in message("DUREE_MAXIMALE", P, a, b)
    p = avec("stage.duree_maximale_mois", 5)
    assert "au plus 770 h (5 mois) par organisme" in message("DUREE_MAXIMALE", p, a, b)
