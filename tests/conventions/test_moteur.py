"""The bridge to the engine reads a convention and its neighbours in a constant number of
queries, and compares it with exactly the conventions the law compares it with."""

from datetime import date
from typing import Any

import pytest

from comptes.models import Role, Utilisateur
from conventions.models import Statut
from conventions.moteur import evaluer_convention
from tests import fabriques

pytestmark = pytest.mark.django_db


def valider(convention: Any) -> None:
    # Straight to "validée": these tests are about reading, not the life cycle.
    type(convention).objects.filter(pk=convention.pk).update(statut=Statut.VALIDEE)


@pytest.mark.parametrize("autres", [1, 8])
def test_it_reads_a_convention_and_its_neighbours_in_constant_queries(
    autres: int, django_assert_num_queries: Any
) -> None:
    org = fabriques.organisme(effectif=200)
    for _ in range(autres):
        valider(fabriques.convention(organisme_=org))
    nouvelle = fabriques.convention(organisme_=org)
    # links and dates, host sites, neighbour ids, conventions + periods + exceptions + log,
    # the hosts' headcounts, other schools' interns and closures
    with django_assert_num_queries(10):
        verdict = evaluer_convention(nouvelle)
    assert len(verdict.evaluation.conventions) == autres + 1


def test_it_compares_with_the_hosts_students_and_tutors_conventions_in_force_only() -> None:
    org = fabriques.organisme(effectif=200)
    tuteur = fabriques.tuteur(organisme=org)
    eleve = fabriques.etudiant()
    meme_organisme = fabriques.convention(organisme_=org)
    meme_etudiant = fabriques.convention(
        etudiant_=eleve, periodes=[(date(2026, 5, 4), date(2026, 5, 29))]
    )
    ailleurs = fabriques.convention()
    brouillon = fabriques.convention(organisme_=org)
    trop_tot = fabriques.convention(
        organisme_=org, periodes=[(date(2023, 1, 2), date(2023, 1, 27))]
    )
    for c in (meme_organisme, meme_etudiant, ailleurs, trop_tot):
        valider(c)
    nouvelle = fabriques.convention(organisme_=org, etudiant_=eleve, tuteur_=tuteur)
    compares = set(evaluer_convention(nouvelle).evaluation.conventions)
    assert compares == {str(nouvelle.pk), str(meme_organisme.pk), str(meme_etudiant.pk)}
    assert str(brouillon.pk) not in compares


def test_a_convention_without_period_cannot_be_evaluated() -> None:
    admin = Utilisateur.objects.create_user("a@b.test", "x", role=Role.ADMINISTRATEUR)
    convention = fabriques.convention(auteur=admin)
    convention.periodes.all().delete()
    with pytest.raises(ValueError, match="aucune période"):
        evaluer_convention(convention)
