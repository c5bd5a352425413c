"""The list of host organisations: search, size band, sort and pages, in a constant number
of queries (the latest headcount and the counts are subqueries of the page's one query)."""

from __future__ import annotations

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from comptes.acces import personnel_requis
from conventions.models import Convention, Statut
from core.listes import lister
from organismes.forms import FiltresOrganismesForm
from organismes.models import EffectifMensuel, EtablissementAccueil, OrganismeAccueil
from organismes.selectors import organismes_rechercher

TRIS = {
    "raison_sociale": ("Raison sociale", ("raison_sociale",)),
    "ville": ("Ville", ("ville", "raison_sociale")),
    # Unknown headcounts (-1) first in ascending order, on SQLite as on PostgreSQL.
    "effectif": ("Effectif", ("effectif_tri", "raison_sociale")),
    "conventions": ("Conventions", ("nombre_conventions", "raison_sociale")),
}

# Size bands on the latest declared headcount: 20 is where the quota changes (R124-10),
# 50 and 250 the usual company sizes.
TAILLES = {
    "moins_20": Q(effectif__lt=20),
    "20_49": Q(effectif__gte=20, effectif__lt=50),
    "50_249": Q(effectif__gte=50, effectif__lt=250),
    "250_plus": Q(effectif__gte=250),
    "inconnu": Q(effectif__isnull=True),
}


def _compte(qs: QuerySet[EtablissementAccueil] | QuerySet[Convention], champ: str) -> Coalesce:
    """COUNT(*) of `qs` per organisme as a subquery (no join that would multiply the rows)."""
    compte = qs.filter(**{champ: OuterRef("pk")}).order_by().values(champ).annotate(n=Count("pk"))
    return Coalesce(Subquery(compte.values("n"), output_field=IntegerField()), Value(0))


def avec_chiffres(organismes: QuerySet[OrganismeAccueil]) -> QuerySet[OrganismeAccueil]:
    dernier = EffectifMensuel.objects.filter(organisme=OuterRef("pk")).order_by("-mois")
    return organismes.annotate(
        effectif=Subquery(dernier.values("personnes")[:1], output_field=IntegerField()),
        mois_effectif=Subquery(dernier.values("mois")[:1]),
        effectif_tri=Coalesce("effectif", Value(-1)),
        nombre_sites=_compte(EtablissementAccueil.objects.all(), "organisme"),
        nombre_conventions=_compte(
            Convention.objects.exclude(statut=Statut.ANNULEE), "etablissement_accueil__organisme"
        ),
    )


def rechercher(organismes: QuerySet[OrganismeAccueil], texte: str) -> QuerySet[OrganismeAccueil]:
    # The selector's search (name, SIREN, SIRET, town of the seat or a site) as a subquery.
    return organismes.filter(pk__in=organismes_rechercher(texte=texte).values("pk"))


@personnel_requis
def organismes(request: HttpRequest) -> HttpResponse:
    formulaire = FiltresOrganismesForm(request.GET or None)
    filtres: dict[str, object] = {}
    if formulaire.is_bound:
        formulaire.is_valid()  # an unknown band is left out, the search kept
        filtres = formulaire.cleaned_data
    qs = avec_chiffres(OrganismeAccueil.objects.all())
    taille = filtres.get("taille")
    if isinstance(taille, str) and taille in TAILLES:
        qs = qs.filter(TAILLES[taille])
    liste = lister(request, qs, tris=TRIS, tri_defaut="raison_sociale", rechercher=rechercher)
    return render(
        request,
        "organismes/liste.html",
        {"liste": liste, "formulaire": formulaire, "filtre_actif": bool(taille)},
    )
