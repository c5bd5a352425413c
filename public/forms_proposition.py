"""The company's stage proposal form (DSFR markup through core.forms.DsfrForm)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet

from core.forms import ChoixMultiplesModeles, DsfrForm
from etablissement.models import PeriodePromotion
from organismes.validators import normaliser_naf, normaliser_numero, valider_naf, valider_siret
from public.models import IntentionGratification, TrancheEffectif
from referentiel.models import Mission


class PeriodesField(ChoixMultiplesModeles):
    """The section's stage periods; two cohorts may both have a "stage de janvier": each
    says which year of study it is."""

    def label_from_instance(self, obj: Any) -> str:
        rang = "1re" if obj.annee_formation == 1 else f"{obj.annee_formation}e"
        return (
            f"{obj.libelle}, étudiants de {rang} année ({obj.debut:%d/%m/%Y} – {obj.fin:%d/%m/%Y})"
        )


class PropositionForm(DsfrForm):
    siret = forms.CharField(
        label="SIRET de l'établissement qui accueille",
        max_length=20,
        help_text="14 chiffres, sur vos fiches de paie ou l'annuaire des entreprises.",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    entreprise = forms.CharField(label="Raison sociale", max_length=200)
    adresse = forms.CharField(
        label="Adresse", max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    code_postal = forms.CharField(label="Code postal", max_length=10, required=False)
    ville = forms.CharField(label="Ville", max_length=100)
    naf = forms.CharField(
        label="Code NAF (APE)", max_length=10, required=False, help_text="Par exemple 47.11F."
    )
    tranche_effectif = forms.ChoiceField(
        label="Effectif de l'entreprise",
        choices=[("", "Non précisé"), *TrancheEffectif.choices],
        required=False,
    )
    contact_nom = forms.CharField(label="Votre nom", max_length=200)
    contact_fonction = forms.CharField(label="Votre fonction", max_length=200, required=False)
    contact_email = forms.EmailField(
        label="Votre adresse e-mail",
        error_messages={
            "invalid": "Saisissez une adresse e-mail valide, par exemple nom@entreprise.fr."
        },
    )
    contact_telephone = forms.CharField(label="Votre téléphone", max_length=20, required=False)
    tuteur_nom = forms.CharField(
        label="Nom du tuteur ou de la tutrice",
        max_length=200,
        required=False,
        help_text="La personne qui encadrera le stagiaire ; laissez vide si c'est vous.",
    )
    tuteur_fonction = forms.CharField(label="Sa fonction", max_length=200, required=False)
    tuteur_email = forms.EmailField(
        label="Son adresse e-mail",
        required=False,
        error_messages={
            "invalid": "Saisissez une adresse e-mail valide, par exemple nom@entreprise.fr."
        },
    )
    nombre_stagiaires = forms.IntegerField(
        label="Nombre de stagiaires",
        initial=1,
        min_value=1,
        max_value=20,
        error_messages={"invalid": "Saisissez un nombre entier."},
    )
    periodes = PeriodesField(
        label="Périodes qui vous conviennent",
        queryset=PeriodePromotion.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    missions = ChoixMultiplesModeles(
        label="Missions envisagées",
        queryset=Mission.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    gratification = forms.ChoiceField(
        label="Gratification envisagée",
        choices=[(c.value, c.label.capitalize()) for c in IntentionGratification],
        initial=IntentionGratification.A_VOIR,
        widget=forms.RadioSelect,
        help_text="Le simulateur dit si elle est obligatoire pour votre stage et ce qu'elle coûte.",
    )
    message = forms.CharField(
        label="Précisions", max_length=5000, widget=forms.Textarea, required=False
    )
    # The honeypot: hidden by public/proposer.css and from screen readers (aria-hidden in the
    # template); a person never fills it, a robot filling every input does.
    site_web = forms.CharField(
        label="Ne remplissez pas ce champ",
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(
        self,
        *args: Any,
        periodes: QuerySet[PeriodePromotion],
        missions: QuerySet[Mission],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        champ_periodes = self.fields["periodes"]
        champ_missions = self.fields["missions"]
        assert isinstance(champ_periodes, forms.ModelMultipleChoiceField)
        assert isinstance(champ_missions, forms.ModelMultipleChoiceField)
        champ_periodes.queryset = periodes
        champ_missions.queryset = missions
        if not periodes.exists():
            del self.fields["periodes"]

    def clean_siret(self) -> str:
        siret = normaliser_numero(self.cleaned_data.get("siret") or "")
        valider_siret(siret)
        return siret

    def clean_naf(self) -> str:
        naf = normaliser_naf(self.cleaned_data.get("naf") or "")
        if naf:
            valider_naf(naf)
        return naf


# What the company may still change through its private link: everything but who it is.
COMPLETABLES = (
    "contact_telephone",
    "tuteur_nom",
    "tuteur_fonction",
    "tuteur_email",
    "nombre_stagiaires",
    "periodes",
    "missions",
    "gratification",
    "message",
)


class ComplementForm(PropositionForm):
    """The proposal form without the company's identity (SIRET, name, contact): the private
    link completes or corrects the offer, it does not change who made it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for nom in list(self.fields):
            if nom not in COMPLETABLES:
                del self.fields[nom]


class DecisionForm(DsfrForm):
    """An administrator accepts or refuses a received offer (the reason goes to the company)."""

    decision = forms.ChoiceField(
        label="Décision",
        choices=[("acceptee", "Accepter"), ("refusee", "Refuser")],
        widget=forms.HiddenInput,
    )
    motif = forms.CharField(
        label="Motif du refus, envoyé à l'entreprise",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
