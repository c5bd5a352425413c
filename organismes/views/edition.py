"""Creating a host (with its first site when its SIRET is known) and changing it, through
organismes.services. Any staff member may: hosts are the whole section's address book."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from comptes.acces import personnel_requis
from core.forms import reporter_erreurs
from organismes import services
from organismes.forms import OrganismeForm, SiteForm
from organismes.models import OrganismeAccueil


class _SiteRefuse(Exception):
    """Roll the new host back when its first site is refused."""


@personnel_requis
def organisme_creer(request: HttpRequest) -> HttpResponse:
    formulaire = OrganismeForm(request.POST or None)
    site = SiteForm(request.POST or None, prefix="site", facultatif=True)
    if request.method == "POST" and formulaire.is_valid() and site.is_valid():
        try:
            with transaction.atomic():
                hote = services.organisme_creer(**formulaire.cleaned_data)
                if not site.est_vide():
                    try:
                        services.etablissement_accueil_creer(organisme=hote, **site.cleaned_data)
                    except ValidationError as erreur:
                        reporter_erreurs(site, erreur)
                        raise _SiteRefuse from erreur
        except ValidationError as erreur:
            reporter_erreurs(formulaire, erreur)
        except _SiteRefuse:
            pass  # the errors are on the site's fields; nothing was saved
        else:
            messages.success(request, f"L'organisme {hote.raison_sociale} est enregistré.")
            return redirect("organismes:detail", pk=hote.pk)
    return render(
        request,
        "organismes/formulaire_organisme.html",
        {
            "formulaire": formulaire,
            "site": site,
            "titre": "Nouvel organisme d'accueil",
            "retour": reverse("organismes:liste"),
        },
    )


@personnel_requis
def organisme_modifier(request: HttpRequest, pk: int) -> HttpResponse:
    hote = get_object_or_404(OrganismeAccueil, pk=pk)
    nom = hote.raison_sociale
    formulaire = OrganismeForm(request.POST or None, initial=OrganismeForm.initial_de(hote))
    if request.method == "POST" and formulaire.is_valid():
        champs = {n: formulaire.cleaned_data[n] for n in formulaire.changed_data}
        try:
            services.organisme_modifier(organisme=hote, **champs)
        except ValidationError as erreur:
            reporter_erreurs(formulaire, erreur)
        else:
            messages.success(request, f"L'organisme {hote.raison_sociale} est enregistré.")
            return redirect("organismes:detail", pk=hote.pk)
    return render(
        request,
        "organismes/formulaire_organisme.html",
        {
            "formulaire": formulaire,
            "organisme": hote,
            "titre": f"Modifier {nom}",
            "retour": reverse("organismes:detail", kwargs={"pk": hote.pk}),
        },
    )
