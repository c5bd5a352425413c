"""Writes of the evaluations: the forms' versions (a draft copied from the published one,
edited, then published and frozen), the section's settings, and the answers.

A published version is never changed: every edit below refuses one (`Fige`). An evaluation
keeps the version it was created with; its answers are checked against that version's
questions (evaluations/reponses.py) before they are stored."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from comptes.models import Utilisateur
from conventions.models import PeriodeConvention
from evaluations.defauts import DEFAUTS
from evaluations.models import (
    Evaluation,
    Question,
    Questionnaire,
    ReglagesEvaluation,
    Source,
    TypeQuestionnaire,
    TypeReponse,
)
from evaluations.reponses import verifier
from evaluations.selectors import brouillon, version_publiee

CHOIX_MAX = 20  # choices of one question


class Fige(Exception):
    """A published version cannot be changed: edit a new version."""


# -- The forms ------------------------------------------------------------------------------


@transaction.atomic
def questionnaires_par_defaut(*, le: datetime) -> int:
    """Version 1 of every form that has none (the section's defaults). Returns how many."""
    crees = 0
    for type_, contenu in DEFAUTS.items():
        if Questionnaire.objects.filter(type=type_).exists():
            continue
        q = Questionnaire.objects.create(
            type=type_, version=1, introduction=contenu["introduction"], publie_le=le, cree_le=le
        )
        for ordre, question in enumerate(contenu["questions"], start=1):
            Question.objects.create(questionnaire=q, ordre=ordre, **question)
        crees += 1
    return crees


@transaction.atomic
def brouillon_ouvrir(*, type_: str, le: datetime, auteur: Utilisateur | None) -> Questionnaire:
    """The draft of a form: the existing one, else a copy of the published version."""
    existant = brouillon(type_)
    if existant is not None:
        return existant
    publiee = version_publiee(type_)
    numero = (Questionnaire.objects.filter(type=type_).aggregate(n=Max("version"))["n"] or 0) + 1
    nouveau = Questionnaire.objects.create(
        type=type_,
        version=numero,
        introduction=publiee.introduction if publiee else "",
        cree_le=le,
        cree_par=auteur,
    )
    if publiee is not None:
        for q in publiee.questions.all():
            q.pk = None
            q.questionnaire = nouveau
            q.save()
    return nouveau


def _modifiable(questionnaire: Questionnaire) -> None:
    if questionnaire.publie_le is not None:
        raise Fige(
            "Cette version est publiée : elle ne change plus. Modifiez une nouvelle version."
        )


def _choix(texte: str) -> list[str]:
    choix = [ligne.strip() for ligne in texte.replace("\x00", "").splitlines() if ligne.strip()]
    return list(dict.fromkeys(choix))


def _code_libre(questionnaire: Questionnaire, libelle: str) -> str:
    from django.utils.text import slugify

    base = (slugify(libelle)[:50] or "question").strip("-")
    code, n = base, 1
    while questionnaire.questions.filter(code=code).exists():
        n += 1
        code = f"{base}-{n}"
    return code


def _valider_question(donnees: dict[str, Any]) -> list[str]:
    type_reponse = donnees["type_reponse"]
    choix: list[str] = list(donnees.get("choix", []))
    if type_reponse in (TypeReponse.CHOIX_UNIQUE, TypeReponse.CHOIX_MULTIPLE):
        if len(choix) < 2:
            raise ValidationError({"choix": "Proposez au moins deux choix, un par ligne."})
        if len(choix) > CHOIX_MAX or any(len(c) > 200 for c in choix):
            raise ValidationError({"choix": f"Au plus {CHOIX_MAX} choix de 200 caractères chacun."})
        return choix
    return []


@transaction.atomic
def question_ajouter(*, questionnaire: Questionnaire, donnees: dict[str, Any]) -> Question:
    """A question of the section's own, at the end of the draft."""
    _modifiable(questionnaire)
    donnees = dict(donnees)
    donnees["choix"] = _valider_question({**donnees, "choix": _choix(donnees.get("choix", ""))})
    dernier = questionnaire.questions.aggregate(n=Max("ordre"))["n"] or 0
    return Question.objects.create(
        questionnaire=questionnaire,
        ordre=dernier + 1,
        code=_code_libre(questionnaire, donnees["libelle"]),
        **donnees,
    )


@transaction.atomic
def question_modifier(*, question: Question, donnees: dict[str, Any]) -> Question:
    _modifiable(question.questionnaire)
    donnees = dict(donnees)
    if "choix" in donnees:
        donnees["choix"] = _valider_question(
            {
                "type_reponse": donnees.get("type_reponse", question.type_reponse),
                "choix": _choix(donnees["choix"]),
            }
        )
    for champ, valeur in donnees.items():
        setattr(question, champ, valeur)
    question.save()
    return question


@transaction.atomic
def question_deplacer(*, question: Question, sens: int) -> None:
    """Swap a question with its neighbour above (sens -1) or below (+1)."""
    _modifiable(question.questionnaire)
    questions = list(question.questionnaire.questions.order_by("ordre", "pk"))
    i = questions.index(question)
    j = i + sens
    if not 0 <= j < len(questions):
        return
    questions[i], questions[j] = questions[j], questions[i]
    for ordre, q in enumerate(questions, start=1):
        if q.ordre != ordre:
            Question.objects.filter(pk=q.pk).update(ordre=ordre)


@transaction.atomic
def question_supprimer(*, question: Question) -> None:
    """Only from a draft: a published question stays with its version."""
    _modifiable(question.questionnaire)
    question.delete()


@transaction.atomic
def brouillon_publier(*, questionnaire: Questionnaire, le: datetime) -> Questionnaire:
    """The draft becomes the version asked from now on; it is frozen."""
    verrouille = Questionnaire.objects.select_for_update().get(pk=questionnaire.pk)
    _modifiable(verrouille)
    if not verrouille.questions.filter(active=True).exists():
        raise ValidationError("Posez au moins une question avant de publier.")
    verrouille.publie_le = le
    verrouille.save(update_fields=["publie_le"])
    return verrouille


@transaction.atomic
def brouillon_abandonner(*, questionnaire: Questionnaire) -> None:
    _modifiable(questionnaire)
    questionnaire.delete()


@transaction.atomic
def reglages_modifier(*, pdf_tuteur_pour_etudiant: bool, le: datetime) -> ReglagesEvaluation:
    reglages = ReglagesEvaluation.objects.select_for_update().first() or ReglagesEvaluation()
    reglages.pdf_tuteur_pour_etudiant = pdf_tuteur_pour_etudiant
    reglages.modifie_le = le
    reglages.save()
    return reglages


# -- The answers ------------------------------------------------------------------------------


class SansQuestionnaire(Exception):
    """No published version of this form: the section publishes one first."""


@transaction.atomic
def evaluation_obtenir(*, periode: PeriodeConvention, type_: str) -> Evaluation:
    """The evaluation of a period by a party, created with the version published now."""
    existante = Evaluation.objects.filter(periode=periode, type=type_).first()
    if existante is not None:
        return existante
    publiee = version_publiee(type_)
    if publiee is None:
        raise SansQuestionnaire(
            f"Aucune version publiée du formulaire « {TypeQuestionnaire(type_).label} »."
        )
    evaluation, _ = Evaluation.objects.get_or_create(
        periode=periode,
        type=type_,
        defaults={"convention_id": periode.convention_id, "questionnaire": publiee},
    )
    return evaluation


@transaction.atomic
def evaluation_enregistrer(
    *,
    evaluation: Evaluation,
    reponses: dict[str, Any],
    le: datetime,
    par: str,
    saisie_par: Utilisateur | None = None,
) -> Evaluation:
    """Store the answers (checked against the evaluation's own version). `saisie_par`: a
    member of staff typing a paper form, named with the moment on the evaluation."""
    verrouillee = Evaluation.objects.select_for_update().get(pk=evaluation.pk)
    verifier(verrouillee.questionnaire.questions.all(), reponses)
    verrouillee.reponses = reponses
    verrouillee.remplie_le = le
    verrouillee.remplie_par = par[:200]
    verrouillee.source = Source.PAPIER if saisie_par is not None else Source.LIEN
    verrouillee.saisie_par = saisie_par
    verrouillee.save()
    return verrouillee
