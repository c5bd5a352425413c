"""Reads of the evaluations shared by several screens: the versions of a form, what a
tutor or a student has to fill, the evaluations of a convention, a host's record."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet

from conventions.models import Convention
from evaluations.models import (
    Evaluation,
    Question,
    Questionnaire,
    ReglagesEvaluation,
    TypeQuestionnaire,
    TypeReponse,
)
from evaluations.reponses import libelle_reponse
from organismes.models import OrganismeAccueil


def version_publiee(type_: str) -> Questionnaire | None:
    """The version asked from now on: the latest published."""
    return (
        Questionnaire.objects.filter(type=type_, publie_le__isnull=False)
        .order_by("-version")
        .first()
    )


def brouillon(type_: str) -> Questionnaire | None:
    return Questionnaire.objects.filter(type=type_, publie_le__isnull=True).first()


def reglages() -> ReglagesEvaluation:
    return ReglagesEvaluation.objects.first() or ReglagesEvaluation()


def evaluations(conventions: QuerySet[Convention], type_: str) -> QuerySet[Evaluation]:
    return (
        Evaluation.objects.filter(convention__in=conventions, type=type_)
        .select_related("convention__etudiant", "periode", "questionnaire")
        .order_by("remplie_le", "-periode__fin", "pk")
    )


@dataclass(frozen=True)
class Ligne:
    """A question and its answer in words."""

    question: Question
    reponse: str


def lignes(evaluation: Evaluation) -> list[tuple[str, list[Ligne]]]:
    """The answers of an evaluation, grouped by part, in its own version's questions."""
    groupes: list[tuple[str, list[Ligne]]] = []
    for q in evaluation.questionnaire.questions.filter(active=True):
        if not groupes or groupes[-1][0] != q.rubrique:
            groupes.append((q.rubrique, []))
        groupes[-1][1].append(Ligne(q, libelle_reponse(q, evaluation.reponses.get(str(q.pk)))))
    return groupes


def rubriques(questionnaire: Questionnaire) -> list[tuple[str, list[Question]]]:
    groupes: list[tuple[str, list[Question]]] = []
    for q in questionnaire.questions.filter(active=True):
        if not groupes or groupes[-1][0] != q.rubrique:
            groupes.append((q.rubrique, []))
        groupes[-1][1].append(q)
    return groupes


# -- A host's record --------------------------------------------------------------------------


@dataclass
class Rubrique:
    """One question of the record (followed by its code across versions) and its answers."""

    libelle: str
    formulaire: str
    decompte: Counter[str] = field(default_factory=Counter)
    textes: list[str] = field(default_factory=list)

    @property
    def comptes(self) -> list[tuple[str, int]]:
        """(answer, how many), the most frequent first (a template cannot call a Counter's
        methods: a missing key reads 0)."""
        return self.decompte.most_common()

    @property
    def reponses(self) -> int:
        return sum(self.decompte.values()) + len(self.textes)


TEXTES_MONTRES = 5


def fiche_organisme(organisme: OrganismeAccueil) -> list[Rubrique]:
    """The answers that matter for the next placement (questions marked « sur la fiche de
    l'organisme »), of every evaluation answered about this host, latest version's wording."""
    rubriques: dict[tuple[str, str], Rubrique] = {}
    answered = (
        Evaluation.objects.filter(
            convention__etablissement_accueil__organisme=organisme, remplie_le__isnull=False
        )
        .select_related("questionnaire")
        .order_by("-remplie_le", "-pk")
    )
    questions: dict[int, list[Question]] = {}
    for ev in answered:
        if ev.questionnaire_id not in questions:
            questions[ev.questionnaire_id] = list(
                ev.questionnaire.questions.filter(fiche_organisme=True, active=True)
            )
        for q in questions[ev.questionnaire_id]:
            valeur: Any = ev.reponses.get(str(q.pk))
            if valeur in (None, "", []):
                continue
            cle = (ev.type, q.code)
            rubrique = rubriques.setdefault(
                cle, Rubrique(q.libelle, TypeQuestionnaire(ev.type).label)
            )
            if q.type_reponse == TypeReponse.TEXTE:
                if len(rubrique.textes) < TEXTES_MONTRES:
                    rubrique.textes.append(str(valeur))
            else:
                for mot in libelle_reponse(q, valeur).split(", "):
                    rubrique.decompte[mot] += 1
    return list(rubriques.values())
