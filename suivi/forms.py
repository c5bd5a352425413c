"""The follow-up's forms: a contact, a visit's slots (1 to 5 rows), the report written on a
phone, the kilometres of a visit. Every date is bounded (core.validateurs)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms

from core.forms import DsfrForm
from core.validateurs import valider_date_bornee
from suivi.models import AccueilPossible, AvisAccueil, Nature
from suivi.services import CRENEAUX_MAX, DUREE_MAX, DUREE_MIN, KM_MAX, CreneauSaisi

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
HEURE = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class ContactForm(DsfrForm, forms.Form):
    nature = forms.ChoiceField(label="Nature du contact", choices=Nature.choices)
    le = forms.DateField(label="Date", widget=DATE, validators=[valider_date_bornee])
    avec = forms.CharField(
        label="Avec qui", max_length=200, help_text="Par exemple : la tutrice, Mme Durand."
    )
    note = forms.CharField(
        label="Note", required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )


class CreneauxForm(DsfrForm, forms.Form):
    """Up to CRENEAUX_MAX rows; a row with a day is a slot, the first one is required."""

    def __init__(self, *args: Any, lieu: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for i in range(1, CRENEAUX_MAX + 1):
            premier = i == 1
            self.fields[f"jour_{i}"] = forms.DateField(
                label=f"Créneau {i} : jour",
                required=premier,
                widget=DATE,
                validators=[valider_date_bornee],
            )
            self.fields[f"heure_{i}"] = forms.TimeField(
                label="Heure de début", required=False, widget=HEURE
            )
            self.fields[f"duree_{i}"] = forms.IntegerField(
                label="Durée (minutes)",
                required=False,
                initial=60,
                min_value=DUREE_MIN,
                max_value=DUREE_MAX,
            )
            self.fields[f"lieu_{i}"] = forms.CharField(
                label="Lieu", required=False, max_length=300, initial=lieu
            )

    def lignes(self) -> list[list[forms.BoundField]]:
        return [
            [self[f"{nom}_{i}"] for nom in ("jour", "heure", "duree", "lieu")]
            for i in range(1, CRENEAUX_MAX + 1)
        ]

    def clean(self) -> dict[str, Any]:
        donnees = super().clean() or {}
        for i in range(1, CRENEAUX_MAX + 1):
            if donnees.get(f"jour_{i}") and not donnees.get(f"heure_{i}"):
                self.add_error(f"heure_{i}", "Indiquez l'heure de début de ce créneau.")
        return donnees

    def creneaux(self) -> list[CreneauSaisi]:
        d = self.cleaned_data
        return [
            CreneauSaisi(
                jour=d[f"jour_{i}"],
                heure=d[f"heure_{i}"],
                duree_minutes=d.get(f"duree_{i}") or 60,
                lieu=d.get(f"lieu_{i}") or "",
            )
            for i in range(1, CRENEAUX_MAX + 1)
            if d.get(f"jour_{i}") and d.get(f"heure_{i}")
        ]


class CompteRenduForm(DsfrForm, forms.Form):
    personnes_rencontrees = forms.CharField(
        label="Personnes rencontrées",
        max_length=300,
        help_text="Par exemple : la tutrice et le stagiaire.",
    )
    avis_accueil = forms.ChoiceField(
        label="Avis de l'organisme sur le stagiaire",
        choices=AvisAccueil.choices,
        widget=forms.RadioSelect,
    )
    commentaire_accueil = forms.CharField(
        label="Commentaires de l'organisme",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    avis_referent = forms.CharField(
        label="Votre avis sur le stage",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    accueil_possible = forms.ChoiceField(
        label="L'organisme peut-il accueillir à nouveau un stagiaire ?",
        choices=AccueilPossible.choices,
        widget=forms.RadioSelect,
    )
    kilometres = forms.DecimalField(
        label="Kilomètres parcourus, aller-retour",
        required=False,
        min_value=Decimal(0),
        max_value=KM_MAX,
        max_digits=6,
        decimal_places=1,
        help_text="Pour la demande de remboursement des frais de déplacement.",
    )


class KilometresForm(DsfrForm, forms.Form):
    kilometres = forms.DecimalField(
        label="Kilomètres, aller-retour",
        required=False,
        min_value=Decimal(0),
        max_value=KM_MAX,
        max_digits=6,
        decimal_places=1,
    )
