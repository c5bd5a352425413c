"""The list of conventions: search, filters, sorting, pages; a constant number of queries
whatever the number of rows (the rows' student, host and dates come with the slice)."""

from __future__ import annotations

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from comptes.acces import personnel_requis
from conventions.acces import peut_modifier
from conventions.models import Statut
from conventions.selectors import (
    conventions_filtrer,
    conventions_pour_liste,
    conventions_rechercher,
)
from conventions.workflow import ACTEURS
from core.forms import DsfrForm
from core.listes import lister
from etablissement.models import Enseignant, Promotion

TRIS = {
    "etudiant": ("Étudiant", ("etudiant__nom", "etudiant__prenom")),
    "organisme": ("Organisme d'accueil", ("etablissement_accueil__organisme__raison_sociale",)),
    "debut": ("Dates", ("debut", "fin")),
    "statut": ("Statut", ("statut",)),
}


class FiltresForm(DsfrForm):
    statut = forms.ChoiceField(
        label="Statut", choices=[("", "Tous"), *Statut.choices], required=False
    )
    promotion = forms.ModelChoiceField(
        label="Promotion",
        queryset=Promotion.objects.order_by("-annee_debut", "libelle"),
        required=False,
        empty_label="Toutes",
    )
    referent = forms.ModelChoiceField(
        label="Référent",
        queryset=Enseignant.objects.order_by("nom", "prenom"),
        required=False,
        empty_label="Tous",
    )
    attente = forms.ChoiceField(
        label="En attente d'une action de",
        choices=[("", "Peu importe"), *ACTEURS.items()],
        required=False,
    )


@personnel_requis
def liste(request: HttpRequest) -> HttpResponse:
    filtres = FiltresForm(request.GET)
    conventions = conventions_pour_liste()
    if filtres.is_valid():  # an unknown value in the URL filters nothing rather than fail
        donnees = filtres.cleaned_data
        conventions = conventions_filtrer(
            conventions,
            statut=donnees["statut"],
            promotion=donnees["promotion"].pk if donnees["promotion"] else None,
            referent=donnees["referent"].pk if donnees["referent"] else None,
            attente=donnees["attente"],
        )
    resultat = lister(
        request, conventions, tris=TRIS, tri_defaut="-debut", rechercher=conventions_rechercher
    )
    lignes = [(c, peut_modifier(request.user, c.etudiant)) for c in resultat.page]
    return render(
        request,
        "conventions/liste.html",
        {"liste": resultat, "lignes": lignes, "filtres": filtres},
    )
