"""The answer page shared by the tutor (space link), the student (« Mon stage ») and the
staff (the référent's own form, or a paper form typed): the same form, the same checks.
What was typed comes back with its errors (nothing lost); a saved answer can be changed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from comptes.models import Utilisateur
from core.forms import reporter_erreurs
from evaluations import services
from evaluations.models import Evaluation
from evaluations.reponses import FormulaireReponses, initiales


def page(
    request: HttpRequest,
    *,
    evaluation: Evaluation | None,
    questionnaire: Any,
    obtenir: Callable[[], Evaluation],
    par: str,
    contexte: dict[str, Any],
    apres: Callable[[Evaluation], HttpResponse],
    saisie_par: Utilisateur | None = None,
) -> HttpResponse:
    """GET: the form (prefilled with a saved answer); POST: checked, then stored by the
    service and `apres` answers; else the same form with its French errors (400)."""
    questions = list(questionnaire.questions.all())
    status = 200
    if request.method == "POST":
        form = FormulaireReponses(request.POST, questions=questions)
        if form.is_valid():
            try:
                cible = evaluation or obtenir()
                enregistree = services.evaluation_enregistrer(
                    evaluation=cible,
                    reponses=form.reponses(),
                    le=timezone.now(),
                    par=par,
                    saisie_par=saisie_par,
                )
            except ValidationError as refus:
                reporter_erreurs(form, refus)
            else:
                return apres(enregistree)
        status = 400
    else:
        form = FormulaireReponses(
            questions=questions,
            initial=initiales(questions, evaluation.reponses) if evaluation else None,
        )
    return render(
        request,
        "evaluations/remplir.html",
        {"form": form, "evaluation": evaluation, "questionnaire": questionnaire, **contexte},
        status=status,
    )
