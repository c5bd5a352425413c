"""The questionnaire editor (administrators): the three forms, each in its published
version, frozen; « Modifier » opens a draft (a copy) where questions are switched on or off,
changed, moved, added or removed; « Publier » makes it the version asked from then on.
Evaluations already asked keep their own version. Server-rendered, one POST per action."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from comptes.acces import role_requis
from comptes.models import Role
from core.forms import reporter_erreurs
from evaluations import selectors, services
from evaluations.forms import QuestionForm, ReglagesForm
from evaluations.models import Question, TypeQuestionnaire

administrateurs = role_requis(Role.ADMINISTRATEUR)


def _type(type_: str) -> str:
    if type_ not in TypeQuestionnaire.values:
        raise Http404("Ce formulaire n'existe pas.")
    return type_


@administrateurs
def liste(request: HttpRequest) -> HttpResponse:
    formulaires = [
        (t, selectors.version_publiee(t.value), selectors.brouillon(t.value))
        for t in TypeQuestionnaire
    ]
    reglages = selectors.reglages()
    form = ReglagesForm(initial={"pdf_tuteur_pour_etudiant": reglages.pdf_tuteur_pour_etudiant})
    return render(
        request, "evaluations/questionnaires.html", {"formulaires": formulaires, "form": form}
    )


@require_POST
@administrateurs
def reglages(request: HttpRequest) -> HttpResponse:
    form = ReglagesForm(request.POST)
    form.is_valid()
    services.reglages_modifier(
        pdf_tuteur_pour_etudiant=form.cleaned_data.get("pdf_tuteur_pour_etudiant", False),
        le=timezone.now(),
    )
    messages.success(request, "Les réglages des évaluations sont enregistrés.")
    return redirect("evaluations:questionnaires")


def _editeur(
    request: HttpRequest, type_: str, ajout: QuestionForm | None = None, status: int = 200
) -> HttpResponse:
    brouillon = selectors.brouillon(type_)
    affichee = brouillon or selectors.version_publiee(type_)
    questions = []
    if affichee is not None:
        for q in affichee.questions.all():
            questions.append(
                (
                    q,
                    QuestionForm(
                        prefix=f"q{q.pk}",
                        modification=True,
                        initial={
                            "libelle": q.libelle,
                            "aide": q.aide,
                            "rubrique": q.rubrique,
                            "choix": "\n".join(q.choix),
                            "obligatoire": q.obligatoire,
                            "active": q.active,
                            "fiche_organisme": q.fiche_organisme,
                        },
                    )
                    if brouillon
                    else None,
                )
            )
    return render(
        request,
        "evaluations/questionnaire.html",
        {
            "type": TypeQuestionnaire(type_),
            "questionnaire": affichee,
            "brouillon": brouillon,
            "publiee": selectors.version_publiee(type_),
            "questions": questions,
            "ajout": ajout or QuestionForm(prefix="nouvelle"),
        },
        status=status,
    )


@administrateurs
def editeur(request: HttpRequest, type_: str) -> HttpResponse:
    return _editeur(request, _type(type_))


@require_POST
@administrateurs
def modifier(request: HttpRequest, type_: str) -> HttpResponse:
    """Open the draft (a copy of the published version)."""
    services.brouillon_ouvrir(type_=_type(type_), le=timezone.now(), auteur=request.user)  # type: ignore[arg-type]
    return redirect("evaluations:questionnaire", type_=type_)


@require_POST
@administrateurs
def publier(request: HttpRequest, type_: str) -> HttpResponse:
    brouillon = selectors.brouillon(_type(type_))
    if brouillon is None:
        return redirect("evaluations:questionnaire", type_=type_)
    try:
        publiee = services.brouillon_publier(questionnaire=brouillon, le=timezone.now())
    except ValidationError as refus:
        messages.error(request, " ".join(refus.messages))
    else:
        messages.success(
            request,
            f"La version {publiee.version} est publiée : elle sera demandée désormais ; les "
            "évaluations déjà demandées gardent leur version.",
        )
    return redirect("evaluations:questionnaire", type_=type_)


@require_POST
@administrateurs
def abandonner(request: HttpRequest, type_: str) -> HttpResponse:
    brouillon = selectors.brouillon(_type(type_))
    if brouillon is not None:
        services.brouillon_abandonner(questionnaire=brouillon)
        messages.success(request, "Les modifications en cours sont abandonnées.")
    return redirect("evaluations:questionnaire", type_=type_)


@require_POST
@administrateurs
def ajouter(request: HttpRequest, type_: str) -> HttpResponse:
    brouillon = selectors.brouillon(_type(type_))
    if brouillon is None:
        raise Http404("Ouvrez d'abord une nouvelle version.")
    form = QuestionForm(request.POST, prefix="nouvelle")
    if form.is_valid():
        try:
            services.question_ajouter(questionnaire=brouillon, donnees=form.cleaned_data)
        except ValidationError as refus:
            reporter_erreurs(form, refus)
        else:
            messages.success(request, "La question est ajoutée à la fin du formulaire.")
            return redirect("evaluations:questionnaire", type_=type_)
    return _editeur(request, type_, ajout=form, status=400)


@require_POST
@administrateurs
def question(request: HttpRequest, pk: int) -> HttpResponse:
    """One action on a question of a draft: enregistrer, monter, descendre, supprimer."""
    q = get_object_or_404(
        Question.objects.select_related("questionnaire"),
        pk=pk,
        questionnaire__publie_le__isnull=True,
    )
    type_ = q.questionnaire.type
    action = request.POST.get("action", "")
    if action in ("monter", "descendre"):
        services.question_deplacer(question=q, sens=-1 if action == "monter" else 1)
    elif action == "supprimer":
        services.question_supprimer(question=q)
        messages.success(request, "La question est retirée de cette version.")
    else:
        form = QuestionForm(request.POST, prefix=f"q{q.pk}", modification=True)
        if not form.is_valid():
            messages.error(
                request,
                "Question non enregistrée : "
                + " ".join(e for erreurs in form.errors.values() for e in erreurs),
            )
        else:
            try:
                services.question_modifier(question=q, donnees=form.cleaned_data)
            except ValidationError as refus:
                messages.error(request, "Question non enregistrée : " + " ".join(refus.messages))
            else:
                messages.success(request, "La question est enregistrée.")
    return redirect(reverse("evaluations:questionnaire", args=[type_]) + f"#question-{q.pk}")
