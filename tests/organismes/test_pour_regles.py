"""The engine's view of hosts, built in a constant number of queries."""

from datetime import date
from decimal import Decimal

from pytest_django import DjangoAssertNumQueries

from organismes import services
from organismes.models import OrganismeAccueil
from organismes.selectors import mois_sans_effectif, organisme_pour_regles, organismes_pour_regles
from regles.modele import Organisme, Periode
from tests import fabriques


def _organisme_complet(siren: str | None = None) -> OrganismeAccueil:
    organisme = fabriques.organisme(
        siren=siren,
        effectifs={date(2026, 1, 1): 19, date(2026, 2, 1): 22},
        taux_atmp=Decimal("0.0150"),
    )
    services.autres_stagiaires_declarer(organisme=organisme, semaine=date(2026, 3, 9), nombre=2)
    services.fermeture_ajouter(
        organisme=organisme, debut=date(2026, 8, 3), fin=date(2026, 8, 21), libelle="Été"
    )
    services.fermeture_ajouter(
        organisme=organisme, debut=date(2025, 12, 24), fin=date(2026, 1, 2), libelle="Noël"
    )
    return organisme


def test_it_gives_the_engine_the_headcounts_interns_closures_and_rates(db: None) -> None:
    organisme = _organisme_complet(siren="552081317")
    assert organisme_pour_regles(organisme) == Organisme(
        siren="552081317",
        effectifs={date(2026, 1, 1): 19, date(2026, 2, 1): 22},
        autres_stagiaires={date(2026, 3, 9): 2},
        fermetures=(
            Periode(date(2025, 12, 24), date(2026, 1, 2)),
            Periode(date(2026, 8, 3), date(2026, 8, 21)),
        ),
        taux_atmp=Decimal("0.01500"),
        taux_versement_mobilite=Decimal(0),
    )


def test_it_leaves_the_atmp_rate_to_the_parameters_when_the_host_gives_none(db: None) -> None:
    organisme = fabriques.organisme(effectif=None)
    vue = organisme_pour_regles(organisme)
    assert vue.taux_atmp is None
    assert vue.effectifs == {}


def test_it_reads_one_host_in_three_queries(
    db: None, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    organisme = OrganismeAccueil.objects.get(pk=_organisme_complet().pk)
    with django_assert_num_queries(3):
        organisme_pour_regles(organisme)


def test_it_reads_many_hosts_in_four_queries_whatever_their_number(
    db: None, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    for _ in range(5):
        _organisme_complet()
    with django_assert_num_queries(4):
        vues = organismes_pour_regles(OrganismeAccueil.objects.all())
    assert len(vues) == 5
    assert all(len(v.effectifs) == 2 and len(v.fermetures) == 2 for v in vues)


def test_it_reads_hosts_already_loaded_in_three_queries(
    db: None, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    organismes = {_organisme_complet(), _organisme_complet()}
    with django_assert_num_queries(3):
        vues = organismes_pour_regles(organismes)
    assert {v.siren for v in vues} == {o.siren for o in organismes}


def test_it_lists_the_months_whose_headcount_is_missing(db: None) -> None:
    organisme = fabriques.organisme(effectifs={date(2026, 2, 1): 12})
    assert mois_sans_effectif(organisme, du=date(2026, 1, 15), au=date(2026, 4, 1)) == [
        date(2026, 1, 1),
        date(2026, 3, 1),
        date(2026, 4, 1),
    ]
