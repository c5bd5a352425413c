"""Each rule applies from its own date (issue 9, point 13): before the first value of a
parameter it reads, the evaluation gives a finding naming the rule and the date, never a
traceback, and the other rules still run."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from regles.__main__ import main
from regles.constats import Severite
from regles.evaluation import Situation, evaluer
from regles.modele import Organisme, Pointage
from regles.parametres import Parametres, parametres
from tests.regles.fabrique import convention, par_heure

NON_VERIFIE = {"REGLE_NON_APPLICABLE", "PARAMETRE_ABSENT"}


def _constats(situation: Situation, id_: str = "c1") -> dict[str, list[str]]:
    resultat = evaluer(situation).conventions[id_]
    par_code: dict[str, list[str]] = {}
    for c in resultat.constats:
        par_code.setdefault(c.code, []).append(c.message)
    return par_code


def test_a_stage_before_september_2018_has_no_weeks_on_its_attestation_but_every_check() -> None:
    """March 2017: the days-per-week setting starts on 1 September 2018 (it crashed)."""
    c = convention("c1", (date(2017, 3, 6), date(2017, 3, 31)))
    resultat = evaluer(Situation([c], zone="A")).conventions["c1"]
    assert resultat.attestation.semaines is None and resultat.attestation.jours == Decimal(20)
    absents = [k for k in resultat.constats if k.code == "PARAMETRE_ABSENT"]
    assert len(absents) == 1 and absents[0].severite is Severite.INFO
    assert "Durée en semaines sur l'attestation : règle non applicable à cette date" in (
        absents[0].message
    )
    assert "à partir du 01/09/2018" in absents[0].message
    # The other rules of 2017 still judge the stage.
    assert "GRAT_FACULTATIVE" in {k.code for k in resultat.constats}


def test_a_quota_week_before_the_rules_date_is_reported_not_judged() -> None:
    """The quota of R124-10 starts on 28 October 2015: a stage in early October 2015 gets a
    blocking finding that says the quota could not be checked that week, and no verdict."""
    conventions = [
        convention(f"c{i}", (date(2015, 10, 5), date(2015, 11, 6)), etudiant=f"e{i}")
        for i in range(1, 6)
    ]
    organisme = Organisme("123456789", effectifs={date(2015, 9, 1): 10})
    constats = _constats(Situation(conventions, {"123456789": organisme}, zone="A"))
    assert constats["QUOTA_DEPASSE"][0].startswith("Semaine du 02/11/2015")  # judged...
    [message] = [
        m
        for m in constats["REGLE_NON_APPLICABLE"]
        if m.startswith("Plafond de stagiaires par semaine")
    ]
    # ...from the rule on; the weeks up to that of 26 October (a Monday before the 28th)
    # are reported, not judged. The week of 2 November: 5 interns for 3.
    assert "semaine du 05/10/2015, 4 semaines concernées" in message
    assert "à partir du 28/10/2015" in message
    evaluation = evaluer(Situation(conventions, {"123456789": organisme}, zone="A"))
    jugee = evaluation.occupation.semaine("123456789", date(2015, 11, 2))
    assert (jugee.applicable, jugee.total, jugee.quota, jugee.depasse) == (True, 5, 3, True)


def test_contributions_of_2022_compute_with_that_years_rates() -> None:
    """March 2022: the contribution rates go back to 2015, the months are costed."""
    c = convention("c1", (date(2022, 3, 7), date(2022, 6, 24)), gratification=par_heure("10"))
    resultat = evaluer(Situation([c], zone="A")).conventions["c1"]
    assert resultat.echeancier.excedent_total > 0
    assert all(m.cotisations_organisme > 0 for m in resultat.echeancier.mois if m.excedent)
    assert not NON_VERIFIE & {k.code for k in resultat.constats}


def test_contributions_before_a_rates_first_date_are_reported_missing_not_a_crash() -> None:
    """A rate whose first value is in 2023 (as they all were before 2015 was filled in): the
    schedule is computed and the contributions of March 2022 are said to be missing."""
    p = parametres()
    csa = p["cotisations.organisme.csa"]
    debut = date(2023, 1, 1)
    tronque = replace(csa, dates=(debut,), valeurs=(csa.valeur(debut),), _memo={})
    p = Parametres({**{nom: p[nom] for nom in p}, csa.nom: tronque})
    c = convention("c1", (date(2022, 3, 7), date(2022, 6, 24)), gratification=par_heure("10"))
    resultat = evaluer(Situation([c], zone="A"), p=p).conventions["c1"]
    assert resultat.echeancier.excedent_total > 0
    assert all(m.cotisations_organisme == 0 for m in resultat.echeancier.mois)
    [cotisations] = [
        k for k in resultat.constats if str(k.chiffres.get("regle")).startswith("Cotisations")
    ]
    assert cotisations.code == "PARAMETRE_ABSENT" and "03/2022, 04/2022" in cotisations.message
    assert "à partir du 01/01/2023" in cotisations.message


def test_a_stage_before_the_2014_law_is_one_blocking_finding() -> None:
    """2010: the hour thresholds of D124-6 (2014) are not in the parameters; nothing is
    judged, and the finding says so with the stage's dates."""
    c = convention("c1", (date(2010, 3, 1), date(2010, 3, 26)))
    resultat = evaluer(Situation([c])).conventions["c1"]
    [k] = resultat.constats
    assert (k.code, k.severite) == ("REGLE_NON_APPLICABLE", Severite.BLOQUANT)
    assert "stage du 01/03/2010 au 26/03/2010" in k.message
    assert "rien n'a été vérifié" in k.message
    assert resultat.jours == [] and resultat.echeancier.mois == ()


def test_a_later_stage_of_the_same_situation_is_still_fully_judged() -> None:
    ancien = convention("ancien", (date(2010, 3, 1), date(2010, 3, 26)))
    recent = convention("recent", (date(2026, 3, 2), date(2026, 3, 27)))
    evaluation = evaluer(Situation([ancien, recent]))
    assert not NON_VERIFIE & {k.code for k in evaluation.conventions["recent"].constats}
    assert evaluation.conventions["recent"].attestation.semaines == Decimal(4)


@pytest.mark.parametrize("annee", [1900, 1960, 2008, 2014, 2015, 2016, 2018, 2022, 2100])
def test_python_m_regles_evaluates_any_year_without_a_traceback(annee: int) -> None:
    situation = {
        "conventions": [
            {
                "id": "c",
                "etudiant": "e",
                "siren": "1",
                "tuteur": "t",
                "poste": "vente",
                "periodes": [{"debut": f"{annee}-02-01", "fin": f"{annee}-08-31"}],
                "horaire": [7, 7, 7, 7, 7, 0, 0],
                "gratification": {"mode": "horaire", "montant": "12"},
            }
        ],
        "organismes": [{"siren": "1", "effectifs": {f"{annee}-01": 30}}],
        "etudiants": [{"id": "e", "date_naissance": f"{annee - 17}-06-01"}] if annee > 1917 else [],
    }
    sortie = io.StringIO()
    assert main(["evaluer", "-"], stdin=io.StringIO(json.dumps(situation)), stdout=sortie) == 0
    assert json.loads(sortie.getvalue())["conventions"][0]["id"] == "c"


def test_a_log_day_before_the_law_puts_the_convention_out_of_the_engines_reach() -> None:
    """Found by fuzzing: a 2016 convention whose log holds a day of 2008 crashed on the
    thresholds of that day; it now gets the one finding."""
    c = convention(
        "c1",
        (date(2016, 1, 4), date(2016, 1, 29)),
        pointages=(Pointage(date(2008, 1, 1), 60),),
    )
    [k] = evaluer(Situation([c], zone="A")).conventions["c1"].constats
    assert k.code == "REGLE_NON_APPLICABLE" and "à partir du 01/12/2014" in k.message


def test_a_signature_before_the_minimum_rate_is_named_in_the_finding() -> None:
    c = convention("c1", (date(2026, 3, 2), date(2026, 3, 27)), date_signature=date(2005, 1, 3))
    [k] = evaluer(Situation([c])).conventions["c1"].constats
    assert k.code == "REGLE_NON_APPLICABLE" and "signé le 03/01/2005" in k.message


def test_an_intern_out_of_the_engines_reach_still_counts_for_the_quota() -> None:
    """A convention signed on an impossible date (2005, before the minimum rate) is not
    judged, but its intern is at the host: with headcount 12, four interns exceed 3."""
    hors = convention(
        "hors", (date(2026, 3, 2), date(2026, 3, 6)), date_signature=date(2005, 1, 3), etudiant="h"
    )
    autres = [
        convention(f"c{i}", (date(2026, 3, 2), date(2026, 3, 6)), etudiant=f"e{i}")
        for i in range(3)
    ]
    organisme = Organisme("123456789", effectifs={date(2026, 2, 1): 12})
    constats = _constats(Situation([hors, *autres], {"123456789": organisme}), "c0")
    assert "QUOTA_DEPASSE" in constats
