from datetime import date

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from regles.gratification import taux_horaire_minimal
from regles.parametres import parametres


def accueil(request: HttpRequest) -> HttpResponse:
    # The view decides the date (today, in Paris); the engine only takes it as an argument.
    aujourdhui: date = timezone.localdate()
    p = parametres()
    contexte = {
        "aujourdhui": aujourdhui,
        "phss": p.decimal("securite_sociale.plafond_horaire", aujourdhui),
        "taux_horaire": taux_horaire_minimal(signature=aujourdhui, mois=aujourdhui),
        "parametres": [p[nom] for nom in sorted(p)],
    }
    return render(request, "core/accueil.html", contexte)
