"""Suggestions for the list filters' text fields (core/suggestions.py): a few cohorts or
teachers whose label holds what was typed, as `<option>`s of a datalist, for the staff."""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.template.loader import render_to_string

from comptes.acces import personnel_requis
from core.suggestions import LONGUEUR_MAX, NB_SUGGESTIONS
from etablissement.models import Enseignant, Promotion


def _promotions(texte: str) -> list[str]:
    qs = Promotion.objects.order_by("-annee_debut", "libelle")
    for mot in texte.split():
        qs = qs.filter(libelle__icontains=mot)
    return [str(p) for p in qs[:NB_SUGGESTIONS]]


def _enseignants(texte: str) -> list[str]:
    qs = Enseignant.objects.order_by("nom", "prenom")
    for mot in texte.split():
        qs = qs.filter(Q(nom__icontains=mot) | Q(prenom__icontains=mot))
    return [str(e) for e in qs.only("nom", "prenom")[:NB_SUGGESTIONS]]


LISTES = {"promotions": _promotions, "enseignants": _enseignants}


@personnel_requis
def suggestions(request: HttpRequest, liste: str) -> HttpResponse:
    """The field sends its own value under its own name (`?promotion=ndrc`): the one
    parameter is read, whatever its name."""
    chercher = LISTES.get(liste)
    if chercher is None:
        raise Http404("Cette liste de suggestions n'existe pas.")
    valeurs = [v for v in request.GET.values() if v]
    texte = str(valeurs[0]).strip() if valeurs else ""
    if len(texte) > LONGUEUR_MAX:
        return HttpResponseBadRequest(
            f"Le texte cherché est trop long ({LONGUEUR_MAX} caractères au plus).",
            content_type="text/plain; charset=utf-8",
        )
    libelles = chercher(texte)  # empty: the first few, on focus
    return HttpResponse(render_to_string("core/suggestions/options.html", {"libelles": libelles}))
