from datetime import date

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from regles.cadre import cadre_au
from regles.parametres import parametres


def accueil(request: HttpRequest) -> HttpResponse:
    # The view decides the date (today, in Paris); the engine only takes it as an argument.
    aujourdhui: date = timezone.localdate()
    p = parametres()
    contexte = {
        "aujourdhui": aujourdhui,
        "cadre": cadre_au(aujourdhui, p),
        "parametres": [p[nom] for nom in sorted(p)],
    }
    return render(request, "core/accueil.html", contexte)
