"""An answer form built from a version's questions, and the check of stored answers.

Each type has its own rule: yes/no is « oui » or « non », a choice is one of the version's
choices, a scale is 1 to 5, a level is TI/I/S/TS, a text is bounded. The form shows French
errors and keeps what was typed; `verifier` applies the same rules to what a service is
asked to store, so nothing outside them reaches the database."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from core.forms import DsfrForm
from evaluations.defauts import ECHELLE, NIVEAUX
from evaluations.models import Question, TypeReponse

TEXTE_MAX = 2000  # characters of a text answer
OUI_NON = (("oui", "Oui"), ("non", "Non"))
CHOIX_ECHELLE = tuple((str(i), f"{i} — {libelle}") for i, libelle in enumerate(ECHELLE, 1))
CHOIX_NIVEAU = tuple((code, f"{code} — {libelle}") for code, libelle in NIVEAUX)


def nom_du_champ(question: Question) -> str:
    return f"q{question.pk}"


def choix_de(question: Question) -> tuple[tuple[str, str], ...]:
    if question.type_reponse == TypeReponse.OUI_NON:
        return OUI_NON
    if question.type_reponse == TypeReponse.ECHELLE:
        return CHOIX_ECHELLE
    if question.type_reponse == TypeReponse.NIVEAU:
        return CHOIX_NIVEAU
    return tuple((str(c), str(c)) for c in question.choix)


def libelle_reponse(question: Question, valeur: Any) -> str:
    """An answer in words, for the pages and the PDF ("" when not answered)."""
    if valeur in (None, "", []):
        return ""
    if question.type_reponse == TypeReponse.TEXTE:
        return str(valeur)
    libelles = dict(choix_de(question))
    valeurs = valeur if isinstance(valeur, list) else [valeur]
    return ", ".join(libelles.get(str(v), str(v)) for v in valeurs)


def _champ(question: Question) -> forms.Field:
    commun: dict[str, Any] = {
        "label": question.libelle,
        "help_text": question.aide,
        "required": question.obligatoire,
        "error_messages": {
            "required": "Répondez à cette question.",
            "invalid_choice": "Choisissez une des réponses proposées.",
            "invalid_list": "Choisissez parmi les réponses proposées.",
            "max_length": f"Votre réponse dépasse {TEXTE_MAX} caractères : raccourcissez-la.",
        },
    }
    if question.type_reponse == TypeReponse.TEXTE:
        return forms.CharField(
            max_length=TEXTE_MAX, widget=forms.Textarea(attrs={"rows": 3}), **commun
        )
    if question.type_reponse == TypeReponse.CHOIX_MULTIPLE:
        return forms.MultipleChoiceField(
            choices=choix_de(question), widget=forms.CheckboxSelectMultiple, **commun
        )
    return forms.ChoiceField(choices=choix_de(question), widget=forms.RadioSelect, **commun)


class FormulaireReponses(DsfrForm):
    """The questions asked by a version (the ones on), in their order, grouped by part."""

    def __init__(self, *args: Any, questions: Iterable[Question], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.questions = [q for q in questions if q.active]
        for q in self.questions:
            self.fields[nom_du_champ(q)] = _champ(q)

    def rubriques(self) -> list[tuple[str, list[forms.BoundField]]]:
        groupes: list[tuple[str, list[forms.BoundField]]] = []
        for q in self.questions:
            if not groupes or groupes[-1][0] != q.rubrique:
                groupes.append((q.rubrique, []))
            groupes[-1][1].append(self[nom_du_champ(q)])
        return groupes

    def reponses(self) -> dict[str, Any]:
        """The answers to store: {question id: value}, the unanswered left out."""
        sortie: dict[str, Any] = {}
        for q in self.questions:
            valeur = self.cleaned_data.get(nom_du_champ(q))
            if valeur in (None, "", []):
                continue
            if q.type_reponse == TypeReponse.ECHELLE:
                valeur = int(valeur)
            elif isinstance(valeur, str):
                valeur = valeur.replace("\x00", "").strip()
            sortie[str(q.pk)] = valeur
        return sortie


def initiales(questions: Iterable[Question], reponses: Mapping[str, Any]) -> dict[str, Any]:
    """A saved answer put back in its field (to change it)."""
    return {
        nom_du_champ(q): str(reponses[str(q.pk)])
        if q.type_reponse == TypeReponse.ECHELLE
        else reponses[str(q.pk)]
        for q in questions
        if str(q.pk) in reponses
    }


def verifier(questions: Iterable[Question], reponses: Mapping[str, Any]) -> None:
    """Raise ValidationError unless every answer obeys its question's rule and every
    required question asked is answered."""
    posees = {str(q.pk): q for q in questions if q.active}
    erreurs: list[str] = []
    for cle, valeur in reponses.items():
        q = posees.get(cle)
        if q is None:
            erreurs.append("Une réponse ne correspond à aucune question de ce formulaire.")
            continue
        permis = {c for c, _ in choix_de(q)}
        if q.type_reponse == TypeReponse.TEXTE:
            bon = isinstance(valeur, str) and len(valeur) <= TEXTE_MAX
        elif q.type_reponse == TypeReponse.CHOIX_MULTIPLE:
            bon = isinstance(valeur, list) and all(str(v) in permis for v in valeur)
        elif q.type_reponse == TypeReponse.ECHELLE:
            bon = isinstance(valeur, int) and not isinstance(valeur, bool) and 1 <= valeur <= 5
        else:
            bon = isinstance(valeur, str) and valeur in permis
        if not bon:
            erreurs.append(f"« {q.libelle} » : réponse non valable.")
    for q in posees.values():
        if q.obligatoire and reponses.get(str(q.pk)) in (None, "", []):
            erreurs.append(f"« {q.libelle} » : répondez à cette question.")
    if erreurs:
        raise ValidationError(erreurs)
