from __future__ import annotations

from django import forms

from core.forms import DsfrForm
from documents.bac_a_sable import TAILLE_MAX
from documents.signalements import MESSAGE_MAX


class ModeleForm(DsfrForm, forms.Form):
    corps = forms.CharField(
        label="Texte du modèle",
        max_length=TAILLE_MAX,
        widget=forms.Textarea(attrs={"rows": 22}),
        help_text="Variables entre doubles accolades, par exemple {{ etudiant.nom }} ; la liste est ci-dessous.",
    )


class CopieForm(DsfrForm, forms.Form):
    fichier = forms.FileField(
        label="Copie numérisée signée (PDF, 10 Mo au plus)",
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
    )
    signataire = forms.TypedChoiceField(
        label="Pour",
        coerce=int,
        empty_value=None,
        required=False,
        help_text="Un signataire, ou tous ceux qui n'ont pas encore signé.",
    )

    def __init__(self, *args: object, choix: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["signataire"].choices = [("", "Tous les signataires restants"), *choix]  # type: ignore[attr-defined]


class SignalementForm(DsfrForm, forms.Form):
    """« Signaler une erreur » on the signing page: what is wrong, in the signatory's words."""

    message = forms.CharField(
        label="Quelle erreur avez-vous vue ?",
        max_length=MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": MESSAGE_MAX}),
        help_text=(
            f"Par exemple une date, un horaire ou un nom à corriger ({MESSAGE_MAX} caractères "
            "au plus). Le document ne pourra plus être signé, par personne, tant que la "
            "section ne l'aura pas vérifié ; votre message est envoyé à l'enseignant référent."
        ),
        error_messages={
            "required": "Décrivez l'erreur que vous avez vue dans le document.",
            "max_length": f"Votre message dépasse {MESSAGE_MAX} caractères : raccourcissez-le.",
        },
    )
