"""The student's evaluations, from « Mon stage »: their evaluation of the stage and the host
(their own conventions only: another student's is not found), and the tutor's evaluation
of them as a PDF when the section allows it."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from comptes.acces import role_requis
from comptes.models import Role
from etablissement.views.mon_stage import etudiant_du_compte
from evaluations import selectors
from evaluations.models import Evaluation, TypeQuestionnaire
from evaluations.views import formulaire, pdf


def _mienne(request: HttpRequest, pk: int, type_: str) -> Evaluation:
    eleve = etudiant_du_compte(request)
    if eleve is None:
        raise Http404("Aucune fiche d'étudiant n'est reliée à votre compte.")
    return get_object_or_404(
        Evaluation.objects.select_related("convention__etudiant", "periode", "questionnaire"),
        pk=pk,
        type=type_,
        convention__etudiant=eleve,
    )


@role_requis(Role.ETUDIANT)
def remplir(request: HttpRequest, pk: int) -> HttpResponse:
    ev = _mienne(request, pk, TypeQuestionnaire.ETUDIANT)
    c = ev.convention

    def apres(_: Evaluation) -> HttpResponse:
        messages.success(request, "Merci : votre évaluation du stage est enregistrée.")
        return redirect(reverse("etablissement:mon_stage") + "#evaluations")

    return formulaire.page(
        request,
        evaluation=ev,
        questionnaire=ev.questionnaire,
        obtenir=lambda: ev,
        par=f"{c.etudiant.prenom} {c.etudiant.nom}",
        apres=apres,
        contexte={
            "sujet": f"Votre stage chez {c.etablissement_accueil.organisme.raison_sociale}, "
            f"du {ev.periode.debut:%d/%m/%Y} au {ev.periode.fin:%d/%m/%Y}",
            "action": reverse("evaluations:etudiant_remplir", args=[ev.pk]),
            "retour": reverse("etablissement:mon_stage"),
            "retour_libelle": "Mon stage",
        },
    )


@role_requis(Role.ETUDIANT)
def evaluation_tuteur(request: HttpRequest, pk: int) -> HttpResponse:
    """The tutor's evaluation of this student, answered, if the section gives it."""
    ev = _mienne(request, pk, TypeQuestionnaire.TUTEUR)
    if not selectors.reglages().pdf_tuteur_pour_etudiant or not ev.remplie:
        raise Http404("Cette évaluation n'est pas communiquée.")
    return pdf.remplie(ev)
