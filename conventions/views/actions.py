"""The buttons of a convention's page: move it along its life cycle, acknowledge warnings.
A refusal re-renders the page with the reason and the findings, what was typed kept."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_POST

from comptes.acces import personnel_requis
from comptes.models import Utilisateur
from conventions.acces import exiger_modification
from conventions.forms import RuptureForm
from conventions.services import (
    TransitionRefusee,
    convention_acquitter,
    convention_enregistrer_signatures,
    convention_rompre,
    convention_transition,
)
from conventions.views.detail import convention_ou_404, page_detail
from conventions.workflow import RUPTURE_INCOMPLETE, TRANSITIONS
from regles.bornes import MESSAGE_DATE, date_dans_les_bornes


def _date_signature(texte: str) -> date | None:
    """The day the last party signed, as the form's date field sends it (empty: today)."""
    if not texte.strip():
        return None
    try:
        jour = date.fromisoformat(texte.strip())
    except ValueError:
        raise TransitionRefusee(
            "La date de signature est invalide : saisissez-la au format jj/mm/aaaa."
        ) from None
    if not date_dans_les_bornes(jour):
        raise TransitionRefusee(f"Date de signature : {MESSAGE_DATE}")
    return jour


@personnel_requis
@require_POST
def transition(request: HttpRequest, pk: int) -> HttpResponse:
    convention = convention_ou_404(pk)
    exiger_modification(request.user, convention.etudiant)
    assert isinstance(request.user, Utilisateur)  # personnel_requis let only accounts in
    action = request.POST.get("action", "")
    motif = request.POST.get("motif", "")
    rupture = RuptureForm(request.POST) if action == "rompre" else None
    try:
        if rupture is not None:
            if not rupture.is_valid():
                raise TransitionRefusee(RUPTURE_INCOMPLETE)
            convention_rompre(
                convention=convention,
                auteur=request.user,
                motif=motif,
                **rupture.cleaned_data,
            )
        elif action == "enregistrer_signatures":
            convention_enregistrer_signatures(
                convention=convention,
                auteur=request.user,
                date_signature=_date_signature(request.POST.get("date_signature", "")),
                le=timezone.localdate(),
            )
        else:
            convention_transition(
                convention=convention, action=action, auteur=request.user, motif=motif
            )
    except TransitionRefusee as refus:
        return page_detail(
            request,
            convention_ou_404(pk),
            refus=refus.message,
            constats_refus=refus.constats,
            action=action,
            motif=motif,
            rupture=rupture,
        )
    except ValidationError as erreur:
        return page_detail(
            request,
            convention_ou_404(pk),
            refus=" ".join(erreur.messages),
            action=action,
            motif=motif,
            rupture=rupture,
        )
    convention.refresh_from_db(fields=["statut"])
    messages.success(
        request,
        f"« {TRANSITIONS[action].libelle} » : la convention est maintenant "
        f"« {convention.get_statut_display().lower()} ».",
    )
    return redirect("conventions:detail", pk=pk)


@personnel_requis
@require_POST
def acquitter(request: HttpRequest, pk: int) -> HttpResponse:
    convention = convention_ou_404(pk)
    exiger_modification(request.user, convention.etudiant)
    assert isinstance(request.user, Utilisateur)
    codes = request.POST.getlist("codes")
    if not codes:
        return page_detail(
            request, convention, refus="Cochez les avertissements que vous prenez en compte."
        )
    try:
        faits = convention_acquitter(convention=convention, codes=codes, auteur=request.user)
    except ValidationError as erreur:
        return page_detail(request, convention, refus=" ".join(erreur.messages))
    if faits:
        messages.success(
            request,
            f"{len(faits)} avertissement{'s' if len(faits) > 1 else ''} pris en compte "
            f"par {request.user.get_full_name() or request.user.email}.",
        )
    return redirect("conventions:detail", pk=pk)
