"""The spaces' blocks on other apps' pages: the host's page lists who may receive a link,
the convention's page shows where its data stands with the host. A tag, so that those pages
need one include line and no change to their views."""

from __future__ import annotations

from django import template

from conventions.models import Convention
from espaces import selectors
from organismes.models import OrganismeAccueil

register = template.Library()


@register.simple_tag
def destinataires_espace(organisme: OrganismeAccueil) -> list[selectors.Destinataire]:
    return selectors.destinataires(organisme)


@register.simple_tag
def confirmation_accueil(convention: Convention) -> selectors.EtatConfirmation:
    return selectors.confirmation(convention)
