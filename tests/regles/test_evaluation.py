"""The whole evaluation: regles-stage.md §8 vectors G (threshold), L (six months), A
(attestation) and the back-pay of an extension, through `evaluer` as the web will call it."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from regles.evaluation import Situation, evaluer
from regles.modele import Convention, Initiative, Organisme, Periode, Pointage, Rupture
from tests.regles.fabrique import convention, heures, minimum_legal, par_mois

D = Decimal
AUCUN_JOUR = (0,) * 7


def pointee(
    id: str, debut: date, total: float | int, *, par_jour: float = 7, **autres: object
) -> Convention:
    """A convention whose log holds `total` hours in days of `par_jour` hours, Monday to
    Friday from `debut` (the last day takes the rest)."""
    restant, jour, pointages = heures(total), debut, []
    while restant > 0:
        if jour.weekday() < 5:
            minutes = min(heures(par_jour), restant)
            pointages.append(Pointage(jour, minutes))
            restant -= minutes
        jour += timedelta(days=1)
    return convention(
        id, (debut, pointages[-1].jour), horaire=AUCUN_JOUR, pointages=tuple(pointages), **autres
    )  # type: ignore[arg-type]


def constats(situation: Situation, convention_id: str) -> set[str]:
    return {c.code for c in evaluer(situation).conventions[convention_id].constats}


def obligatoire(situation: Situation) -> list[bool]:
    return [c.obligatoire for c in evaluer(situation).cumuls]


@pytest.mark.parametrize(
    ("conventions", "attendu"),
    [
        ([pointee("g1", date(2026, 1, 5), 280)], [False]),
        ([pointee("g2", date(2026, 1, 5), 308)], [False]),
        ([pointee("g3", date(2026, 1, 5), "308.5")], [True]),
        ([pointee("g5", date(2026, 1, 5), 312, par_jour="7.8")], [True]),
        ([pointee("g6a", date(2026, 1, 5), 150), pointee("g6b", date(2026, 5, 4), 150)], [False]),
        (
            [
                pointee("g8a", date(2026, 1, 5), 200, siren="111111111"),
                pointee("g8b", date(2026, 5, 4), 200, siren="222222222"),
            ],
            [False, False],
        ),
        (
            [pointee("g9a", date(2026, 1, 5), 280), pointee("g9b", date(2026, 11, 2), 280)],
            [False, False],
        ),
    ],
    ids=[
        "G1 280 h: not above 308 h",
        "G2 308 h exactly: from the 309th hour only",
        "G3 308,5 h: any fraction above 308 h crosses",
        "G5 8 weeks of 39 h = 312 h: hours count, not days",
        "G6 150 h + 150 h at one host: 300 h, not mandatory",
        "G8 200 h at A + 200 h at B: hosts never add up",
        "G9 280 h in 2025-26 + 280 h in 2026-27: years never add up",
    ],
)
def test_g_gratification_threshold(conventions: list[Convention], attendu: list[bool]) -> None:
    assert obligatoire(Situation(conventions)) == attendu


def test_g4_mandatory_minimum_on_all_309_hours_from_the_first() -> None:
    """G4: 309 h in 2026 → 309 × 4,50 = 1 390,50; the 309th hour falls on the 45th day."""
    c = pointee("g4", date(2026, 1, 5), 309, gratification=par_mois("0.01"))
    evaluation = evaluer(Situation([c]))
    assert evaluation.conventions["g4"].echeancier.minimum_reel_total == D("1390.50")
    assert evaluation.cumuls[0].jour_franchissement == c.pointages[44].jour
    assert {"GRAT_OBLIGATOIRE", "GRAT_INSUFFISANTE"} <= constats(Situation([c]), "g4")


def test_an_extension_crossing_308_hours_makes_the_first_convention_owe_back_pay() -> None:
    """L124-6: due from the first hour; 150 h in March + 200 h in July at the same host."""
    mars = pointee("mars", date(2026, 3, 2), 150)
    juillet = pointee("juillet", date(2026, 7, 6), 200)
    evaluation = evaluer(Situation([mars, juillet]))
    rappel = next(c for c in evaluation.conventions["mars"].constats if c.code == "GRAT_RAPPEL")
    assert rappel.chiffres["rappel"] == "675.00"  # 150 h × 4,50
    assert rappel.bloquant
    assert "675,00 €" in rappel.message


def test_the_minimum_paid_by_a_convention_raises_no_shortfall() -> None:
    c = pointee("ok", date(2026, 1, 5), 350, gratification=minimum_legal())
    codes = constats(Situation([c]), "ok")
    assert (
        "GRAT_OBLIGATOIRE" in codes
        and "GRAT_INSUFFISANTE" not in codes
        and "GRAT_RAPPEL" not in codes
    )


@pytest.mark.parametrize(
    ("deja", "nouvelle", "refuse"),
    [(889, 35, False), (900, 35, True)],
    ids=["L1 924 h in all: allowed (= six months)", "L2 900 h + 35 h = 935 h: refused"],
)
def test_l_six_months_per_host_and_school_year(deja: int, nouvelle: int, refuse: bool) -> None:
    a = pointee("a", date(2025, 9, 1), deja, par_jour=8)
    b = pointee("b", date(2026, 6, 1), nouvelle)
    assert ("DUREE_MAXIMALE" in constats(Situation([a, b]), "b")) is refuse


def test_a2_attestation_of_280_hours_without_gratification() -> None:
    """A2: 280 h → 40 days, 1,82 months; gratification « néant »."""
    c = pointee("a2", date(2026, 1, 5), 280)
    figures = evaluer(Situation([c])).conventions["a2"].attestation.en_dict()
    assert (
        figures["heures"],
        figures["jours"],
        figures["mois"],
        figures["gratification_texte"],
    ) == ("280", "40.00", "1.82", "néant")
    assert figures["complete"] is True


def test_q1_the_quota_finding_names_the_week_and_the_figures() -> None:
    organisme = Organisme("1", effectifs={date(2026, 2, 1): 12})
    existantes = [
        convention(f"c{i}", (date(2026, 2, 23), date(2026, 3, 3)), siren="1", etudiant=f"e{i}")
        for i in range(3)
    ]
    nouvelle = convention("n", (date(2026, 3, 5), date(2026, 3, 20)), siren="1", etudiant="en")
    evaluation = evaluer(Situation([*existantes, nouvelle], organismes={"1": organisme}))
    quota = next(c for c in evaluation.conventions["n"].constats if c.code == "QUOTA_DEPASSE")
    assert quota.bloquant
    assert quota.message.startswith("Semaine du 02/03/2026 : 4 stagiaires")
    assert quota.chiffres["quota"] == 3
    assert quota.regle.article.startswith("C. éduc. L124-8")


def test_an_early_end_cuts_the_schedule() -> None:
    c = convention(
        "r",
        (date(2026, 3, 2), date(2026, 3, 27)),
        rupture=Rupture(date(2026, 3, 13), Initiative.STAGIAIRE),
    )
    assert evaluer(Situation([c])).conventions["r"].attestation.minutes == heures(70)


def test_host_closures_and_public_holidays_are_not_planned() -> None:
    """H3 with a host closure on the Friday after Ascension (the "pont")."""
    c = convention("h", (date(2026, 5, 1), date(2026, 5, 31)))
    organisme = Organisme("123456789", fermetures=(Periode(date(2026, 5, 15), date(2026, 5, 15)),))
    assert evaluer(Situation([c])).conventions["h"].attestation.minutes == heures(119)
    assert evaluer(Situation([c], organismes={"123456789": organisme})).conventions[
        "h"
    ].attestation.minutes == heures(112)


def test_the_log_is_the_record_up_to_its_last_day_then_the_plan_stands_in() -> None:
    """L124-14: 2–27 Mar 2026 planned at 7 h a day; the host logged 2, 3 and 5 March only.
    4 March (not logged, before the last logged day) had no presence; from 6 March the plan
    counts: 3 × 7 h + 16 planned days × 7 h = 133 h (19 days, not the 20 planned)."""
    c = convention(
        "log",
        (date(2026, 3, 2), date(2026, 3, 27)),
        pointages=tuple(Pointage(date(2026, 3, d), heures(7)) for d in (2, 3, 5)),
    )
    resultat = evaluer(Situation([c])).conventions["log"]
    assert resultat.attestation.minutes == heures(133)
    assert date(2026, 3, 4) not in {j.jour for j in resultat.jours}
    assert resultat.en_dict()["jours_pointes"] == 3
