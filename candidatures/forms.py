"""The form of an application (phone-first: a name with the section's hosts as suggestions,
the period, the channel and the answer as lists, a date, optional contact and notes)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet

from candidatures.models import CONTACT_MAX, NOM_MAX, NOTES_MAX, Canal, Candidature, Reponse
from candidatures.services import Saisie
from core.forms import DsfrForm
from core.listes import identifiant
from core.validateurs import valider_date_bornee
from etablissement.models import PeriodePromotion


class ChoixPeriode(forms.ModelChoiceField):  # type: ignore[type-arg]
    """A period of the list: a value edited by hand that is no row's id ("²", 20 digits) is
    refused before it reaches the database (whose integers it could overflow)."""

    def to_python(self, value: Any) -> Any:
        if value not in self.empty_values and identifiant(str(value)) is None:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)

    def label_from_instance(self, obj: Any) -> str:
        # Short enough for a phone's select: « Stage de janvier 2027 (04/01 – 29/01) ».
        return f"{obj.libelle} {obj.debut:%Y} ({obj.debut:%d/%m} – {obj.fin:%d/%m})"


_CHOIX = {"invalid_choice": "Choisissez une valeur de la liste."}


class CandidatureForm(DsfrForm, forms.Form):
    organisme_nom = forms.CharField(
        label="Entreprise ou organisme",
        max_length=NOM_MAX,
        help_text="Son nom, tel que vous l'écrivez : ceux que la section connaît sont proposés.",
        widget=forms.TextInput(attrs={"list": "organismes-connus", "autocomplete": "off"}),
        error_messages={
            "required": "Indiquez l'entreprise ou l'organisme contacté.",
            "max_length": f"{NOM_MAX} caractères au plus.",
        },
    )
    periode = ChoixPeriode(
        label="Pour le stage",
        queryset=PeriodePromotion.objects.none(),
        empty_label=None,
        error_messages={
            "required": "Choisissez la période de stage.",
            "invalid_choice": "Choisissez une période de stage de la liste.",
        },
    )
    date = forms.DateField(
        label="Date de la candidature",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        validators=[valider_date_bornee],
        error_messages={
            "required": "Indiquez la date de la candidature.",
            "invalid": "Saisissez une date, par exemple 12/01/2027.",
        },
    )
    canal = forms.ChoiceField(
        label="Canal",
        choices=Canal.choices,
        error_messages={"required": "Choisissez le canal.", **_CHOIX},
    )
    reponse = forms.ChoiceField(
        label="Réponse",
        choices=Reponse.choices,
        initial=Reponse.EN_ATTENTE,
        error_messages={"required": "Choisissez la réponse.", **_CHOIX},
    )
    contact = forms.CharField(
        label="Contact",
        required=False,
        max_length=CONTACT_MAX,
        help_text="Facultatif : la personne, son adresse e-mail ou son téléphone.",
        error_messages={"max_length": f"{CONTACT_MAX} caractères au plus."},
    )
    notes = forms.CharField(
        label="Notes",
        required=False,
        max_length=NOTES_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Facultatif : ce qui a été dit, la prochaine étape.",
        error_messages={"max_length": f"{NOTES_MAX} caractères au plus."},
    )

    def __init__(self, *args: Any, periodes: QuerySet[PeriodePromotion], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["periode"].queryset = periodes  # type: ignore[attr-defined]

    @classmethod
    def initial_de(cls, candidature: Candidature) -> dict[str, Any]:
        return {
            nom: getattr(candidature, nom)
            for nom in ("organisme_nom", "periode", "date", "canal", "reponse", "contact", "notes")
        }

    def saisie(self) -> Saisie:
        d = self.cleaned_data
        return Saisie(
            periode=d["periode"],
            organisme_nom=d["organisme_nom"],
            canal=d["canal"],
            date=d["date"],
            reponse=d["reponse"],
            contact=d.get("contact") or "",
            notes=d.get("notes") or "",
        )


class ChoixPeriodeCohorte(ChoixPeriode):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.promotion.libelle} — {super().label_from_instance(obj)}"


class RappelForm(DsfrForm, forms.Form):
    periode = ChoixPeriodeCohorte(
        label="Période",
        queryset=PeriodePromotion.objects.none(),
        empty_label=None,
        error_messages={
            "required": "Choisissez la période de stage.",
            "invalid_choice": "Choisissez une période de stage de la liste.",
        },
    )
    jour = forms.DateField(
        label="Jour du rappel",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        validators=[valider_date_bornee],
        error_messages={
            "required": "Indiquez le jour du rappel.",
            "invalid": "Saisissez une date, par exemple 12/01/2027.",
        },
    )

    def __init__(self, *args: Any, periodes: QuerySet[PeriodePromotion], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["periode"].queryset = periodes  # type: ignore[attr-defined]
