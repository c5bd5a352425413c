"""The staff's prospect list (filters, checkboxes for a campaign), a prospect's page with its
history, the creation of a prospect by hand or from the past hosts."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from comptes.acces import personnel_requis
from comptes.models import Utilisateur
from core.forms import reporter_erreurs
from prospection import selectors, services
from prospection.forms import EchangeForm, FiltresForm, ProspectForm
from prospection.models import Prospect


def _fil(courant: str) -> dict[str, object]:
    return {
        "links": [{"url": reverse("prospection:liste"), "title": "Prospection"}],
        "current": courant,
    }


@personnel_requis
def liste(request: HttpRequest) -> HttpResponse:
    filtres = FiltresForm(request.GET or None, secteurs=selectors.secteurs())
    choix = filtres.cleaned_data if filtres.is_valid() else {}
    prospects = selectors.prospects(
        recherche=choix.get("q", ""),
        statut=choix.get("statut", ""),
        secteur=choix.get("secteur", ""),
        relance_due=bool(choix.get("relance")),
    )
    page = Paginator(prospects, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "prospection/liste.html",
        {"filtres": filtres, "page": page, "campagnes": selectors.campagnes()[:5]},
    )


@personnel_requis
@require_http_methods(["GET", "POST"])
def creer(request: HttpRequest) -> HttpResponse:
    form = ProspectForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            prospect = services.prospect_creer(**form.cleaned_data)
        except ValidationError as erreur:
            reporter_erreurs(form, erreur)
        else:
            messages.success(request, f"Le prospect {prospect.nom} est ajouté.")
            return redirect("prospection:detail", pk=prospect.pk)
    return render(
        request,
        "prospection/creer.html",
        {"form": form, "breadcrumb_data": _fil("Nouveau prospect")},
    )


@personnel_requis
@require_POST
def anciens(request: HttpRequest) -> HttpResponse:
    crees = services.anciens_organismes_ajouter()
    if crees:
        messages.success(
            request,
            f"{crees} ancien{'s' if crees > 1 else ''} organisme{'s' if crees > 1 else ''} "
            f"d'accueil ajouté{'s' if crees > 1 else ''} aux prospects.",
        )
    else:
        messages.info(request, "Tous les anciens organismes d'accueil sont déjà des prospects.")
    return redirect("prospection:liste")


@personnel_requis
@require_http_methods(["GET", "POST"])
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        prospect = selectors.prospect(pk)
    except Prospect.DoesNotExist as absent:
        raise Http404("Ce prospect n'existe pas.") from absent
    form = EchangeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        assert isinstance(request.user, Utilisateur)
        try:
            services.echange_ajouter(prospect=prospect, auteur=request.user, **form.cleaned_data)
        except ValidationError as erreur:
            reporter_erreurs(form, erreur)
        else:
            messages.success(request, "L'échange est ajouté à l'historique.")
            return redirect("prospection:detail", pk=prospect.pk)
    return render(
        request,
        "prospection/detail.html",
        {
            "prospect": prospect,
            "echanges": selectors.echanges(prospect),
            "destinations": prospect.destinations.select_related("campagne"),
            "form": form,
            "breadcrumb_data": _fil(prospect.nom),
        },
        status=400 if form.errors else 200,
    )
