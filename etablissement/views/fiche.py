"""A student's page: the record, their conventions, days against the target, gratification
per host and school year, and the findings of the law on their conventions in force; the
button that invites the student to activate their account (or sends the invitation again)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from comptes.acces import personnel_requis
from conventions.acces import peut_modifier
from etablissement.invitations import etudiant_inviter
from etablissement.models import Etudiant
from pilotage.suivi_etudiant import suivi_etudiant
from regles.cadre import cadre_au


@personnel_requis
def etudiant(request: HttpRequest, pk: int) -> HttpResponse:
    eleve = get_object_or_404(
        Etudiant.objects.select_related("promotion__formation", "referent", "utilisateur"), pk=pk
    )
    # The view decides the day "minor" is said of; the engine and the selectors take it.
    aujourdhui = timezone.localdate()
    return render(
        request,
        "etablissement/etudiant.html",
        {
            "etudiant": eleve,
            "suivi": suivi_etudiant(eleve, le=aujourdhui),
            "aujourdhui": aujourdhui,
            "cadre": cadre_au(aujourdhui),
            "peut_modifier": peut_modifier(request.user, eleve),
            "breadcrumb_data": {
                "links": [{"url": reverse("etablissement:etudiants"), "title": "Étudiants"}],
                "current": str(eleve),
            },
        },
    )


@personnel_requis
@require_POST
def inviter(request: HttpRequest, pk: int) -> HttpResponse:
    """« Inviter l'étudiant » / « Renvoyer l'invitation »: by those who may change the
    student's conventions (an administrator, their référent)."""
    eleve = get_object_or_404(Etudiant.objects.select_related("referent", "utilisateur"), pk=pk)
    if not peut_modifier(request.user, eleve):
        raise PermissionDenied(
            f"Seuls l'enseignant référent de {eleve} et les administrateurs de la section "
            "peuvent l'inviter."
        )
    renvoi = eleve.utilisateur_id is not None
    try:
        compte = etudiant_inviter(etudiant=eleve)
    except ValidationError as erreur:
        messages.error(request, " ".join(erreur.messages))
    else:
        messages.success(
            request,
            f"Invitation {'renvoyée' if renvoi else 'envoyée'} à {compte.email} : le lien "
            "permet de choisir un mot de passe et d'ouvrir « Mon stage ».",
        )
    return redirect("etablissement:etudiant", pk=eleve.pk)
