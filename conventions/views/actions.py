"""The buttons of a convention's page: move it along its life cycle, acknowledge warnings.
A refusal re-renders the page with the reason and the findings, what was typed kept."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from comptes.acces import personnel_requis
from comptes.models import Utilisateur
from conventions.acces import exiger_modification
from conventions.forms import RuptureForm
from conventions.models import Convention
from conventions.services import (
    ACTIONS_GROUPEES,
    TransitionRefusee,
    convention_acquitter,
    convention_enregistrer_signatures,
    convention_rompre,
    convention_transition,
    conventions_transition_groupee,
)
from conventions.views.detail import convention_ou_404, page_detail
from conventions.workflow import RUPTURE_INCOMPLETE, TRANSITIONS
from core.listes import identifiant
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


# At most this many conventions in one selection (a page of the list holds 25).
SELECTION_MAX = 100


def _retour(request: HttpRequest) -> str:
    """Back to the list as it was (its filters and page), never to another site."""
    retour = request.POST.get("retour", "")
    if (
        retour.isprintable()
        and len(retour) < 2000
        and retour.startswith(reverse("conventions:liste"))
        and url_has_allowed_host_and_scheme(retour, allowed_hosts=None)
    ):
        return retour
    return reverse("conventions:liste")


@personnel_requis
@require_POST
def groupees(request: HttpRequest) -> HttpResponse:
    """Submit, validate or send for signature the conventions ticked in the list, each
    through the workflow (`conventions_transition_groupee`); the list then says, convention
    by convention, what was done and why not."""
    assert isinstance(request.user, Utilisateur)
    action = request.POST.get("action", "")
    pks = sorted(
        {pk for texte in request.POST.getlist("conventions") if (pk := identifiant(texte))}
    )
    if action not in ACTIONS_GROUPEES:
        messages.error(request, "Choisissez l'action à appliquer aux conventions cochées.")
        return redirect(_retour(request))
    if not pks:
        messages.error(request, "Cochez au moins une convention.")
        return redirect(_retour(request))
    if len(pks) > SELECTION_MAX:
        messages.error(request, f"Cochez au plus {SELECTION_MAX} conventions à la fois.")
        return redirect(_retour(request))
    conventions = list(
        Convention.objects.filter(pk__in=pks).select_related("etudiant__referent").order_by("pk")
    )
    transition = TRANSITIONS[action]
    try:
        resultats = conventions_transition_groupee(
            conventions=conventions, action=action, auteur=request.user
        )
    except TransitionRefusee as refus:
        messages.error(request, refus.message)
        return redirect(_retour(request))
    faites = [r.convention for r in resultats if r.fait]
    if faites:
        numeros = ", ".join(f"n° {c.pk}" for c in faites)
        messages.success(
            request,
            f"« {transition.libelle} » : {len(faites)} convention{'s' if len(faites) > 1 else ''} "
            f"traitée{'s' if len(faites) > 1 else ''} ({numeros}).",
        )
    for r in resultats:
        if not r.fait:
            messages.error(
                request,
                f"Convention n° {r.convention.pk} ({r.convention.etudiant}) : "
                f"« {transition.libelle} » refusé — {r.raison}",
            )
    introuvables = len(pks) - len(conventions)
    if introuvables:
        messages.warning(
            request,
            f"{introuvables} convention{'s' if introuvables > 1 else ''} cochée"
            f"{'s' if introuvables > 1 else ''} n'existe{'nt' if introuvables > 1 else ''} plus.",
        )
    return redirect(_retour(request))
