"""What is added to a host from its page: a site, a tutor, a contact, the headcount of a
month, the interns it takes from other schools in a week, a closure. One small form each, through the services;
each one comes back to the host's page."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from comptes.acces import personnel_requis
from comptes.models import Utilisateur
from core.forms import reporter_erreurs
from organismes import services
from organismes.forms import (
    AutresStagiairesForm,
    ContactForm,
    EffectifForm,
    FermetureForm,
    SiteForm,
    TuteurForm,
)
from organismes.models import OrganismeAccueil
from regles import format as fmt


def _declarer(
    request: HttpRequest,
    pk: int,
    *,
    formulaire_classe: type[forms.Form],
    service: Callable[..., Any],
    titre: str,
    intro: str,
    succes: Callable[[Any], str],
    ancre: str,
) -> HttpResponse:
    hote = get_object_or_404(OrganismeAccueil, pk=pk)
    formulaire = formulaire_classe(request.POST or None)
    if request.method == "POST" and formulaire.is_valid():
        try:
            objet = service(organisme=hote, **formulaire.cleaned_data)
        except ValidationError as erreur:
            reporter_erreurs(formulaire, erreur)
        else:
            messages.success(request, succes(objet))
            return redirect(reverse("organismes:detail", kwargs={"pk": hote.pk}) + f"#{ancre}")
    retour = reverse("organismes:detail", kwargs={"pk": hote.pk}) + f"#{ancre}"
    return render(
        request,
        "organismes/declaration.html",
        {
            "organisme": hote,
            "formulaire": formulaire,
            "titre": titre,
            "intro": intro,
            "retour": retour,
        },
    )


@personnel_requis
def site_ajouter(request: HttpRequest, pk: int) -> HttpResponse:
    return _declarer(
        request,
        pk,
        formulaire_classe=SiteForm,
        service=services.etablissement_accueil_creer,
        titre="Ajouter un site",
        intro="Le lieu où se déroule le stage, identifié par son SIRET.",
        succes=lambda site: f"Le site de {site.ville} (SIRET {site.siret}) est ajouté.",
        ancre="sites",
    )


@personnel_requis
def tuteur_ajouter(request: HttpRequest, pk: int) -> HttpResponse:
    return _declarer(
        request,
        pk,
        formulaire_classe=TuteurForm,
        service=services.tuteur_creer,
        titre="Ajouter un tuteur",
        intro="La personne de l'organisme qui encadre les stagiaires : trois au plus en même temps.",
        succes=lambda tuteur: f"{tuteur} est ajouté aux tuteurs.",
        ancre="tuteurs",
    )


@personnel_requis
def effectif_enregistrer(request: HttpRequest, pk: int) -> HttpResponse:
    assert isinstance(request.user, Utilisateur)  # personnel_requis let only accounts in
    return _declarer(
        request,
        pk,
        formulaire_classe=EffectifForm,
        service=partial(services.effectif_enregistrer, auteur=request.user),
        titre="Enregistrer l'effectif d'un mois",
        intro=(
            "Les personnes employées au dernier jour du mois (article R124-12 du code de "
            "l'éducation) : le plafond de stagiaires d'une semaine se calcule sur le mois "
            "précédent et la moyenne des douze derniers mois."
        ),
        succes=lambda e: f"Effectif de {e.mois:%m/%Y} enregistré : {e.personnes} personnes.",
        ancre="effectifs",
    )


@personnel_requis
def autres_stagiaires_declarer(request: HttpRequest, pk: int) -> HttpResponse:
    assert isinstance(request.user, Utilisateur)  # personnel_requis let only accounts in
    return _declarer(
        request,
        pk,
        formulaire_classe=AutresStagiairesForm,
        service=partial(services.autres_stagiaires_declarer, auteur=request.user),
        titre="Déclarer des stagiaires d'autres écoles",
        intro=(
            "Les stagiaires que l'organisme accueille d'autres établissements une semaine "
            "civile donnée : ils comptent dans son plafond."
        ),
        succes=lambda d: (
            f"Semaine du {fmt.jour(d.lundi)} : {d.nombre} stagiaire(s) d'autres écoles."
        ),
        ancre="autres-stagiaires",
    )


@personnel_requis
def contact_ajouter(request: HttpRequest, pk: int) -> HttpResponse:
    return _declarer(
        request,
        pk,
        formulaire_classe=ContactForm,
        service=services.contact_creer,
        titre="Ajouter un contact",
        intro=(
            "Une personne de l'organisme autre qu'un tuteur : le signataire des conventions, "
            "les ressources humaines, la comptabilité qui verse la gratification."
        ),
        succes=lambda contact: f"{contact} est ajouté aux contacts.",
        ancre="tuteurs",
    )


@personnel_requis
def fermeture_ajouter(request: HttpRequest, pk: int) -> HttpResponse:
    return _declarer(
        request,
        pk,
        formulaire_classe=FermetureForm,
        service=services.fermeture_ajouter,
        titre="Déclarer une fermeture",
        intro=(
            "Les jours où l'organisme est fermé : aucun jour de stage n'y est prévu, ils ne "
            "comptent ni dans la présence ni dans la gratification."
        ),
        succes=lambda f: (
            f"{f.libelle or 'Fermeture'} du {fmt.jour(f.debut)} au {fmt.jour(f.fin)} enregistrée."
        ),
        ancre="fermetures",
    )
