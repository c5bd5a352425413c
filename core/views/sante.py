"""`/sante/`: what a load balancer or a monitor asks, without logging in. 200 and
{"etat": "ok", …} with the task queue's backlog; 503 and the reason in French otherwise."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from core.sante import sante as lire_sante


@require_GET
def sante(request: HttpRequest) -> JsonResponse:
    etat = lire_sante(timezone.now())
    if not etat.ok:
        return JsonResponse({"etat": "indisponible", "raison": etat.raison}, status=503)
    return JsonResponse(
        {
            "etat": "ok",
            "base": "ok",
            "migrations": "ok",
            "taches": {
                "en_attente": etat.taches_en_attente,
                "plus_ancienne_attend_depuis_secondes": etat.attente_secondes,
            },
        }
    )
