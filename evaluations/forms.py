"""The questionnaire editor's forms: a question (the section's own, or one of a draft
changed) and the section's settings."""

from __future__ import annotations

from typing import Any

from django import forms

from core.forms import DsfrForm
from evaluations.models import TypeReponse


class QuestionForm(DsfrForm):
    libelle = forms.CharField(label="Question", max_length=300)
    aide = forms.CharField(label="Précision (facultative)", max_length=300, required=False)
    rubrique = forms.CharField(
        label="Rubrique",
        max_length=200,
        required=False,
        help_text="Le titre du groupe de questions où elle apparaît.",
    )
    type_reponse = forms.ChoiceField(
        label="Type de réponse",
        choices=TypeReponse.choices,
        error_messages={"invalid_choice": "Choisissez un des types proposés."},
    )
    choix = forms.CharField(
        label="Choix proposés",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Un par ligne ; pour les questions à choix unique ou multiple seulement.",
    )
    obligatoire = forms.BooleanField(label="Réponse obligatoire", required=False)
    active = forms.BooleanField(label="Question posée", required=False, initial=True)
    fiche_organisme = forms.BooleanField(
        label="Reprise sur la fiche de l'organisme",
        required=False,
        help_text="Les réponses comptent pour les prochains placements (avis, problèmes).",
    )

    def __init__(self, *args: Any, modification: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if modification:
            # A question's type does not change: its answers would no longer fit.
            del self.fields["type_reponse"]


class ReglagesForm(DsfrForm):
    pdf_tuteur_pour_etudiant = forms.BooleanField(
        label="L'étudiant reçoit l'évaluation de son tuteur (PDF, sur « Mon stage »)",
        required=False,
    )
