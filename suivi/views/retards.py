"""« Suivis en retard »: the followed conventions whose promised contact (the section's
choice, regles/parametres/reglages/suivi_*.yaml) is overdue today; a référent sees theirs
first, an administrator the section's."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from comptes.acces import personnel_requis
from etablissement.models import Enseignant
from suivi import selectors
from suivi.echeances import promesse


@require_GET
@personnel_requis
def retards(request: HttpRequest) -> HttpResponse:
    aujourdhui = timezone.localdate()
    enseignant = Enseignant.objects.filter(utilisateur__pk=request.user.pk or 0).first()
    miens = request.GET.get("perimetre") != "section" and enseignant is not None
    return render(
        request,
        "suivi/retards.html",
        {
            "aujourdhui": aujourdhui,
            "retards": selectors.suivis_en_retard(
                aujourdhui=aujourdhui, referent=enseignant if miens else None
            ),
            "miens": miens,
            "enseignant": enseignant,
            "promesse": promesse(aujourdhui),
        },
    )
