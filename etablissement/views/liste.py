"""The list of students: search, filters, sort and pages, in a constant number of queries."""

from __future__ import annotations

from datetime import date
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
from etablissement.models import Enseignant, Etudiant
from etablissement.validators import normaliser_code
from regles.mineurs import nes_apres_sont_mineurs as regles_nes_apres_sont_mineurs
from regles.parametres import parametres

TRIS = {
    "nom": ("Nom", ("nom", "prenom")),
    "promotion": ("Promotion", ("-promotion__annee_debut", "promotion__libelle", "nom", "prenom")),
    "classe": ("Classe", ("classe", "nom", "prenom")),
    "referent": ("Référent", ("referent__nom", "referent__prenom", "nom", "prenom")),
    "naissance": ("Date de naissance", ("date_naissance", "nom")),
}


def nes_apres_sont_mineurs(jour: date) -> date:
    """The birth date after which a person is still a minor on `jour` (born that day: of age)."""
    return regles_nes_apres_sont_mineurs(jour, parametres())


def rechercher(etudiants: QuerySet[Etudiant], texte: str) -> QuerySet[Etudiant]:
    """Every word must match the name, first name, e-mail or INE: "lucas mart" finds Lucas
    Martin. A search that starts with a digit is an INE typed with its spaces
    ("123 456 789 ab"), or the start of an e-mail address."""
    if texte[0].isdigit():
        return etudiants.filter(
            Q(ine__icontains=normaliser_code(texte)) | Q(email__icontains=texte)
        )
    for mot in texte.split():
        etudiants = etudiants.filter(
            Q(nom__icontains=mot)
            | Q(prenom__icontains=mot)
            | Q(email__icontains=mot)
            | Q(ine__icontains=normaliser_code(mot))
        )
    return etudiants


def filtrer(
    etudiants: QuerySet[Etudiant], filtres: dict[str, Any], *, le: date
) -> QuerySet[Etudiant]:
    if filtres.get("promotion"):
        etudiants = etudiants.filter(promotion=filtres["promotion"])
    if filtres.get("classe"):
        etudiants = etudiants.filter(classe=filtres["classe"])
    referent = filtres.get("referent")
    if referent == "aucun":
        etudiants = etudiants.filter(referent__isnull=True)
    elif referent:
        etudiants = etudiants.filter(referent_id=referent)
    limite = nes_apres_sont_mineurs(le)
    if filtres.get("mineur") == "oui":
        etudiants = etudiants.filter(date_naissance__gt=limite)
    elif filtres.get("mineur") == "non":
        etudiants = etudiants.filter(date_naissance__lte=limite)
    archive = filtres.get("archive")
    if archive == "oui":
        etudiants = etudiants.filter(archive=True)
    elif archive != "tous":
        etudiants = etudiants.filter(archive=False)
    return etudiants


@personnel_requis
def etudiants(request: HttpRequest) -> HttpResponse:
    aujourdhui = timezone.localdate()  # "minor" is said of today, decided here
    classes = list(
        Etudiant.objects.exclude(classe="")
        .order_by("classe")
        .values_list("classe", flat=True)
        .distinct()
    )
    referents = list(
        Enseignant.objects.filter(etudiants_suivis__isnull=False)
        .distinct()
        .order_by("nom", "prenom")
    )
    formulaire = FiltresEtudiantsForm(request.GET or None, classes=classes, referents=referents)
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
    qs = filtrer(qs, filtres, le=aujourdhui)
    liste = lister(request, qs, tris=TRIS, tri_defaut="nom", rechercher=rechercher)
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
