"""« Demander une convention »: the student's request (the « fiche navette »), from « Mon stage ».

Only the student linked to the account asks, for themselves: nothing here takes an id from
the URL. The SIRET's « Rechercher » looks first among the sites the section knows, then in
the company directory (public/annuaire.py, the one adapter; its rate limit per connection,
public/limites.py), and falls back to typing when it does not answer. The law's findings
are shown before sending: htmx posts the form to `demande_verifier` as it changes, and the
« Vérifier » button does the same without JavaScript. The writes are conventions.demandes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from comptes.acces import role_requis
from comptes.models import Role, Utilisateur
from conventions import presentation
from conventions.demandes import (
    DEMANDES_OUVERTES_MAX,
    demande_creer,
    demande_verdict,
    trop_de_demandes,
)
from conventions.forms_demande import DemandeForm
from conventions.moteur import Verdict
from core.forms import reporter_erreurs
from etablissement.models import Etudiant
from etablissement.views.mon_stage import etudiant_du_compte
from organismes.models import EtablissementAccueil
from organismes.validators import normaliser_numero, valider_siret
from public import annuaire
from public.limites import recherche_comptee, recherches_epuisees
from referentiel.models import Mission

# Two requests naming the same new SIRET at the same moment: the second meets the first's row.
RECOMMENCER = (
    "Cet établissement vient d'être enregistré par une autre demande : envoyez de nouveau "
    "la vôtre, il sera repris."
)
# The finding that lists the convention's missing D124-4 texts: the référent writes them.
CLAUSES_A_ECRIRE = "CONVENTION_INCOMPLETE"
# Where the directory's answer goes in the form.
CHAMPS_ANNUAIRE = ("entreprise", "adresse", "code_postal", "ville", "naf")


@dataclass(frozen=True)
class Avis:
    """What the SIRET search says, above the host's fields (a DSFR alert level and a text)."""

    niveau: str
    texte: str


def _formulaire(eleve: Etudiant, **kwargs: Any) -> DemandeForm:
    aujourdhui = timezone.localdate()
    return DemandeForm(
        periodes=eleve.promotion.periodes.filter(fin__gte=aujourdhui).order_by("debut"),
        missions=Mission.objects.filter(actif=True, famille__formation=eleve.promotion.formation)
        .select_related("famille")
        .order_by("famille__ordre", "famille__code", "ordre", "code"),
        **kwargs,
    )


def _verdict(eleve: Etudiant, form: DemandeForm) -> Verdict | None:
    if not form.is_valid():
        return None
    try:
        return demande_verdict(etudiant=eleve, demande=form.demande())
    except ValidationError as erreur:
        reporter_erreurs(form, erreur)
    except IntegrityError:
        form.add_error(None, RECOMMENCER)
    return None


def _apercu(form: DemandeForm, verdict: Verdict | None, *, verifie: bool) -> dict[str, Any]:
    erreurs = []
    if verifie and verdict is None:
        erreurs = [
            f"{form.fields[nom].label if nom in form.fields else 'Demande'} : {message}"
            for nom, liste in form.errors.items()
            for message in liste
        ]
    constats = presentation.par_gravite(verdict.constats) if verdict else []
    return {
        "verdict": verdict,
        # The D124-4 texts are the référent's to write: said apart, not as the student's fault.
        "constats": [k for k in constats if k.code != CLAUSES_A_ECRIRE],
        "clauses": [k for k in constats if k.code == CLAUSES_A_ECRIRE],
        "erreurs": erreurs,
    }


def _page(
    request: HttpRequest,
    eleve: Etudiant,
    form: DemandeForm,
    *,
    apercu: dict[str, Any] | None = None,
    status: int = 200,
    **extra: Any,
) -> HttpResponse:
    contexte = {
        "etudiant": eleve,
        "form": form,
        "annuaire": annuaire.active(),
        "apercu": apercu or _apercu(form, None, verifie=False),
        "refus": trop_de_demandes(eleve),
        "maximum": DEMANDES_OUVERTES_MAX,
        "breadcrumb_data": {
            "links": [{"url": reverse("etablissement:mon_stage"), "title": "Mon stage"}],
            "current": "Demander une convention",
        },
        **extra,
    }
    return render(request, "etablissement/demande.html", contexte, status=status)


@role_requis(Role.ETUDIANT)
@require_http_methods(["GET", "POST"])
def demande(request: HttpRequest) -> HttpResponse:
    eleve = etudiant_du_compte(request)
    if eleve is None:
        messages.error(
            request,
            "Votre compte n'est relié à aucune fiche d'étudiant : demandez au secrétariat de "
            "la section de le relier avant de demander une convention.",
        )
        return redirect("etablissement:mon_stage")
    if request.method != "POST":
        return _page(request, eleve, _formulaire(eleve))
    if "rechercher" in request.POST:
        return _rechercher(request, eleve)
    form = _formulaire(eleve, data=request.POST)
    if "verifier" in request.POST:
        verdict = _verdict(eleve, form)
        return _page(request, eleve, form, apercu=_apercu(form, verdict, verifie=True))
    if form.is_valid():
        assert isinstance(request.user, Utilisateur)  # role_requis let only accounts in
        try:
            convention = demande_creer(etudiant=eleve, demande=form.demande(), auteur=request.user)
        except ValidationError as erreur:
            reporter_erreurs(form, erreur)
        except IntegrityError:
            form.add_error(None, RECOMMENCER)
        else:
            messages.success(
                request,
                "Votre demande de convention est envoyée à votre enseignant référent : il la "
                "complète, puis la soumet à la validation de la section.",
            )
            return redirect(f"{reverse('etablissement:mon_stage')}#convention-{convention.pk}")
    return _page(request, eleve, form)


@role_requis(Role.ETUDIANT)
@require_POST
def demande_verifier(request: HttpRequest) -> HttpResponse:
    """The findings panel alone, for htmx: the law on the request as typed, nothing saved."""
    eleve = etudiant_du_compte(request)
    if eleve is None:
        return render(request, "etablissement/_demande_apercu.html", {"apercu": {}})
    form = _formulaire(eleve, data=request.POST)
    verdict = _verdict(eleve, form)
    return render(
        request,
        "etablissement/_demande_apercu.html",
        {"apercu": _apercu(form, verdict, verifie=True)},
    )


def _rechercher(request: HttpRequest, eleve: Etudiant) -> HttpResponse:
    """The form as typed so far (unbound: no error on the fields not reached yet), with what
    the section or the directory knows of the SIRET."""
    saisie: dict[str, Any] = {
        nom: request.POST.getlist(nom) if nom in ("periodes", "missions") else request.POST[nom]
        for nom in request.POST
        if nom not in ("csrfmiddlewaretoken", "rechercher")
    }
    siret = normaliser_numero(str(saisie.get("siret", ""))[:20])
    erreur_siret = ""
    avis = None
    try:
        valider_siret(siret)
    except ValidationError as erreur:
        erreur_siret = " ".join(erreur.messages)
    else:
        saisie["siret"] = siret
        avis = _connu(siret, saisie)
        if avis is None:
            if recherches_epuisees(request):
                avis = Avis(
                    "warning",
                    "Vous avez fait beaucoup de recherches depuis cette connexion : saisissez "
                    "les informations de l'entreprise ci-dessous.",
                )
            else:
                recherche_comptee(request)
                avis = _interroger(siret, saisie)
    form = _formulaire(eleve, initial=saisie)
    return _page(request, eleve, form, erreur_siret=erreur_siret, avis=avis)


def _connu(siret: str, saisie: dict[str, Any]) -> Avis | None:
    site = EtablissementAccueil.objects.select_related("organisme").filter(siret=siret).first()
    if site is None:
        return None
    saisie |= {
        "entreprise": site.organisme.raison_sociale,
        "adresse": site.adresse,
        "code_postal": site.code_postal,
        "ville": site.ville,
        "naf": site.organisme.naf,
    }
    return Avis(
        "success",
        f"Cet établissement est déjà connu de la section : {site.organisme.raison_sociale}, "
        f"{site.ville}. Vous n'avez rien d'autre à saisir pour l'entreprise.",
    )


def _interroger(siret: str, saisie: dict[str, Any]) -> Avis:
    """Fill `saisie` from the company directory; say how it went."""
    try:
        fiche = annuaire.rechercher(siret)
    except annuaire.AnnuaireIndisponible:
        return Avis(
            "warning",
            "L'annuaire des entreprises ne répond pas pour le moment : saisissez les "
            "informations de l'entreprise ci-dessous.",
        )
    if fiche is None:
        return Avis(
            "info",
            "Ce SIRET n'est pas dans l'annuaire des entreprises (ou n'y est pas public) : "
            "vérifiez-le, ou saisissez les informations de l'entreprise ci-dessous.",
        )
    for nom in CHAMPS_ANNUAIRE:
        valeur = getattr(fiche, "nom" if nom == "entreprise" else nom)
        if valeur:
            saisie[nom] = valeur
    if fiche.fermee:
        return Avis(
            "warning",
            "L'annuaire des entreprises indique que cet établissement est fermé : vérifiez "
            "le SIRET auprès de l'entreprise.",
        )
    return Avis(
        "success",
        "Entreprise trouvée dans l'annuaire des entreprises : vérifiez les informations "
        "ci-dessous et corrigez-les si besoin.",
    )
