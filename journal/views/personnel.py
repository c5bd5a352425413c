"""The staff's view of a student's log (`/etudiants/<pk>/journal/`): the entries with their
countersignature, the coverage, and the référent's comment on each entry. Every member of
staff reads it; only the student's référent and the administrators comment
(conventions.acces: the same rule as for changing their conventions)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from comptes.acces import personnel_requis
from comptes.models import Utilisateur
from conventions.acces import exiger_modification, peut_modifier
from etablissement.models import Etudiant
from journal import selectors, services
from journal.forms import CommentaireForm
from journal.models import EntreeJournal


@personnel_requis
def etudiant(request: HttpRequest, pk: int) -> HttpResponse:
    eleve = get_object_or_404(Etudiant.objects.select_related("promotion", "referent"), pk=pk)
    commenter = peut_modifier(request.user, eleve)
    journaux = selectors.par_convention_et_semaine(eleve)
    for e in (e for j in journaux for s in j.semaines for e in s.entrees):
        # The référent's form under each entry (none for a colleague who only reads).
        e.formulaire_commentaire = (  # type: ignore[attr-defined]
            CommentaireForm(prefix=f"e{e.pk}", initial={"commentaire": e.commentaire_referent})
            if commenter
            else None
        )
    return render(
        request,
        "journal/etudiant.html",
        {
            "etudiant": eleve,
            "journaux": journaux,
            "commenter": commenter,
            "couverture": selectors.couverture_de(eleve, aujourdhui=timezone.localdate()),
            "personnel": True,
        },
    )


@personnel_requis
@require_POST
def commenter(request: HttpRequest, pk: int) -> HttpResponse:
    entree = get_object_or_404(
        EntreeJournal.objects.select_related("convention__etudiant__referent"), pk=pk
    )
    eleve = entree.convention.etudiant
    exiger_modification(request.user, eleve)
    form = CommentaireForm(request.POST, prefix=f"e{entree.pk}")
    cible = reverse("journal:etudiant", args=[eleve.pk]) + f"#entree-{entree.pk}"
    if not form.is_valid():
        messages.error(
            request, " ".join(str(e) for erreurs in form.errors.values() for e in erreurs)
        )
        return redirect(cible)
    if not isinstance(request.user, Utilisateur):  # personnel_requis let a user in
        raise Http404
    try:
        services.commenter(
            entree=entree,
            texte=form.cleaned_data["commentaire"],
            auteur=request.user,
            le=timezone.now(),
        )
    except ValidationError as refus:
        messages.error(request, " ".join(refus.messages))
    else:
        messages.success(request, f"{entree} : commentaire enregistré.")
    return redirect(cible)
