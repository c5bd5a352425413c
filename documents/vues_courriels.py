"""« Courriels envoyés »: the journal of the documents' e-mails, for the administrators, with
each one's text. In the demo (settings.COURRIELS_LISIBLES) the personal links are in it and
can be followed from the browser; elsewhere they are masked."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from comptes.acces import role_requis
from comptes.models import Role
from core.listes import lister
from documents.models import Courriel

TRIS = {"envoye_le": ("Date d'envoi", ("envoye_le",))}


def _rechercher(qs: QuerySet[Courriel], texte: str) -> QuerySet[Courriel]:
    filtre = Q(destinataire__icontains=texte) | Q(sujet__icontains=texte)
    if texte.isdigit():
        filtre |= Q(convention_id=int(texte))
    return qs.filter(filtre)


@require_GET
@role_requis(Role.ADMINISTRATEUR)
def courriels(request: HttpRequest) -> HttpResponse:
    liste = lister(
        request,
        Courriel.objects.select_related("convention__etudiant", "signature"),
        tris=TRIS,
        tri_defaut="-envoye_le",
        rechercher=_rechercher,
    )
    return render(
        request,
        "documents/courriels.html",
        {"liste": liste, "lisibles": settings.COURRIELS_LISIBLES},
    )
