"""« Présence à confirmer » of a tutor's space: a tag, so that the space's page needs one line
and its view no change. The weeks and the schedule are espaces.presence's."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from conventions.semaines import JourSemaine, Semaine
from espaces import presence
from espaces.models import LienEspace
from espaces.views.presence import formulaire

register = template.Library()


@register.inclusion_tag("espaces/_presence.html", takes_context=True)
def presence_a_confirmer(context: dict[str, Any], lien: LienEspace, jeton: str) -> dict[str, Any]:
    aujourdhui = timezone.localdate()
    suivis = presence.suivis(presence.conventions_du_tuteur(lien, le=aujourdhui), le=aujourdhui)
    return {
        "csrf_token": context.get("csrf_token"),
        "jeton": jeton,
        "tuteur": lien.tuteur_id is not None,
        "suivis": [
            (s, [_semaine(s.convention.pk, semaine) for semaine in s.a_confirmer]) for s in suivis
        ],
    }


def _semaine(pk: int, semaine: Semaine) -> tuple[Semaine, Any, list[tuple[JourSemaine, Any]]]:
    formset = formulaire(pk, semaine)
    return semaine, formset, list(zip(semaine.jours, formset.forms, strict=True))
