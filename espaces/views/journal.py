"""The tutor countersigns their interns' log from their space, and opens its attachments.

The entries and the files are read through the link's scope (espaces.selectors): those of a
convention the tutor does not tutor, or of another host, are not found (404)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from espaces import selectors
from espaces.models import LienEspace, Qualite
from espaces.views.espace import _avec_lien
from journal import selectors as journal_selectors
from journal import services as journal_services
from journal.views.pieces import reponse_fichier


@require_POST
@_avec_lien
def contresigner(request: HttpRequest, lien: LienEspace, jeton: str, pk: int) -> HttpResponse:
    """« Je contresigne »: the entry becomes read-only for the student."""
    if lien.qualite != Qualite.TUTEUR:
        raise Http404("Seul le tuteur contresigne le journal de stage.")
    entree = (
        journal_selectors.a_contresigner(selectors.conventions_du_lien(lien)).filter(pk=pk).first()
    )
    if entree is None:
        raise Http404("Aucune entrée à contresigner ici.")
    journal_services.contresigner(entrees=[entree], nom=lien.nom, le=timezone.now())
    messages.success(request, f"{entree} de {entree.convention.etudiant} : contresigné, merci.")
    return redirect(reverse("espaces:espace", args=[jeton]) + "#journal")


@require_GET
@_avec_lien
def piece(request: HttpRequest, lien: LienEspace, jeton: str, pk: int) -> HttpResponseBase:
    trouvee = journal_selectors.pieces_de(selectors.conventions_du_lien(lien)).filter(pk=pk).first()
    if trouvee is None:
        raise Http404("Cette pièce jointe n'existe pas.")
    return reponse_fichier(trouvee)
