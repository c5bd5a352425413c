"""URL arguments for the access table (tests/acces/matrice.py): a form's version, a period
of a stage over, an evaluation of another student, a tutor's link and their evaluation."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def version() -> Mapping[str, Any]:
    from evaluations import selectors, services

    services.questionnaires_par_defaut(le=_maintenant())
    publiee = selectors.version_publiee("tuteur")
    assert publiee is not None
    return {"pk": publiee.pk}


def question_publiee() -> Mapping[str, Any]:
    """A question of a published version: no action changes it (not found)."""
    from evaluations.models import Question

    pk = version()["pk"]
    question = Question.objects.filter(questionnaire_id=pk).first()
    assert question is not None
    return {"pk": question.pk}


def _maintenant() -> Any:
    from django.utils import timezone

    return timezone.now()


def saisie() -> Mapping[str, Any]:
    """A stage over of a student the persona teacher does not follow."""
    from tests.evaluations import outils

    c = outils.stage_termine()
    return {"pk": c.pk, "periode": c.periodes.get().pk, "type_": "referent"}


def evaluation_d_un_autre() -> Mapping[str, Any]:
    """Another student's evaluation: the persona student (no record) does not find it."""
    from tests.evaluations import outils

    return {"pk": outils.evaluation(outils.stage_termine(), "etudiant").pk}


def evaluation_tuteur_d_un_autre() -> Mapping[str, Any]:
    from tests.evaluations import outils

    return {"pk": outils.evaluation(outils.stage_termine()).pk}


def espace() -> Mapping[str, Any]:
    """A tutor's link and their evaluation to fill."""
    from tests.evaluations import outils

    c = outils.stage_termine()
    return {"jeton": outils.jeton_tuteur(c), "pk": outils.evaluation(c).pk}
