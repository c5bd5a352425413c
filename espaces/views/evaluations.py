"""« Évaluations à remplir » of a tutor's space: the evaluation of their intern at the end
of each period, filled without an account, or printed blank for paper. Only the tutor's
own evaluations (the conventions they tutor, espaces.selectors): another host's, or another
tutor's, is not found; an expired link gets the page that offers a new one (410)."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_GET

from espaces import selectors
from espaces.models import LienEspace, Qualite
from espaces.views.espace import _avec_lien
from evaluations.models import Evaluation, TypeQuestionnaire
from evaluations.views import formulaire, pdf


def evaluations_du_lien(lien: LienEspace) -> QuerySet[Evaluation]:
    """The tutor's evaluations; none for a signatory (the tutor evaluates the intern)."""
    if lien.qualite != Qualite.TUTEUR:
        return Evaluation.objects.none()
    return Evaluation.objects.filter(
        convention__in=selectors.conventions_du_lien(lien), type=TypeQuestionnaire.TUTEUR
    ).select_related("convention__etudiant", "periode", "questionnaire")


@_avec_lien
def remplir(request: HttpRequest, lien: LienEspace, jeton: str, pk: int) -> HttpResponse:
    ev = get_object_or_404(evaluations_du_lien(lien), pk=pk)
    c = ev.convention

    def apres(_: Evaluation) -> HttpResponse:
        messages.success(
            request, f"Merci : votre évaluation de {c.etudiant} est transmise à la section."
        )
        return redirect(reverse("espaces:espace", args=[jeton]) + "#evaluations")

    return formulaire.page(
        request,
        evaluation=ev,
        questionnaire=ev.questionnaire,
        obtenir=lambda: ev,
        par=lien.nom,
        apres=apres,
        contexte={
            "noindex": True,
            "sujet": f"{c.etudiant.prenom} {c.etudiant.nom}, stage du {ev.periode.debut:%d/%m/%Y} "
            f"au {ev.periode.fin:%d/%m/%Y}",
            "action": reverse("espaces:evaluation", args=[jeton, ev.pk]),
            "retour": reverse("espaces:espace", args=[jeton]) + "#evaluations",
            "retour_libelle": "Retour à votre espace",
            "vierge": reverse("espaces:evaluation_vierge", args=[jeton, ev.pk]),
        },
    )


@require_GET
@_avec_lien
def vierge(request: HttpRequest, lien: LienEspace, jeton: str, pk: int) -> HttpResponse:
    ev = get_object_or_404(evaluations_du_lien(lien), pk=pk)
    return pdf.vierge(ev.questionnaire, ev)
