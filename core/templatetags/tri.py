"""Sortable column headers for the lists of core/listes.py.

`{% load tri %}` then, in a `<thead>` row, `{% colonne_triable liste "nom" %}`: a `<th>` whose
link sorts by that key (or reverses it), with `aria-sort` on the column the list is sorted
by. The label is the one given to `lister(tris=…)`, so a column is named in one place.
"""

from __future__ import annotations

from typing import Any

from django import template

from core.listes import Liste

register = template.Library()


@register.inclusion_tag("core/listes/colonne_triable.html")
def colonne_triable(liste: Liste, cle: str) -> dict[str, Any]:
    sens = liste.sens(cle)
    # ARIA: only the header the table is sorted by carries aria-sort.
    prochain = "décroissant" if sens == "ascending" else "croissant"
    return {
        "libelle": liste.tris[cle],
        "url": liste.url_tri(cle),
        "sens": sens if sens != "none" else "",
        "prochain": prochain,
    }


@register.simple_tag
def tri_actuel(liste: Liste) -> str:
    """The sort in words, for a table's caption: "nom, ordre croissant"."""
    cle = liste.tri.removeprefix("-")
    sens = "décroissant" if liste.tri.startswith("-") else "croissant"
    return f"{liste.tris[cle].lower()}, ordre {sens}"
