"""The list of conventions: search, filters, sorting, pages; a constant number of queries
whatever the number of rows (the rows' student, host and dates come with the slice)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from comptes.acces import personnel_requis
from comptes.models import Utilisateur
from conventions.acces import peut_modifier
from conventions.models import Convention, Statut
from conventions.selectors import (
    conventions_filtrer,
    conventions_pour_liste,
    conventions_rechercher,
)
from conventions.services import ACTIONS_GROUPEES
from conventions.verdicts import bloquants_des
from conventions.workflow import ACTEURS, TRANSITIONS, Transition
from core.forms import DsfrForm
from core.listes import lister
from etablissement.forms import filtre_promotion, filtre_referent
from regles.constats import Constat

TRIS = {
    "numero": ("N°", ("pk",)),
    "etudiant": ("Étudiant", ("etudiant__nom", "etudiant__prenom")),
    "organisme": ("Organisme d'accueil", ("etablissement_accueil__organisme__raison_sociale",)),
    "debut": ("Dates", ("debut", "fin")),
    "referent": ("Référent", ("referent__nom", "referent__prenom")),
    "statut": ("Statut", ("statut",)),
}


class FiltresForm(DsfrForm):
    statut = forms.ChoiceField(
        label="Statut", choices=[("", "Tous"), *Statut.choices], required=False
    )
    # Text fields with suggestions, not selects of hundreds of rows (core/suggestions.py).
    promotion = filtre_promotion()
    referent = filtre_referent()
    attente = forms.ChoiceField(
        label="En attente d'une action de",
        choices=[("", "Peu importe"), *ACTEURS.items()],
        required=False,
    )


@personnel_requis
def liste(request: HttpRequest) -> HttpResponse:
    filtres = FiltresForm(request.GET)
    # The page's ids first, on the conventions alone (and the joins a sort needs), then
    # its rows with their details: PostgreSQL joined every convention to its student,
    # host and référent before keeping a search's few (150 ms at an académie's scale).
    conventions = Convention.objects.only("pk")
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
    ids = [c.pk for c in resultat.page.object_list]
    details = conventions_pour_liste().in_bulk(ids)
    resultat.page.object_list = [details[pk] for pk in ids]
    # The blocking findings of the page's rows: a constant number of engine calls a page.
    bloquants = bloquants_des([c.pk for c in resultat.page])
    lignes = [
        Ligne(c, peut_modifier(request.user, c.etudiant), bloquants.get(c.pk))
        for c in resultat.page
    ]
    # The query string of the filters, for the exports (the same rows, every page).
    filtres_url = request.GET.copy()
    for cle in ("page", "tri"):
        filtres_url.pop(cle, None)
    if filtres.is_valid():  # a label typed in a filter goes to the exports as its row's id
        for cle in ("promotion", "referent"):
            if ligne := filtres.cleaned_data[cle]:
                filtres_url[cle] = str(ligne.pk)
    return render(
        request,
        "conventions/liste.html",
        {
            "liste": resultat,
            "lignes": lignes,
            "filtres": filtres,
            "actions_groupees": actions_groupees(request.user),
            "selectionnable": any(ligne.modifiable for ligne in lignes),
            "filtres_url": filtres_url.urlencode(),
            "retour": request.get_full_path(),
        },
    )


@dataclass(frozen=True)
class Ligne:
    convention: Convention
    modifiable: bool
    bloquants: list[Constat] | None  # None: not evaluated (cancelled, or without a period)

    @property
    def titres(self) -> str:
        """The rules broken, as a person reads them."""
        return " ; ".join(dict.fromkeys(k.regle.titre for k in self.bloquants or ()))


def actions_groupees(utilisateur: Any) -> list[Transition]:
    """The actions of a selection this user may take (validation: administrators only)."""
    admin = isinstance(utilisateur, Utilisateur) and utilisateur.est_administrateur
    return [TRANSITIONS[a] for a in ACTIONS_GROUPEES if admin or not TRANSITIONS[a].administrateur]
