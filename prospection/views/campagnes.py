"""Campaigns: prepared from the prospects ticked on the list, sent only by a person's click on
« Envoyer à N prospects » after a confirmation, followed recipient by recipient."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from comptes.acces import personnel_requis
from comptes.models import Utilisateur
from core.forms import reporter_erreurs
from prospection import selectors, services
from prospection.forms import CampagneForm
from prospection.models import Campagne, Prospect


def _fil(courant: str) -> dict[str, object]:
    return {
        "links": [{"url": reverse("prospection:campagnes"), "title": "Campagnes"}],
        "current": courant,
    }


def _ids(valeurs: list[str]) -> list[int]:
    return [int(v) for v in valeurs[: services.MAX_DESTINATAIRES + 1] if v.isdigit()]


@personnel_requis
def campagnes(request: HttpRequest) -> HttpResponse:
    return render(request, "prospection/campagnes.html", {"campagnes": selectors.campagnes()})


@personnel_requis
@require_http_methods(["GET", "POST"])
def nouvelle(request: HttpRequest) -> HttpResponse:
    donnees = request.POST if request.method == "POST" else request.GET
    choisis = list(Prospect.objects.filter(pk__in=_ids(donnees.getlist("prospects"))))
    form = CampagneForm(request.POST if "titre" in request.POST else None)
    if not choisis:
        messages.warning(request, "Cochez au moins un prospect dans la liste.")
        return redirect("prospection:liste")
    if form.is_bound and form.is_valid():
        assert isinstance(request.user, Utilisateur)
        try:
            campagne = services.campagne_creer(
                prospects=choisis, auteur=request.user, **form.cleaned_data
            )
        except ValidationError as erreur:
            reporter_erreurs(form, erreur)
        else:
            messages.success(request, "La campagne est prête : vérifiez-la, puis envoyez-la.")
            return redirect("prospection:campagne", pk=campagne.pk)
    return render(
        request,
        "prospection/campagne_nouvelle.html",
        {
            "form": form,
            "choisis": choisis,
            "sans_email": [p for p in choisis if not p.contact_email],
            "breadcrumb_data": _fil("Nouvelle campagne"),
        },
        status=400 if form.errors else 200,
    )


def _campagne(pk: int) -> Campagne:
    try:
        return selectors.campagne(pk)
    except Campagne.DoesNotExist as absente:
        raise Http404("Cette campagne n'existe pas.") from absente


@personnel_requis
def campagne(request: HttpRequest, pk: int) -> HttpResponse:
    campagne = _campagne(pk)
    destinataires = list(selectors.destinataires(campagne))
    a_envoyer = [d for d in destinataires if not services.email_refuse(d.email)]
    return render(
        request,
        "prospection/campagne.html",
        {
            "campagne": campagne,
            "destinataires": destinataires,
            "a_envoyer": len(a_envoyer),
            "breadcrumb_data": _fil(campagne.titre),
        },
    )


@personnel_requis
@require_http_methods(["GET", "POST"])
def envoyer(request: HttpRequest, pk: int) -> HttpResponse:
    campagne = _campagne(pk)
    if request.method == "POST":
        try:
            envoyes = services.campagne_envoyer(campagne=campagne)
        except ValidationError as erreur:
            messages.error(request, " ".join(erreur.messages))
        else:
            messages.success(
                request,
                f"La campagne est envoyée à {envoyes} prospect{'s' if envoyes > 1 else ''}.",
            )
        return redirect("prospection:campagne", pk=campagne.pk)
    if campagne.envoyee_le:
        return redirect("prospection:campagne", pk=campagne.pk)
    a_envoyer = [d for d in selectors.destinataires(campagne) if not services.email_refuse(d.email)]
    return render(
        request,
        "prospection/envoyer.html",
        {"campagne": campagne, "a_envoyer": a_envoyer, "breadcrumb_data": _fil(campagne.titre)},
    )
