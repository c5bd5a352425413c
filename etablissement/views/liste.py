"""The list of students: search, filters, sort and pages, in a constant number of queries."""

from __future__ import annotations

from typing import Any

from django.db.models import (
    BooleanField,
    Count,
    ExpressionWrapper,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from comptes.acces import personnel_requis
from comptes.models import Utilisateur
from conventions.models import Convention, Statut
from core.listes import lister
from etablissement.forms import FiltresEtudiantsForm
from etablissement.models import Etudiant
from etablissement.selectors import filtrer_etudiants, nes_apres_sont_mineurs, rechercher_etudiants

TRIS = {
    "nom": ("Nom", ("nom", "prenom")),
    "promotion": ("Promotion", ("-promotion__annee_debut", "promotion__libelle", "nom", "prenom")),
    "classe": ("Classe", ("classe", "nom", "prenom")),
    "referent": ("Référent", ("referent__nom", "referent__prenom", "nom", "prenom")),
    "naissance": ("Date de naissance", ("date_naissance", "nom")),
}


@personnel_requis
def etudiants(request: HttpRequest) -> HttpResponse:
    aujourdhui = timezone.localdate()  # "minor" is said of today, decided here
    classes = list(
        Etudiant.objects.exclude(classe="")
        .order_by("classe")
        .values_list("classe", flat=True)
        .distinct()
    )
    formulaire = FiltresEtudiantsForm(request.GET or None, classes=classes)
    filtres: dict[str, Any] = {}
    if formulaire.is_bound:
        # cleaned_data keeps the valid fields: a filter with an unknown value (a deleted
        # cohort in a bookmark) is left out, not the others.
        formulaire.is_valid()
        filtres = formulaire.cleaned_data
    # The count of conventions as a subquery: computed for the page's rows only, and left
    # out of the paginator's COUNT (a join + GROUP BY would run over every student).
    conventions = (
        Convention.objects.filter(etudiant=OuterRef("pk"))
        .exclude(statut=Statut.ANNULEE)
        .order_by()
        .values("etudiant")
        .annotate(n=Count("pk"))
        .values("n")
    )
    qs: QuerySet[Etudiant] = Etudiant.objects.select_related("promotion", "referent").annotate(
        conventions_actives=Coalesce(Subquery(conventions, output_field=IntegerField()), 0),
        mineur=ExpressionWrapper(
            Q(date_naissance__gt=nes_apres_sont_mineurs(aujourdhui)),
            output_field=BooleanField(),
        ),
    )
    qs = filtrer_etudiants(qs, filtres, le=aujourdhui)
    liste = lister(request, qs, tris=TRIS, tri_defaut="nom", rechercher=rechercher_etudiants)
    utilisateur = request.user
    peut_creer = isinstance(utilisateur, Utilisateur) and utilisateur.est_administrateur
    return render(
        request,
        "etablissement/etudiants.html",
        {
            "liste": liste,
            "formulaire": formulaire,
            "aujourdhui": aujourdhui,
            "peut_creer": peut_creer,
            "filtre_actif": any(
                filtres.get(c) for c in ("promotion", "classe", "referent", "mineur", "archive")
            ),
        },
    )
