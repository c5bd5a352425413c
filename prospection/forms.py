from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils import timezone

from core.forms import DsfrForm
from prospection.models import Canal, Statut
from prospection.services import MESSAGE_PAR_DEFAUT


class FiltresForm(DsfrForm):
    q = forms.CharField(label="Rechercher", required=False, max_length=100)
    statut = forms.ChoiceField(
        label="Statut", required=False, choices=[("", "Tous")] + list(Statut.choices)
    )
    secteur = forms.ChoiceField(label="Secteur", required=False)
    relance = forms.BooleanField(label="Relance due", required=False)

    def __init__(self, *args: Any, secteurs: Sequence[str] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["secteur"].choices = [("", "Tous")] + [(s, s) for s in secteurs]


class ProspectForm(DsfrForm):
    nom = forms.CharField(label="Organisation", max_length=200)
    siren = forms.CharField(label="SIREN (facultatif)", max_length=11, required=False)
    ville = forms.CharField(label="Ville", max_length=100, required=False)
    secteur = forms.CharField(label="Secteur", max_length=100, required=False)
    contact_nom = forms.CharField(label="Contact", max_length=200, required=False)
    contact_email = forms.EmailField(label="Adresse e-mail", required=False)
    contact_telephone = forms.CharField(label="Téléphone", max_length=20, required=False)


class EchangeForm(DsfrForm):
    le = forms.DateField(
        label="Date de l'échange", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    canal = forms.ChoiceField(label="Canal", choices=Canal.choices)
    resultat = forms.CharField(
        label="Résultat", max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    suite = forms.CharField(label="Prochaine étape", max_length=300, required=False)
    echeance = forms.DateField(
        label="À faire pour le",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    statut = forms.ChoiceField(
        label="Nouveau statut",
        required=False,
        choices=[("", "inchangé")] + list(Statut.choices),
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("initial", {"le": timezone.localdate()})
        super().__init__(*args, **kwargs)


class CampagneForm(DsfrForm):
    titre = forms.CharField(label="Objet du courriel", max_length=150)
    message = forms.CharField(
        label="Message",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text="{lien} devient le lien personnel de chaque entreprise, {plaquette} le lien "
        "de la plaquette.",
        initial=MESSAGE_PAR_DEFAUT,
    )
