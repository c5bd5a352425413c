from __future__ import annotations

from django import forms

from core.forms import DsfrForm


class ModeleForm(DsfrForm, forms.Form):
    corps = forms.CharField(
        label="Texte du modèle",
        widget=forms.Textarea(attrs={"rows": 22}),
        help_text="Variables entre doubles accolades, par exemple {{ etudiant.nom }} ; la liste est ci-dessous.",
    )
