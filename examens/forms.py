"""The forms of the fiches: a new fiche, the fields of a fiche laid out by the official model
(examens/modeles_fiches.yaml, bounds shown), the offer's annex, and the référent's review
(a choice and a comment per field). The bounds are checked again by examens.services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet

from conventions.models import Convention
from core.forms import DsfrForm
from examens.modeles import ModeleFiche
from examens.models import COMMENTAIRE_MAX, TITRE_MAX, AvisChampChoix, TypeFiche
from examens.services import ANNEXE_MAX

OUI_NON = [("oui", "Oui"), ("non", "Non")]


def _titre() -> forms.CharField:
    return forms.CharField(
        label="Intitulé de la fiche",
        max_length=TITRE_MAX,
        help_text="Par exemple : « Vente d'une cave à vin connectée à un restaurateur ».",
        error_messages={
            "required": "Donnez un intitulé à la fiche.",
            "max_length": f"{TITRE_MAX} caractères au plus.",
        },
    )


def _activite_reelle(*, requis: bool = True) -> forms.ChoiceField:
    return forms.ChoiceField(
        label="Activité réelle vécue",
        required=requis,
        choices=OUI_NON,
        initial="oui",
        widget=forms.RadioSelect,
        help_text="Fiches E6 : « non » pour une activité développée en formation.",
        error_messages={
            "required": "Répondez oui ou non.",
            "invalid_choice": "Répondez oui ou non.",
        },
    )


class ChoixStage(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.etablissement_accueil.organisme.raison_sociale}, du {obj.debut:%d/%m/%Y}"


class FicheCreerForm(DsfrForm, forms.Form):
    type_fiche = forms.ChoiceField(
        label="Type de fiche",
        choices=TypeFiche.choices,
        error_messages={
            "required": "Choisissez le type de fiche.",
            "invalid_choice": "Choisissez un type de fiche de la liste.",
        },
    )
    titre = _titre()
    convention = ChoixStage(
        label="Stage dont parle la fiche",
        queryset=Convention.objects.none(),
        required=False,
        empty_label="Aucun : je l'écris entièrement",
        help_text=(
            "La fiche reprend alors l'organisme, les dates, le lieu et les activités de votre "
            "journal de stage qui la nourrissent."
        ),
        error_messages={"invalid_choice": "Choisissez un de vos stages signés."},
    )
    # Asked of every new fiche, read for E6 only: unanswered is « oui ».
    activite_reelle = _activite_reelle(requis=False)

    def __init__(self, *args: Any, conventions: QuerySet[Convention], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["convention"].queryset = conventions  # type: ignore[attr-defined]


class FicheForm(DsfrForm, forms.Form):
    """The fields of a fiche: one text per field of its official model, named by its key."""

    titre = _titre()

    def __init__(self, *args: Any, modele: ModeleFiche, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.modele = modele
        if modele.activite_reelle:
            self.fields["activite_reelle"] = _activite_reelle()
        for champ in modele.champs:
            # The bound is the service's (it counts a line end as one character, as the
            # browser does); the form shows it and lets the browser hold it.
            self.fields[champ.cle] = forms.CharField(
                label=champ.libelle,
                required=False,
                strip=False,
                widget=forms.Textarea(attrs={"rows": 4, "maxlength": champ.max}),
                help_text=f"{champ.max} caractères au plus."
                + (" Obligatoire pour l'envoi." if champ.obligatoire else " Facultatif."),
            )

    def sections(self) -> list[tuple[str, list[forms.BoundField]]]:
        return [(s.libelle, [self[c.cle] for c in s.champs]) for s in self.modele.sections]

    def contenu(self) -> dict[str, object]:
        return {c.cle: self.cleaned_data.get(c.cle, "") for c in self.modele.champs}

    def activite(self) -> bool | None:
        valeur = self.cleaned_data.get("activite_reelle")
        return None if valeur is None else valeur == "oui"


class AnnexeForm(DsfrForm, forms.Form):
    annexe = forms.FileField(
        label="Annexe : présentation de l'offre",
        help_text=f"2 pages recto-verso, en PDF ; {ANNEXE_MAX // (1024 * 1024)} Mo au plus.",
        max_length=300,
        error_messages={
            "required": "Choisissez un fichier PDF.",
            "empty": "Ce fichier est vide.",
            "invalid": "Ce fichier n'a pas pu être lu.",
        },
    )


class RelectureForm(DsfrForm, forms.Form):
    """The référent's word on each field: conforme or à corriger, and a comment."""

    def __init__(self, *args: Any, modele: ModeleFiche, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.modele = modele
        for champ in modele.champs:
            self.fields[f"{champ.cle}__avis"] = forms.ChoiceField(
                label=f"Avis sur « {champ.libelle} »",
                choices=AvisChampChoix.choices,
                # Conforme until the référent says otherwise: only the fields to fix are
                # touched (a fiche has up to 25 fields).
                initial=AvisChampChoix.CONFORME,
                widget=forms.RadioSelect,
                error_messages={
                    "required": f"« {champ.libelle} » : conforme ou à corriger ?",
                    "invalid_choice": f"« {champ.libelle} » : conforme ou à corriger ?",
                },
            )
            self.fields[f"{champ.cle}__commentaire"] = forms.CharField(
                label="Commentaire",
                required=False,
                widget=forms.Textarea(attrs={"rows": 2, "maxlength": COMMENTAIRE_MAX}),
                help_text="Obligatoire pour un champ à corriger : dites quoi reprendre.",
            )

    def paires(self) -> list[tuple[str, forms.BoundField, forms.BoundField]]:
        return [
            (c.cle, self[f"{c.cle}__avis"], self[f"{c.cle}__commentaire"])
            for c in self.modele.champs
        ]

    def avis(self) -> dict[str, tuple[str, str]]:
        return {
            c.cle: (
                self.cleaned_data.get(f"{c.cle}__avis", ""),
                self.cleaned_data.get(f"{c.cle}__commentaire", ""),
            )
            for c in self.modele.champs
        }
