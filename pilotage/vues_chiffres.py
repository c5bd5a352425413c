"""« Chiffres de la section »: the figures of a school year, another beside it if asked, each
as a chart and its table, and each exported as CSV or XLSX (the spreadsheet writer of
echanges/exports, which a screen may use)."""

from __future__ import annotations

from datetime import date

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from comptes.acces import personnel_requis
from echanges.exports.tableur import Champ, classeur_xlsx, lignes_csv
from etablissement.models import Promotion
from pilotage.annees import annee_scolaire_du
from pilotage.chiffres.calcul import chiffres as calculer
from pilotage.chiffres.figures import Figure, Ligne, nom_annee
from pilotage.chiffres.graphique import graphique

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _entier(valeur: str | None) -> int | None:
    try:
        return int(valeur) if valeur else None
    except ValueError:
        return None


def _annees(courante: int) -> list[int]:
    """The school years a cohort was in training, and the current one, latest first."""
    return sorted(
        {
            p.annee_debut + rang
            for p in Promotion.objects.select_related("formation")
            for rang in range(p.nombre_annees)
        }
        | {courante},
        reverse=True,
    )


def _choix(request: HttpRequest) -> tuple[int, int | None, list[int], date]:
    # The view decides the date (today, in Paris); the figures take a school year.
    aujourdhui = timezone.localdate()
    courante = annee_scolaire_du(aujourdhui)
    annees = _annees(courante)
    annee = _entier(request.GET.get("annee"))
    if annee not in annees:
        annee = courante
    comparee = _entier(request.GET.get("comparer"))
    if comparee not in annees or comparee == annee:
        comparee = None
    return annee, comparee, annees, aujourdhui


@personnel_requis
def chiffres(request: HttpRequest) -> HttpResponse:
    annee, comparee, annees, aujourdhui = _choix(request)
    figures = calculer(annee, comparee)
    requete = f"annee={annee}" + (f"&comparer={comparee}" if comparee else "")
    return render(
        request,
        "pilotage/chiffres.html",
        {
            "annees": [(a, nom_annee(a)) for a in annees],
            "annee": annee,
            "comparee": comparee,
            "nom_annee": nom_annee(annee),
            "nom_comparee": nom_annee(comparee) if comparee else "",
            "figures": [(f, graphique(f)) for f in figures],
            "requete": requete,
            "aujourdhui": aujourdhui,
        },
    )


def _champs(figure: Figure) -> list[Champ[Ligne]]:
    champs: list[Champ[Ligne]] = [Champ(figure.entete, lambda ligne: ligne.libelle)]
    for rang, titre in enumerate(figure.colonnes):
        champs.append(Champ(titre, lambda ligne, rang=rang: ligne.valeurs[rang]))  # type: ignore[misc]
    return champs


@personnel_requis
def chiffres_export(request: HttpRequest, figure: str, format: str) -> HttpResponse:
    if format not in ("csv", "xlsx"):
        raise Http404("Format d'export inconnu.")
    annee, comparee, _, _ = _choix(request)
    choisie = next((f for f in calculer(annee, comparee) if f.cle == figure), None)
    if choisie is None:
        raise Http404("Ce chiffre n'existe pas.")
    nom = f"chiffres-{choisie.cle}-{annee}" + (f"-{comparee}" if comparee else "")
    champs = _champs(choisie)
    reponse: HttpResponse
    if format == "csv":
        reponse = HttpResponse(
            "".join(lignes_csv(champs, choisie.lignes)), content_type="text/csv; charset=utf-8"
        )
    else:
        reponse = HttpResponse(
            classeur_xlsx(champs, choisie.lignes, feuille=choisie.titre[:31]), content_type=XLSX
        )
    reponse["Content-Disposition"] = f'attachment; filename="{nom}.{format}"'
    return reponse
