"""Figures of the follow-up screens: `{% load ecrans %}`.

`{{ jours|jours }}` prints days of stage with no useless decimals (17, 17,5), as the
engine's sentences do; `{{ convention.statut|badge_statut }}` gives the DSFR badge colour of
a convention's status, the same on every list.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms, template

from conventions.models import Convention
from core.listes import Liste
from regles import format as fmt

register = template.Library()


@register.filter
def jours(valeur: Decimal | int | None) -> str:
    if valeur is None or valeur == "":
        return ""
    return fmt.nombre(Decimal(valeur)).rstrip("0").rstrip(",")


# Green once signed, blue while it moves, orange when someone must act, grey when over.
_BADGES = {
    "brouillon": "fr-badge--new",
    "a_valider": "fr-badge--warning",
    "validee": "fr-badge--info",
    "en_signature": "fr-badge--info",
    "signee": "fr-badge--success",
    "en_cours": "fr-badge--success",
    "terminee": "fr-badge--warning",
    "attestee": "fr-badge--success",
    "annulee": "",
    "rompue": "fr-badge--error",
}


@register.filter
def badge_statut(statut: str) -> str:
    return _BADGES.get(str(statut), "")


@register.filter
def dates_convention(convention: Convention) -> str:
    """ "du 02/03/2026 au 27/03/2026" from a convention's periods (prefetched), cut by an
    early end; several periods are shown by their first and last day."""
    periodes = list(convention.periodes.all())
    if not periodes:
        return "sans période"
    debut = min(p.debut for p in periodes)
    fin = max(p.fin for p in periodes)
    if convention.rupture_dernier_jour is not None:
        fin = min(fin, convention.rupture_dernier_jour)
    return f"du {fmt.jour(debut)} au {fmt.jour(fin)}"


@register.filter
def champs(formulaire: forms.Form, noms: str) -> list[forms.BoundField]:
    """The bound fields named in `noms` (space separated), in that order: a form's fieldsets."""
    return [formulaire[nom] for nom in noms.split()]


@register.inclusion_tag("ecrans/pagination.html")
def pagination(liste: Liste) -> dict[str, Any]:
    """The DSFR pagination of a list of core/listes.py: first, previous, the pages around
    the current one, next, last; the query string (search, filters, sort) kept."""
    page = liste.page
    dernier = page.paginator.num_pages
    autour = range(max(1, page.number - 2), min(dernier, page.number + 2) + 1)
    return {
        "page": page,
        "premiere": liste.url(page=1) if page.number > 1 else None,
        "precedente": liste.url(page=page.number - 1) if page.has_previous() else None,
        "suivante": liste.url(page=page.number + 1) if page.has_next() else None,
        "derniere": liste.url(page=dernier) if page.number < dernier else None,
        "numeros": [(n, liste.url(page=n)) for n in autour],
        "dernier": dernier,
    }


@register.filter
def chiffre(valeur: Decimal | int | str | None) -> str:
    """A cell of a figures' table: a count as is, an amount or an average with its decimals
    (1 234,50 ; 12,5), a text as is, a year without that row as a dash."""
    if valeur is None:
        return "—"
    if isinstance(valeur, str):
        return valeur
    decimales = -int(valeur.as_tuple().exponent) if isinstance(valeur, Decimal) else 0
    if decimales == 1 and valeur == int(valeur):
        decimales = 0  # an average of whole days: 12, not 12,0
    return fmt.nombre(Decimal(valeur), max(decimales, 0))
