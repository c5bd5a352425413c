"""The "Échanges" page: the exports for the staff, the imports for the administrators."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from comptes.acces import personnel_requis
from conventions.models import Statut
from etablissement.models import Promotion


@personnel_requis
def accueil(request: HttpRequest) -> HttpResponse:
    contexte = {
        "promotions": Promotion.objects.order_by("-annee_debut", "libelle"),
        "statuts": Statut.choices,
        "filtres": request.GET,
    }
    return render(request, "echanges/accueil.html", contexte)
