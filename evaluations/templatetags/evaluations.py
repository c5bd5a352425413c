"""The evaluations' blocks on other apps' pages (one include line each): « Évaluations à
remplir » of a tutor's space, the student's on « Mon stage », a convention's on its page,
and the host's record on the host's page and the convention's."""

from __future__ import annotations

from dataclasses import dataclass

from django import template

from conventions.models import Convention, PeriodeConvention
from espaces.models import LienEspace
from espaces.views.evaluations import evaluations_du_lien
from etablissement.models import Etudiant
from evaluations import selectors
from evaluations.models import Evaluation, TypeQuestionnaire
from organismes.models import OrganismeAccueil

register = template.Library()


@register.simple_tag
def evaluations_a_remplir(lien: LienEspace) -> list[Evaluation]:
    return list(evaluations_du_lien(lien).order_by("remplie_le", "-periode__fin", "pk"))


@dataclass(frozen=True)
class DeLEtudiant:
    a_remplir: list[Evaluation]
    du_tuteur: list[Evaluation]  # answered, given as a PDF when the section allows it


@register.simple_tag
def evaluations_etudiant(etudiant: Etudiant | None) -> DeLEtudiant:
    if etudiant is None:
        return DeLEtudiant([], [])
    conventions = Convention.objects.filter(etudiant=etudiant)
    du_tuteur: list[Evaluation] = []
    if selectors.reglages().pdf_tuteur_pour_etudiant:
        du_tuteur = list(
            selectors.evaluations(conventions, TypeQuestionnaire.TUTEUR).filter(
                remplie_le__isnull=False
            )
        )
    return DeLEtudiant(
        list(selectors.evaluations(conventions, TypeQuestionnaire.ETUDIANT)), du_tuteur
    )


@dataclass(frozen=True)
class Case:
    type: TypeQuestionnaire
    evaluation: Evaluation | None


@register.simple_tag
def evaluations_convention(convention: Convention) -> list[tuple[PeriodeConvention, list[Case]]]:
    par_periode: dict[tuple[int, str], Evaluation] = {
        (e.periode_id, e.type): e
        for e in Evaluation.objects.filter(convention=convention).select_related("saisie_par")
    }
    return [
        (p, [Case(t, par_periode.get((p.pk, t.value))) for t in TypeQuestionnaire])
        for p in convention.periodes.order_by("debut")
    ]


@register.simple_tag
def fiche_evaluations(organisme: OrganismeAccueil) -> list[selectors.Rubrique]:
    return selectors.fiche_organisme(organisme)
