"""« Proposer un stage »: a company leaves its offer; the section is told by e-mail.

The « Rechercher » button beside the SIRET asks the company directory (public/annuaire.py) and
gives the form back with the company's details filled in, still editable: with htmx only the
« Votre entreprise » block is replaced; without JavaScript it is a plain POST of the form.

Reached from a simulation's result, the address carries the simulation (its query string):
the form starts with what the company already typed there (public/reprise.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from organismes.validators import normaliser_numero, valider_siret
from public import annuaire, reprise
from public.forms import SimulationForm
from public.forms_proposition import PropositionForm
from public.limites import (
    proposition_comptee,
    propositions_epuisees,
    recherche_comptee,
    recherches_epuisees,
)
from public.selectors import (
    choix_periodes,
    missions_proposables,
    periodes_a_venir,
    periodes_proposables,
)
from public.services import proposition_creer
from public.simulation import Entree, ReglesInconnues, simuler

TROP_DE_PROPOSITIONS = (
    "Vous avez envoyé beaucoup de propositions depuis cette connexion : réessayez dans une "
    "heure, ou écrivez directement à la section (adresses sur la page de présentation)."
)
# Where the directory's answer goes in the form.
CHAMPS_ANNUAIRE = ("entreprise", "adresse", "code_postal", "ville", "naf", "tranche_effectif")


@dataclass(frozen=True)
class Avis:
    """What the directory search says, above the company's fields."""

    niveau: str  # the DSFR alert: success, info, warning
    texte: str


def _formulaire(request: HttpRequest, **kwargs: Any) -> PropositionForm:
    aujourdhui = timezone.localdate()
    return PropositionForm(
        periodes=periodes_proposables(le=aujourdhui), missions=missions_proposables(), **kwargs
    )


def _page(
    request: HttpRequest, form: PropositionForm, status: int = 200, **extra: Any
) -> HttpResponse:
    contexte = {"form": form, "annuaire": annuaire.active(), **extra}
    return render(request, "public/proposer.html", contexte, status=status)


@require_http_methods(["GET", "POST"])
def proposer(request: HttpRequest) -> HttpResponse:
    if request.method == "POST" and "rechercher" in request.POST:
        return _rechercher(request)
    if request.method == "GET" and request.GET:
        initial = _depuis_la_simulation(request)
        return _page(request, _formulaire(request, initial=initial), reprise=bool(initial))
    form = _formulaire(request, data=request.POST or None)
    if request.method == "POST":
        if propositions_epuisees(request):
            form.add_error(None, TROP_DE_PROPOSITIONS)
            return _page(request, form, status=429)
        if form.is_valid():
            donnees = dict(form.cleaned_data)
            pot = donnees.pop("site_web")
            proposition_comptee(request)
            if not pot:  # a filled honeypot is a robot: thanked, stored nowhere
                proposition_creer(**donnees)
            return redirect("public:proposition_envoyee")
    return _page(request, form)


def _depuis_la_simulation(request: HttpRequest) -> dict[str, Any]:
    """The initial values a simulation in the address carries; none if it is not valid (an
    edited link): the company then starts from an empty form."""
    simulation = SimulationForm(
        request.GET,
        periodes_calendrier=choix_periodes(periodes_a_venir(le=timezone.localdate())),
    )
    if not simulation.is_valid():
        return {}
    donnees = simulation.cleaned_data
    try:
        resultat = simuler(Entree.depuis_formulaire(donnees))
    except ReglesInconnues:  # dates the law's parameters do not cover
        return {}
    return reprise.initial(donnees, resultat)


def _rechercher(request: HttpRequest) -> HttpResponse:
    """The form as typed so far (unbound: no error shown on the fields not reached yet), with
    what the directory knows of the SIRET."""
    saisie: dict[str, Any] = {
        nom: request.POST.getlist(nom) if nom in ("periodes", "missions") else request.POST[nom]
        for nom in request.POST
        if nom not in ("csrfmiddlewaretoken", "rechercher")
    }
    siret = normaliser_numero(saisie.get("siret", ""))
    erreur_siret = ""
    try:
        valider_siret(siret)
    except ValidationError as erreur:
        erreur_siret, avis = " ".join(erreur.messages), None
    else:
        saisie["siret"] = siret
        if recherches_epuisees(request):
            avis = Avis(
                "warning",
                "Vous avez fait beaucoup de recherches depuis cette connexion : saisissez les "
                "informations de votre entreprise ci-dessous.",
            )
        else:
            recherche_comptee(request)
            avis = _interroger(siret, saisie)
    contexte: dict[str, Any] = {"erreur_siret": erreur_siret, "avis": avis}
    if request.headers.get("HX-Request") == "true":
        form = _formulaire(request, initial=saisie)
        contexte |= {"form": form, "annuaire": annuaire.active()}
        return render(request, "public/proposer/entreprise.html", contexte)
    return _page(request, _formulaire(request, initial=saisie), **contexte)


def _interroger(siret: str, saisie: dict[str, Any]) -> Avis:
    """Fill `saisie` from the directory; say how it went."""
    try:
        fiche = annuaire.rechercher(siret)
    except annuaire.AnnuaireIndisponible:
        return Avis(
            "warning",
            "L'annuaire des entreprises ne répond pas pour le moment : saisissez les "
            "informations de votre entreprise ci-dessous.",
        )
    if fiche is None:
        return Avis(
            "info",
            "Ce SIRET n'est pas dans l'annuaire des entreprises (ou n'y est pas public) : "
            "vérifiez-le, ou saisissez les informations de votre entreprise ci-dessous.",
        )
    for nom in CHAMPS_ANNUAIRE:
        valeur = getattr(fiche, "nom" if nom == "entreprise" else nom)
        if valeur:
            saisie[nom] = valeur
    if fiche.fermee:
        return Avis(
            "warning",
            "L'annuaire des entreprises indique que cet établissement est fermé : vérifiez "
            "le SIRET de l'établissement qui accueillera le stagiaire.",
        )
    return Avis(
        "success",
        "Votre entreprise est trouvée dans l'annuaire des entreprises : vérifiez les "
        "informations ci-dessous et corrigez-les si besoin.",
    )


def proposition_envoyee(request: HttpRequest) -> HttpResponse:
    return render(request, "public/proposition_envoyee.html")
