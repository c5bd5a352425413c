"""The staff's side of a convention's evaluations: the référent fills their own, a member
of staff types a paper form (the evaluation then says who typed it and when), a blank form
is printed. Who may: an administrator, or the teacher who follows the student
(conventions.acces.peut_modifier), as for the convention's other changes."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from comptes.acces import personnel_requis
from comptes.models import Utilisateur
from conventions.acces import peut_modifier
from conventions.models import PeriodeConvention
from evaluations import selectors, services
from evaluations.models import Evaluation, Questionnaire, Source, TypeQuestionnaire
from evaluations.views import formulaire, pdf


@personnel_requis
def saisir(request: HttpRequest, pk: int, periode: int, type_: str) -> HttpResponse:
    if type_ not in TypeQuestionnaire.values:
        raise Http404("Ce formulaire n'existe pas.")
    p = get_object_or_404(
        PeriodeConvention.objects.select_related(
            "convention__etudiant", "convention__etablissement_accueil__organisme"
        ),
        pk=periode,
        convention_id=pk,
    )
    c = p.convention
    if not peut_modifier(request.user, c.etudiant):
        raise PermissionDenied
    assert isinstance(request.user, Utilisateur)
    ev = Evaluation.objects.filter(periode=p, type=type_).first()
    questionnaire = ev.questionnaire if ev else selectors.version_publiee(type_)
    if questionnaire is None:
        raise Http404("Aucune version publiée de ce formulaire.")
    papier = type_ != TypeQuestionnaire.REFERENT
    if papier and ev is not None and ev.remplie and ev.source == Source.LIEN:
        # What the tutor or the student answered online is theirs: never typed over.
        messages.error(
            request,
            f"Cette évaluation a été remplie en ligne par {ev.remplie_par} : elle ne se "
            "ressaisit pas.",
        )
        return redirect(reverse("conventions:detail", args=[c.pk]) + "#evaluations")
    qui = {
        TypeQuestionnaire.TUTEUR: str(c.tuteur or "le tuteur"),
        TypeQuestionnaire.ETUDIANT: f"{c.etudiant.prenom} {c.etudiant.nom}",
        TypeQuestionnaire.REFERENT: str(c.referent or request.user),
    }[TypeQuestionnaire(type_)]

    def apres(_: Evaluation) -> HttpResponse:
        messages.success(request, "L'évaluation est enregistrée.")
        return redirect(reverse("conventions:detail", args=[c.pk]) + "#evaluations")

    return formulaire.page(
        request,
        evaluation=ev,
        questionnaire=questionnaire,
        obtenir=lambda: services.evaluation_obtenir(periode=p, type_=type_),
        par=qui,
        saisie_par=request.user if papier else None,
        apres=apres,
        contexte={
            "sujet": f"{c.etudiant.prenom} {c.etudiant.nom} chez "
            f"{c.etablissement_accueil.organisme.raison_sociale}, du {p.debut:%d/%m/%Y} au "
            f"{p.fin:%d/%m/%Y} (convention n° {c.pk})",
            "papier": papier,
            "action": reverse("evaluations:saisir", args=[c.pk, p.pk, type_]),
            "retour": reverse("conventions:detail", args=[c.pk]),
            "retour_libelle": f"Convention n° {c.pk}",
            "vierge": reverse("evaluations:vierge", args=[questionnaire.pk]),
        },
    )


@personnel_requis
def vierge(request: HttpRequest, pk: int) -> HttpResponse:
    """The blank form of a version (a published one, or the draft being edited)."""
    return pdf.vierge(get_object_or_404(Questionnaire, pk=pk))
