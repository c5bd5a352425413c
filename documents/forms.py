from __future__ import annotations

from django import forms

from core.forms import DsfrForm
from documents.bac_a_sable import TAILLE_MAX


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
