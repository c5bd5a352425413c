"""The dashboard: one cohort, one school year, what needs doing."""

from __future__ import annotations

from datetime import date

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from comptes.acces import personnel_requis
from etablissement.models import Enseignant, Promotion
from pilotage.annees import annee_scolaire_du
from pilotage.tableau import tableau_de_bord as construire
from regles.cadre import cadre_au

PERIMETRES = {"suivis": "Ceux que je suis", "tous": "Toute la promotion"}


def _entier(valeur: str | None) -> int | None:
    try:
        return int(valeur) if valeur else None
    except ValueError:
        return None


@personnel_requis
def tableau_de_bord(request: HttpRequest) -> HttpResponse:
    # The view decides the date (today, in Paris); the selectors and the engine take it.
    aujourdhui: date = timezone.localdate()
    courante = annee_scolaire_du(aujourdhui)
    promotions = list(
        Promotion.objects.select_related("formation").order_by("-annee_debut", "libelle")
    )
    annees = sorted(
        {p.annee_debut + rang for p in promotions for rang in range(p.nombre_annees)} | {courante},
        reverse=True,
    )
    annee = _entier(request.GET.get("annee"))
    if annee not in annees:
        annee = courante
    # A teacher sees the students they follow first; "tous" shows the whole cohort.
    enseignant = Enseignant.objects.filter(utilisateur=request.user.pk or 0).first()
    demandee = _entier(request.GET.get("promotion"))
    promotion = next((p for p in promotions if p.pk == demandee), None)
    if promotion is None:
        # By default the youngest cohort in training that school year, else the youngest one.
        # A teacher's: the youngest of those where they follow students, if any.
        en_formation = [
            p for p in promotions if p.annee_debut <= annee < p.annee_debut + p.nombre_annees
        ]
        if enseignant is not None:
            siennes = set(enseignant.etudiants_suivis.values_list("promotion_id", flat=True))
            en_formation = [p for p in en_formation if p.pk in siennes] or en_formation
        promotion = en_formation[0] if en_formation else (promotions[0] if promotions else None)
    perimetre = request.GET.get("etudiants") or ("suivis" if enseignant else "tous")
    if perimetre not in PERIMETRES or enseignant is None:
        perimetre = "tous"
    contexte = {
        "promotions": promotions,
        "perimetres": PERIMETRES if enseignant else {},
        "perimetre": perimetre,
        "annees": annees,
        "annee": annee,
        "promotion": promotion,
        "aujourdhui": aujourdhui,
        "cadre": cadre_au(aujourdhui),
        "tableau": (
            construire(
                promotion=promotion,
                annee=annee,
                aujourdhui=aujourdhui,
                referent=enseignant if perimetre == "suivis" else None,
            )
            if promotion is not None
            else None
        ),
    }
    return render(request, "pilotage/tableau_de_bord.html", contexte)
