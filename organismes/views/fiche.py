"""A host's page: identity and sites, tutors and contacts, what it declared for the quota
(headcount month by month, other schools' interns, closures), its conventions, and its
interns per civil week against the quota, as a chart and as a table."""

from __future__ import annotations

from datetime import date

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from comptes.acces import personnel_requis
from conventions.models import Convention, PeriodeConvention
from organismes.effectif import effectif_retenu
from organismes.models import OrganismeAccueil
from organismes.selectors import historique_organisme, mois_sans_effectif
from pilotage.graphique import graphique_quota
from pilotage.liens import url_convention
from pilotage.occupation import occupation_organisme
from regles.cadre import cadre_au
from regles.parametres import parametres


def _annee(valeur: str | None) -> int | None:
    try:
        return int(valeur) if valeur else None
    except ValueError:
        return None


def _mois(jour: date, decalage: int) -> date:
    """The first day of the month `decalage` months from `jour`'s."""
    index = jour.year * 12 + jour.month - 1 + decalage
    return date(index // 12, index % 12 + 1, 1)


@personnel_requis
def organisme(request: HttpRequest, pk: int) -> HttpResponse:
    hote = get_object_or_404(
        OrganismeAccueil.objects.prefetch_related(
            "etablissements", "tuteurs", "contacts", "effectifs", "autres_stagiaires", "fermetures"
        ),
        pk=pk,
    )
    # The view decides the date: the quota "today" and the school year shown by default.
    aujourdhui = timezone.localdate()
    p = parametres()
    # The R124-12 headcount for a stage starting today, shown as every page shows it.
    retenu = effectif_retenu(hote, pour_le=aujourdhui)
    conventions = (
        Convention.objects.filter(etablissement_accueil__organisme=hote)
        .select_related("etudiant", "etablissement_accueil", "tuteur")
        .prefetch_related(
            Prefetch("periodes", queryset=PeriodeConvention.objects.order_by("debut"))
        )
        .order_by("-cree_le")
    )
    occupation = occupation_organisme(
        hote, annee=_annee(request.GET.get("annee")), aujourdhui=aujourdhui
    )
    return render(
        request,
        "organismes/detail.html",
        {
            "organisme": hote,
            "aujourdhui": aujourdhui,
            "effectif": retenu,
            "effectif_retenu": retenu.valeur,
            "plafond": retenu.plafond,
            "cadre": cadre_au(aujourdhui, p),
            # R124-12 reads the last 12 months: the ones the host has not declared.
            "mois_manquants": mois_sans_effectif(
                hote, du=_mois(aujourdhui, -12), au=_mois(aujourdhui, -1)
            ),
            "conventions": [(c, url_convention(c.pk)) for c in conventions],
            "historique": historique_organisme(hote),
            "occupation": occupation,
            "graphique": graphique_quota(occupation.semaines),
            "breadcrumb_data": {
                "links": [{"url": reverse("organismes:liste"), "title": "Organismes d'accueil"}],
                "current": hote.raison_sociale,
            },
        },
    )
