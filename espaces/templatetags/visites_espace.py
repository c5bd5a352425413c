"""The « Visite du référent » section of a host's space: the visits of the link's scope
whose slots are proposed or chosen (suivi/). A tag, so that the space's page and view need
no change but one include line."""

from __future__ import annotations

from django import template

from espaces import selectors
from espaces.models import LienEspace, Qualite
from suivi.models import Visite
from suivi.selectors import visites_a_choisir

register = template.Library()


@register.simple_tag
def visites_du_lien(lien: LienEspace) -> list[Visite]:
    if lien.qualite == Qualite.CHEF_ETABLISSEMENT:
        return []
    return visites_a_choisir(selectors.conventions_du_lien(lien))
