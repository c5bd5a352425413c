"""The tutor picks a slot of the référent's visit in their space (suivi/): only a visit of
the link's scope is found (another host's is a 404, as if it did not exist); the first
choice wins, a second one is told the slot is taken."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from espaces import selectors
from espaces.models import LienEspace
from espaces.views.espace import _avec_lien
from suivi import services as suivi_services
from suivi.models import Visite


@require_POST
@_avec_lien
def choisir(request: HttpRequest, lien: LienEspace, jeton: str, pk: int) -> HttpResponse:
    visite = get_object_or_404(
        Visite.objects.filter(convention__in=selectors.conventions_du_lien(lien)), pk=pk
    )
    try:
        creneau = int(request.POST.get("creneau", ""))
    except ValueError:
        messages.error(request, "Choisissez un des créneaux proposés.")
    else:
        try:
            suivi_services.creneau_choisir(
                visite=visite, creneau_pk=creneau, maintenant=timezone.now()
            )
        except suivi_services.Refus as refus:
            messages.error(request, str(refus))
        else:
            messages.success(
                request,
                "Merci : le créneau est choisi. Vous recevez une confirmation par e-mail, "
                "l'enseignant référent aussi.",
            )
    return redirect(reverse("espaces:espace", args=[jeton]) + "#visite")
