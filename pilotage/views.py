"""The dashboard: the cohorts in training (or one), one school year, what needs doing."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from comptes.acces import personnel_requis
from etablissement.models import Enseignant, Promotion
from pilotage.annees import annee_scolaire_du
from pilotage.presence import par_promotion, semaines_non_relevees
from pilotage.resume import PROMOTIONS_PAR_PAGE, resume
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
    perimetre = request.GET.get("etudiants") or ("suivis" if enseignant else "tous")
    if perimetre not in PERIMETRES or enseignant is None:
        perimetre = "tous"
    referent = enseignant if perimetre == "suivis" else None
    # Every cohort in training that school year by default (first and second year side by
    # side); one cohort when asked for.
    demandee = _entier(request.GET.get("promotion"))
    promotion = next((p for p in promotions if p.pk == demandee), None)
    if promotion is not None:
        choisies = [promotion]
    else:
        choisies = [
            p for p in promotions if p.annee_debut <= annee < p.annee_debut + p.nombre_annees
        ]
        if referent is not None:
            # A teacher's: those where they follow students, if any.
            siennes = set(referent.etudiants_suivis.values_list("promotion_id", flat=True))
            choisies = [p for p in choisies if p.pk in siennes] or choisies
        if not choisies and promotions:
            choisies = [promotions[0]]
    contexte = {
        "promotions": promotions,
        "perimetres": PERIMETRES if enseignant else {},
        "perimetre": perimetre,
        "annees": annees,
        "annee": annee,
        "promotion": promotion,
        "aujourdhui": aujourdhui,
        "cadre": cadre_au(aujourdhui),
    }
    if len(choisies) > PROMOTIONS_PAR_PAGE:
        # Too many for one page: their summary, each line leading to its dashboard.
        contexte["resume"] = resume(choisies, annee=annee, referent=referent)
        contexte["tableaux"] = []
    else:
        contexte["tableaux"] = [
            construire(promotion=p, annee=annee, aujourdhui=aujourdhui, referent=referent)
            for p in choisies
        ]
    return render(request, "pilotage/tableau_de_bord.html", contexte)


@personnel_requis
def presence(request: HttpRequest) -> HttpResponse:
    """The weeks of presence not recorded or not confirmed by the tutor, per convention
    whose log is kept and per cohort, as of today."""
    aujourdhui: date = timezone.localdate()
    enseignant = Enseignant.objects.filter(utilisateur=request.user.pk or 0).first()
    perimetre = request.GET.get("etudiants") or ("suivis" if enseignant else "tous")
    if perimetre not in PERIMETRES or enseignant is None:
        perimetre = "tous"
    lignes = semaines_non_relevees(
        le=aujourdhui, referent=enseignant if perimetre == "suivis" else None
    )
    return render(
        request,
        "pilotage/presence.html",
        {
            "lignes": lignes,
            "semaines": sum(len(ligne.semaines) for ligne in lignes),
            "promotions": par_promotion(lignes),
            "recul": settings.PRESENCE_RECUL_JOURS,
            "aujourdhui": aujourdhui,
            "perimetres": PERIMETRES if enseignant else {},
            "perimetre": perimetre,
        },
    )
