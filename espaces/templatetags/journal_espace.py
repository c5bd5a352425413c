"""The section « Journal de stage de vos stagiaires » of a tutor's space: the entries of the
conventions in the link's scope (espaces.selectors) not countersigned yet. A tag, so that the
space's page needs one line and its view no change."""

from __future__ import annotations

from typing import Any

from django import template

from espaces import selectors
from espaces.models import LienEspace, Qualite
from journal import selectors as journal_selectors

register = template.Library()


@register.inclusion_tag("espaces/_journal.html")
def journal_de_stage(lien: LienEspace, jeton: str) -> dict[str, Any]:
    """Only a tutor countersigns (a signatory's link shows no such section)."""
    if lien.qualite != Qualite.TUTEUR:
        return {"tuteur": False}
    return {
        "tuteur": True,
        "jeton": jeton,
        "entrees": list(journal_selectors.a_contresigner(selectors.conventions_du_lien(lien))),
    }
