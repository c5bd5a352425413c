"""A student's page: the record, their conventions, days against the target, gratification
per host and school year, and the findings of the law on their conventions in force."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from comptes.acces import personnel_requis
from conventions.acces import peut_modifier
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
