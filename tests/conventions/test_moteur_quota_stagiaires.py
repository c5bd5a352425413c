"""The bridge to the engine gives each convention its student's stable id, so the quota
counts interns, not conventions (L124-8; issue 9, point 14)."""

from datetime import date
from typing import Any

import pytest

from conventions.models import Statut
from conventions.moteur import evaluer_convention
from tests import fabriques

pytestmark = pytest.mark.django_db


def valider(convention: Any) -> None:
    type(convention).objects.filter(pk=convention.pk).update(statut=Statut.VALIDEE)


def test_one_students_two_conventions_in_a_week_are_one_intern_for_the_quota() -> None:
    """Headcount 12, quota 3: the student's convention A ends on Wednesday 4 March 2026 and
    B starts on Friday 6 March; two other students are there all that week."""
    org = fabriques.organisme(effectif=12)
    eleve = fabriques.etudiant()
    a = fabriques.convention(
        organisme_=org, etudiant_=eleve, periodes=[(date(2026, 2, 23), date(2026, 3, 4))]
    )
    autres = [
        fabriques.convention(organisme_=org, periodes=[(date(2026, 3, 2), date(2026, 3, 6))])
        for _ in range(2)
    ]
    for c in (a, *autres):
        valider(c)
    b = fabriques.convention(
        organisme_=org, etudiant_=eleve, periodes=[(date(2026, 3, 6), date(2026, 3, 20))]
    )
    verdict = evaluer_convention(b)
    semaine = verdict.evaluation.occupation.semaine(org.siren, date(2026, 3, 2))
    assert (semaine.total, semaine.quota, semaine.depasse) == (3, 3, False)
    codes = {k.code for r in verdict.evaluation.conventions.values() for k in r.constats}
    assert "QUOTA_DEPASSE" not in codes
