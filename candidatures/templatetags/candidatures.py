"""Blocks of the students' search shown on other apps' pages: the interested students of an
offer (the staff's page of a proposal) and the candidates the section proposes (the
company's follow-up page)."""

from __future__ import annotations

from typing import Any

from django import template

from candidatures import selectors
from public.models import PropositionStage, StatutProposition

register = template.Library()


@register.inclusion_tag("candidatures/_interesses.html", takes_context=True)
def interesses_offre(context: template.Context, proposition: PropositionStage) -> dict[str, Any]:
    return {
        "proposition": proposition,
        "interets": selectors.interets_de_l_offre(proposition),
        "ouverte": proposition.statut == StatutProposition.ACCEPTEE,
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("candidatures/_candidats_proposes.html")
def candidats_proposes(proposition: PropositionStage) -> dict[str, Any]:
    return {
        "proposition": proposition,
        "prenoms": selectors.candidats_proposes(proposition),
        "ouverte": proposition.statut == StatutProposition.ACCEPTEE,
    }
