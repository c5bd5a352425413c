"""The attestation of one period and the two minimum totals of a schedule."""

from datetime import date, timedelta
from decimal import Decimal

from regles.attestation import attestation_periode, gratification_versee
from regles.echeancier import echeancier
from regles.parametres import parametres
from regles.presence import Jour
from tests.regles.fabrique import convention, minimum_legal, par_mois

D = Decimal


def journees(debut: date, fin: date, minutes: int = 420) -> list[Jour]:
    """Every weekday from `debut` to `fin`, `minutes` of presence each."""
    jours, jour = [], debut
    while jour <= fin:
        if jour.weekday() < 5:
            jours.append(Jour(jour, minutes))
        jour += timedelta(days=1)
    return jours


def toujours(_: date) -> bool:
    return True


# Two periods in January 2026: 5 days, then 10 days; a third one alone in February (5 days).
PREMIERE = (date(2026, 1, 5), date(2026, 1, 9))
SECONDE = (date(2026, 1, 19), date(2026, 1, 30))
TROISIEME = (date(2026, 2, 2), date(2026, 2, 6))
JOURS = journees(*PREMIERE) + journees(*SECONDE) + journees(*TROISIEME)


def test_a_month_straddling_two_periods_is_shared_pro_rata_of_presence() -> None:
    c = convention("p", PREMIERE, SECONDE, TROISIEME, gratification=par_mois("600"))
    mois = echeancier(c, JOURS, obligatoire=toujours).mois
    # January pays 600 € for 15 days: 5 in the first period, 10 in the second.
    assert gratification_versee(JOURS, mois, debut=PREMIERE[0], fin=PREMIERE[1]) == D("200.00")
    assert gratification_versee(JOURS, mois, debut=SECONDE[0], fin=SECONDE[1]) == D("400.00")
    assert gratification_versee(JOURS, mois, debut=TROISIEME[0], fin=TROISIEME[1]) == D("600.00")


def test_shares_are_rounded_once_and_add_up_to_what_was_paid() -> None:
    c = convention("p", PREMIERE, SECONDE, gratification=par_mois("100"))
    jours = journees(*PREMIERE) + journees(*SECONDE)
    mois = echeancier(c, jours, obligatoire=toujours).mois
    # 100 € × 5/15 = 33,333… and 100 € × 10/15 = 66,666…: each rounded half-up to the cent.
    premiere = gratification_versee(jours, mois, debut=PREMIERE[0], fin=PREMIERE[1])
    seconde = gratification_versee(jours, mois, debut=SECONDE[0], fin=SECONDE[1])
    assert (premiere, seconde) == (D("33.33"), D("66.67"))
    assert premiere + seconde == D("100.00")


def test_the_attestation_of_a_period_counts_only_its_days() -> None:
    c = convention("p", PREMIERE, SECONDE, TROISIEME, gratification=par_mois("600"))
    mois = echeancier(c, JOURS, obligatoire=toujours).mois
    a = attestation_periode(JOURS, mois, debut=SECONDE[0], fin=SECONDE[1], p=parametres())
    assert (a.debut, a.fin) == SECONDE
    assert a.minutes == 10 * 420
    assert a.jours == D("10.00")
    assert a.gratification == D("400.00")


def test_minimum_due_counts_only_the_mandatory_months() -> None:
    """Two totals, two names: the minimum at the rate for every month (the screen's column)
    and the minimum actually due (the convention's PDF)."""
    c = convention("p", PREMIERE, SECONDE, TROISIEME, gratification=minimum_legal())
    plan = echeancier(c, JOURS, obligatoire=lambda mois: mois.month == 2)
    janvier, fevrier = plan.mois
    assert plan.minimum_reel_total == janvier.minimum_reel + fevrier.minimum_reel
    assert plan.minimum_du_total == fevrier.minimum_reel
    assert plan.minimum_du_total < plan.minimum_reel_total
