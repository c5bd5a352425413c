"""The follow-up's blocks on other apps' pages: the « Suivi par le référent » section of a
convention's page and the count of late follow-ups on the dashboard. Tags, so that those
pages need one include line and no change to their views; today's date is read here, a
screen, and passed to the selectors."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from conventions.models import Convention
from conventions.workflow import SUIVI_ATTENDU
from suivi import selectors
from suivi.acces import peut_suivre
from suivi.forms import ContactForm

register = template.Library()


@register.simple_tag(takes_context=True)
def suivi_convention(context: template.Context, convention: Convention) -> dict[str, Any]:
    aujourdhui = timezone.localdate()
    request = context.get("request")
    suivi = selectors.suivi_de(convention, aujourdhui=aujourdhui)
    return {
        "suivi": suivi,
        "peut_ecrire": request is not None and peut_suivre(request.user, convention),
        "suivie": convention.statut in SUIVI_ATTENDU,
        "en_cours": selectors.visite_de_la_convention(convention),
        "form": ContactForm(initial={"le": aujourdhui}),
        "aujourdhui": aujourdhui,
    }


@register.simple_tag
def suivis_en_retard() -> int:
    return len(selectors.suivis_en_retard(aujourdhui=timezone.localdate()))


@register.simple_tag
def avis_des_visites(organisme_pk: int) -> selectors.AvisVisites:
    return selectors.avis_des_visites(organisme_pk)
