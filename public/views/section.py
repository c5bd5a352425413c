"""The section's page for companies: the job, the 80 days and their calendar, the missions,
the law with today's figures, and whom to call."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from etablissement.selectors import etablissement_principal
from public.selectors import catalogue_public, periodes_a_venir
from regles.cadre import cadre_au


def section(request: HttpRequest) -> HttpResponse:
    # The view decides the day the law is read at: today, in Paris.
    aujourdhui = timezone.localdate()
    contexte = {
        "ecole": etablissement_principal(),
        "cadre": cadre_au(aujourdhui),
        "periodes": periodes_a_venir(le=aujourdhui),
        "catalogue": catalogue_public(le=aujourdhui),
    }
    return render(request, "public/section.html", contexte)
