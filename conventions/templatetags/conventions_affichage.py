"""A convention's status on screen: `{% load conventions_affichage %}`, then
`{{ convention.statut|badge_statut }}` (the DSFR badge class) and
`{{ convention.statut|attente }}` (who it waits for, and for what), `{{ code|titre_regle }}`
(the title of a finding's rule); and the sort links of
the list's headers, `{{ liste|url_tri:cle }}` and `{{ liste|sens_tri:cle }}`."""

from __future__ import annotations

from django import template

from conventions.presentation import BADGES
from conventions.workflow import ACTEURS, ATTENTES
from core.listes import Liste
from regles.constats import CATALOGUE

register = template.Library()


@register.filter
def badge_statut(statut: str) -> str:
    return BADGES.get(statut, "")


@register.filter
def titre_regle(code: str) -> str:
    """The rule a finding's code stands for, as a person reads it (never the code)."""
    regle = CATALOGUE.get(code)
    return regle.titre if regle else "Avertissement"


@register.filter
def attente(statut: str) -> str:
    attendu = ATTENTES.get(statut)
    if attendu is None:
        return ""
    return f"{ACTEURS[attendu.qui]} : {attendu.quoi[0].lower()}{attendu.quoi[1:]}"


@register.filter
def url_tri(liste: Liste, cle: str) -> str:
    """`{{ liste|url_tri:"etudiant" }}`: sort by that column, or reverse it."""
    return liste.url_tri(cle)


@register.filter
def sens_tri(liste: Liste, cle: str) -> str:
    """`aria-sort="{{ liste|sens_tri:"etudiant" }}"`."""
    return liste.sens(cle)
