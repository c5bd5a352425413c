"""The readiness of a candidate's exam dossier on other apps' pages: `{% load
preparation_dossier %}`, then `{% dossier_examen_personnel etudiant %}` on the staff's student
page, `{% dossier_examen_etudiant etudiant %}` on the student's « Mon stage » (their own
dossier, in plain words). `{{ preparation|badge_preparation }}` gives the DSFR badge class."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from etablissement.models import Etudiant
from examens import preparation as lecture
from regles.dossier_examen import Preparation

register = template.Library()

_BADGES = {
    "pret": "fr-badge--success",
    "presque": "fr-badge--info",
    "incomplet": "fr-badge--warning",
    "non_conforme": "fr-badge--error",
}
_LIBELLES = {
    "pret": "Prêt",
    "presque": "Presque prêt",
    "incomplet": "À compléter",
    "non_conforme": "Non conforme",
}


@register.filter
def badge_preparation(resultat: Preparation) -> str:
    return _BADGES[resultat.categorie]


@register.filter
def libelle_preparation(resultat: Preparation) -> str:
    if resultat.categorie == "pret" and resultat.depose_le is not None:
        return "Conforme, déposé"
    return _LIBELLES[resultat.categorie]


def _contexte(etudiant: Etudiant | None) -> dict[str, Any]:
    if etudiant is None:
        return {"preparation": None}
    return {
        "etudiant": etudiant,
        "preparation": lecture.preparation_etudiant(etudiant, le=timezone.localdate()),
    }


@register.inclusion_tag("examens/_preparation_personnel.html")
def dossier_examen_personnel(etudiant: Etudiant) -> dict[str, Any]:
    return _contexte(etudiant)


@register.inclusion_tag("examens/_preparation_etudiant.html")
def dossier_examen_etudiant(etudiant: Etudiant | None) -> dict[str, Any]:
    return _contexte(etudiant)
