"""The form that creates a personal API token."""

from __future__ import annotations

from django import forms

from api.models import Portee
from core.forms import DsfrForm
from core.validateurs import valider_date_bornee


class JetonForm(DsfrForm):
    libelle = forms.CharField(
        label="Libellé",
        max_length=100,
        help_text="À quoi sert ce jeton : « Tableur de la vie scolaire », « Export ENT »…",
    )
    portee = forms.ChoiceField(
        label="Portée",
        choices=Portee.choices,
        initial=Portee.LECTURE,
        help_text="« Lecture seule » suffit pour consulter ; l'écriture permet de déposer "
        "une copie signée.",
    )
    expire_le = forms.DateField(
        label="Valable jusqu'au (facultatif)",
        required=False,
        validators=[valider_date_bornee],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="Vide : jusqu'à sa révocation.",
    )
