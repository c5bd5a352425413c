"""« Courriels envoyés », for the administrators: in the demo (settings.COURRIELS_LISIBLES)
every e-mail the application sent, with its text and its personal links, followed from the
browser (core.courrier keeps them). Elsewhere nothing is kept: the page says so."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from comptes.acces import role_requis
from comptes.models import Role
from core.listes import lister
from core.models import CourrielEnvoye

TRIS = {"envoye_le": ("Date d'envoi", ("envoye_le",))}


def _rechercher(qs: QuerySet[CourrielEnvoye], texte: str) -> QuerySet[CourrielEnvoye]:
    filtre = Q(destinataires__icontains=texte) | Q(sujet__icontains=texte)
    if texte.isdigit():
        # A convention's number, as its e-mails name it in their subject: « … n° 12 ».
        filtre |= Q(sujet__regex=rf"n° {texte}([^0-9]|$)")
    return qs.filter(filtre)


@require_GET
@role_requis(Role.ADMINISTRATEUR)
def courriels(request: HttpRequest) -> HttpResponse:
    liste = lister(
        request,
        CourrielEnvoye.objects.all(),
        tris=TRIS,
        tri_defaut="-envoye_le",
        rechercher=_rechercher,
    )
    return render(
        request,
        "core/courriels.html",
        {"liste": liste, "lisibles": settings.COURRIELS_LISIBLES},
    )
