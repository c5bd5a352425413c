"""« Textes par défaut des clauses »: the texts a new convention starts with for the D124-4
clauses written as text, for the whole section and, overriding them, for one cohort. The
administrators write them (the section's model convention); a new convention takes them
through `conventions.services.convention_creer`."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from comptes.acces import role_requis
from comptes.models import Role, Utilisateur
from conventions.forms import TextesParDefautForm
from conventions.models import TexteParDefaut
from conventions.services import clauses_par_defaut, textes_par_defaut_enregistrer
from core.forms import reporter_erreurs
from core.listes import identifiant
from etablissement.models import Promotion


@require_http_methods(["GET", "POST"])
@role_requis(Role.ADMINISTRATEUR)
def clauses(request: HttpRequest) -> HttpResponse:
    promotions = list(Promotion.objects.order_by("-annee_debut", "libelle"))
    pk = identifiant(request.GET.get("promotion", ""))
    promotion = next((p for p in promotions if p.pk == pk), None)
    section = clauses_par_defaut(None)
    propres = (
        {t.code: t.texte for t in TexteParDefaut.objects.filter(promotion=promotion)}
        if promotion is not None
        else section
    )
    form = TextesParDefautForm(
        request.POST or None,
        initial=propres,
        section=section if promotion is not None else None,
        le=timezone.localdate(),
    )
    if request.method == "POST" and form.is_valid():
        auteur = request.user if isinstance(request.user, Utilisateur) else None
        try:
            textes_par_defaut_enregistrer(promotion=promotion, textes=form.textes(), auteur=auteur)
        except ValidationError as erreur:
            reporter_erreurs(form, erreur)
        else:
            messages.success(
                request,
                "Textes par défaut enregistrés"
                + (f" pour la promotion {promotion}." if promotion else " pour la section.")
                + " Ils s'appliquent aux conventions créées désormais.",
            )
            url = reverse("conventions:clauses")
            return redirect(f"{url}?promotion={promotion.pk}" if promotion else url)
    return render(
        request,
        "conventions/clauses.html",
        {
            "form": form,
            "promotion": promotion,
            "promotions": promotions,
            "remplacees": sorted(propres) if promotion is not None else [],
        },
    )
