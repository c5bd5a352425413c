"""The student's search under « Mon stage »: their applications (add, change, delete) and the
section's offers for the periods they still need a place for, with « Cette offre
m'intéresse ». Only the student linked to the account is read: anyone else's application is
not found (404)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from candidatures import selectors, services
from candidatures.forms import CandidatureForm
from candidatures.models import Candidature
from comptes.acces import role_requis
from comptes.models import Role
from core.forms import reporter_erreurs
from etablissement.models import Etudiant
from etablissement.views.mon_stage import etudiant_du_compte
from organismes.models import OrganismeAccueil

ETUDIANT = role_requis(Role.ETUDIANT)
# The section's hosts offered as suggestions of the name field (a datalist).
SUGGESTIONS_MAX = 500


def _eleve(request: HttpRequest) -> Etudiant:
    eleve = etudiant_du_compte(request)
    if eleve is None:
        raise Http404("Votre compte n'est relié à aucune fiche d'étudiant.")
    return eleve


def _candidature(eleve: Etudiant, pk: int) -> Candidature:
    candidature = selectors.candidature_de(eleve, pk)
    if candidature is None:
        raise Http404("Cette candidature n'existe pas.")
    return candidature


def _suggestions() -> list[str]:
    return list(
        OrganismeAccueil.objects.order_by("raison_sociale")
        .values_list("raison_sociale", flat=True)
        .distinct()[:SUGGESTIONS_MAX]
    )


@ETUDIANT
def recherche(request: HttpRequest) -> HttpResponse:
    eleve = etudiant_du_compte(request)
    donnees = selectors.recherche_de(eleve, le=timezone.localdate()) if eleve else None
    return render(request, "candidatures/recherche.html", {"etudiant": eleve, "recherche": donnees})


def _formulaire(
    request: HttpRequest, form: CandidatureForm, candidature: Candidature | None
) -> HttpResponse:
    return render(
        request,
        "candidatures/candidature.html",
        {"form": form, "candidature": candidature, "suggestions": _suggestions()},
        status=400 if form.is_bound else 200,
    )


@ETUDIANT
@require_http_methods(["GET", "POST"])
def ajouter(request: HttpRequest) -> HttpResponse:
    eleve = _eleve(request)
    aujourdhui = timezone.localdate()
    form = CandidatureForm(
        request.POST or None,
        periodes=selectors.periodes_de(eleve, le=aujourdhui),
        initial={"date": aujourdhui},
    )
    if form.is_bound and form.is_valid():
        try:
            candidature = services.candidature_creer(
                etudiant=eleve, saisie=form.saisie(), le=timezone.now(), aujourdhui=aujourdhui
            )
        except ValidationError as refus:
            reporter_erreurs(form, refus)
        else:
            messages.success(request, f"Candidature chez {candidature.organisme_nom} notée.")
            return redirect(reverse("candidatures:recherche") + f"#candidature-{candidature.pk}")
    return _formulaire(request, form, None)


@ETUDIANT
@require_http_methods(["GET", "POST"])
def modifier(request: HttpRequest, pk: int) -> HttpResponse:
    eleve = _eleve(request)
    candidature = _candidature(eleve, pk)
    aujourdhui = timezone.localdate()
    form = CandidatureForm(
        request.POST or None,
        periodes=selectors.periodes_de(eleve, le=aujourdhui, deja=candidature.periode_id),
        initial=CandidatureForm.initial_de(candidature),
    )
    if form.is_bound and form.is_valid():
        try:
            services.candidature_modifier(
                candidature=candidature,
                saisie=form.saisie(),
                le=timezone.now(),
                aujourdhui=aujourdhui,
            )
        except ValidationError as refus:
            reporter_erreurs(form, refus)
        else:
            messages.success(request, f"Candidature chez {candidature.organisme_nom} enregistrée.")
            return redirect(reverse("candidatures:recherche") + f"#candidature-{candidature.pk}")
    return _formulaire(request, form, candidature)


@ETUDIANT
@require_POST
def supprimer(request: HttpRequest, pk: int) -> HttpResponse:
    candidature = _candidature(_eleve(request), pk)
    services.candidature_supprimer(candidature=candidature)
    messages.success(request, f"Candidature chez {candidature.organisme_nom} supprimée.")
    return redirect("candidatures:recherche")


@ETUDIANT
@require_POST
def interet(request: HttpRequest, pk: int) -> HttpResponse:
    """« Cette offre m'intéresse » or « Retirer mon intérêt »: with htmx, the offer's card
    comes back alone; without, the page."""
    eleve = _eleve(request)
    aujourdhui = timezone.localdate()
    ligne = selectors.offre_pour_etudiant(eleve, pk, le=aujourdhui)
    if ligne is None:
        raise Http404("Cette offre n'est pas ouverte pour vous.")
    erreur = ""
    if request.POST.get("action") == "retirer":
        services.interet_retirer(etudiant=eleve, proposition=ligne.offre)
        message = f"Votre intérêt pour l'offre de {ligne.offre.entreprise} est retiré."
    else:
        try:
            services.interet_marquer(etudiant=eleve, proposition=ligne.offre, le=timezone.now())
        except ValidationError as refus:
            erreur = " ".join(refus.messages)
        message = (
            f"Votre intérêt pour l'offre de {ligne.offre.entreprise} est transmis à la section."
        )
    if request.headers.get("HX-Request"):
        ligne = selectors.offre_pour_etudiant(eleve, pk, le=aujourdhui)
        return render(
            request,
            "candidatures/_offre.html",
            {"ligne": ligne, "annonce": erreur or message, "erreur": bool(erreur)},
        )
    if erreur:
        messages.error(request, erreur)
    else:
        messages.success(request, message)
    return redirect(reverse("candidatures:recherche") + f"#offre-{pk}")
