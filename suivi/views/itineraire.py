"""« Mes visites du jour »: the logged-in référent's visits of a day in time order, with the
OpenStreetMap link of each leg and the kilometres; the month's kilometres exported (CSV,
XLSX) for the travel-expense claim. An administrator who is not a référent sees every
référent's visits."""

from __future__ import annotations

from datetime import date, timedelta

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from comptes.acces import personnel_requis
from comptes.models import Utilisateur
from echanges.exports.tableur import Champ, classeur_xlsx, lignes_csv
from etablissement.models import Enseignant
from etablissement.selectors import etablissement_principal
from regles.bornes import date_dans_les_bornes
from suivi import selectors
from suivi.forms import KilometresForm
from suivi.itineraire import LigneKm, etapes, lignes_kilometres

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

CHAMPS: list[Champ[LigneKm]] = [
    Champ("Date", lambda ligne: ligne.jour),
    Champ("Heure", lambda ligne: f"{ligne.heure:%H:%M}" if ligne.heure else ""),
    Champ("Étudiant", lambda ligne: ligne.etudiant),
    Champ("Organisme d'accueil", lambda ligne: ligne.organisme),
    Champ("Adresse", lambda ligne: ligne.adresse),
    Champ("Kilomètres (aller-retour)", lambda ligne: ligne.kilometres),
]


def _referent(request: HttpRequest) -> tuple[Enseignant | None, bool]:
    """The référent whose visits are shown, and whether everybody's are (an administrator
    who is not a référent)."""
    user = request.user
    assert isinstance(user, Utilisateur)
    enseignant = Enseignant.objects.filter(utilisateur=user).first()
    return enseignant, enseignant is None and user.est_administrateur


def _jour(brut: str | None, defaut: date) -> date | None:
    if not brut:
        return defaut
    try:
        jour = date.fromisoformat(brut)
    except ValueError:
        return None
    return jour if date_dans_les_bornes(jour) else None


def _visites_du_jour(request: HttpRequest, jour: date) -> list:  # type: ignore[type-arg]
    referent, tous = _referent(request)
    if referent is None and not tous:
        return []
    return selectors.visites_du_jour(jour, referent=referent)


@require_GET
@personnel_requis
def itineraire(request: HttpRequest) -> HttpResponse:
    aujourdhui = timezone.localdate()
    jour = _jour(request.GET.get("jour"), aujourdhui)
    erreur = ""
    if jour is None:
        erreur = "Cette date n'est pas valide : voici les visites d'aujourd'hui."
        jour = aujourdhui
    ecole = etablissement_principal()
    depart = (
        f"{ecole.adresse.replace(chr(10), ', ')}, {ecole.code_postal} {ecole.ville}"
        if ecole
        else ""
    )
    visites = _visites_du_jour(request, jour)
    _, tous = _referent(request)
    return render(
        request,
        "suivi/itineraire.html",
        {
            "jour": jour,
            "aujourdhui": aujourdhui,
            "veille": jour - timedelta(days=1),
            "lendemain": jour + timedelta(days=1),
            "erreur": erreur,
            "depart": depart,
            "etapes": etapes(visites, depart=depart) if depart else etapes(visites, depart=""),
            "tous": tous,
            "form_km": KilometresForm,
            "total_km": sum((v.kilometres or 0) for v in visites),
        },
        status=400 if erreur else 200,
    )


@require_GET
@personnel_requis
def export_kilometres(request: HttpRequest) -> HttpResponse:
    """?mois=AAAA-MM&format=csv|xlsx: one row per visit of the month, and the total."""
    brut = request.GET.get("mois") or f"{timezone.localdate():%Y-%m}"
    try:
        annee, mois = (int(x) for x in brut.split("-"))
        premier = date(annee, mois, 1)
    except ValueError:
        raise Http404("Mois invalide : écrivez-le AAAA-MM.") from None
    if not date_dans_les_bornes(premier):
        raise Http404("Mois hors des bornes.")
    referent, tous = _referent(request)
    visites = selectors.visites_du_mois(annee, mois, referent=referent) if referent or tous else []
    lignes = lignes_kilometres(visites)
    format_ = request.GET.get("format", "csv")
    nom = f"kilometres-visites-{premier:%Y-%m}"
    reponse: HttpResponse
    if format_ == "csv":
        reponse = HttpResponse(
            "".join(lignes_csv(CHAMPS, lignes)), content_type="text/csv; charset=utf-8"
        )
    elif format_ == "xlsx":
        reponse = HttpResponse(
            classeur_xlsx(CHAMPS, lignes, feuille="Kilomètres"), content_type=XLSX
        )
    else:
        raise Http404("Format d'export inconnu.")
    reponse["Content-Disposition"] = f'attachment; filename="{nom}.{format_}"'
    return reponse
