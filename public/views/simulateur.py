"""« Combien coûte un stagiaire ? »: a GET form (a link replays a simulation), the result
below it, refreshed by htmx as the company types, printable and as a PDF."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from documents.rendu import pdf_depuis_gabarit
from etablissement.selectors import etablissement_principal
from public.forms import SimulationForm
from public.selectors import choix_periodes, periodes_a_venir
from public.simulation import Entree, ReglesInconnues, Resultat, simuler


def _simulation(request: HttpRequest) -> tuple[SimulationForm, Resultat | None]:
    aujourdhui = timezone.localdate()
    form = SimulationForm(
        request.GET or None,
        periodes_calendrier=choix_periodes(periodes_a_venir(le=aujourdhui)),
    )
    if not form.is_bound or not form.is_valid():
        return form, None
    try:
        return form, simuler(Entree.depuis_formulaire(form.cleaned_data))
    except ReglesInconnues as inconnues:
        form.add_error(None, inconnues.message)
        return form, None


@require_GET
def simulateur(request: HttpRequest) -> HttpResponse:
    form, resultat = _simulation(request)
    contexte: dict[str, Any] = {
        "form": form,
        "resultat": resultat,
        "requete": request.GET.urlencode(),
    }
    if request.headers.get("HX-Request") == "true":
        # htmx asks for the result only; the form stays as the user is typing in it.
        return render(request, "public/simulateur/resultat.html", contexte)
    return render(request, "public/simulateur.html", contexte)


@require_GET
def simulateur_pdf(request: HttpRequest) -> HttpResponse:
    form, resultat = _simulation(request)
    if resultat is None:
        # No PDF of a wrong simulation: back to the form, which says what to correct.
        contexte = {"form": form, "resultat": None, "requete": request.GET.urlencode()}
        return render(
            request, "public/simulateur.html", contexte, status=400 if form.is_bound else 200
        )
    gabarit: dict[str, Any] = {
        "resultat": resultat,
        "le": timezone.localdate(),
        "etablissement": etablissement_principal(),
    }
    reponse = HttpResponse(
        pdf_depuis_gabarit("public/simulateur/pdf.html", gabarit),
        content_type="application/pdf",
    )
    reponse["Content-Disposition"] = 'inline; filename="simulation-stage.pdf"'
    return reponse
