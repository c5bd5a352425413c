"""The forms of the activity log: an entry (phone-first: dates, a text, checkboxes grouped
by mission family and by bloc), an attachment, the référent's comment."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet

from conventions.champs import ChoixMultipleGroupe
from conventions.models import Convention
from core.forms import DsfrForm
from core.validateurs import valider_date_bornee
from etablissement.models import Etudiant
from journal import fichiers
from journal.models import ACTIVITES_MAX, COMMENTAIRE_MAX, EntreeJournal
from journal.services import Saisie
from referentiel.models import Competence, Mission

_DATE = {"invalid": "Saisissez une date, par exemple 12/01/2027."}


def _date(label: str, *, requis: bool, aide: str = "") -> forms.DateField:
    return forms.DateField(
        label=label,
        required=requis,
        help_text=aide,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        validators=[valider_date_bornee],
        error_messages=_DATE | {"required": "Indiquez le jour de l'activité."},
    )


class ChoixConvention(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.etablissement_accueil.organisme.raison_sociale}, du {obj.debut:%d/%m/%Y}"


class EntreeForm(DsfrForm, forms.Form):
    convention = ChoixConvention(
        label="Stage", queryset=Convention.objects.none(), empty_label=None
    )
    date_debut = _date("Jour", requis=True, aide="Pour une semaine : son premier jour.")
    date_fin = _date(
        "Dernier jour", requis=False, aide="Facultatif : pour une semaine, son dernier jour."
    )
    activites = forms.CharField(
        label="Ce que j'ai fait",
        max_length=ACTIVITES_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Les tâches, les outils, les résultats, ce qui a été difficile.",
        error_messages={"required": "Dites ce que vous avez fait."},
    )
    missions = ChoixMultipleGroupe(
        label="Missions du catalogue",
        queryset=Mission.objects.none(),
        groupe=lambda m: m.famille.libelle,
        required=False,
        help_text="Facultatif : celles que cette activité relève.",
    )
    competences = ChoixMultipleGroupe(
        label="Compétences travaillées",
        queryset=Competence.objects.none(),
        groupe=lambda c: f"{c.bloc.code} {c.bloc.libelle}",
        required=False,
        help_text="Facultatif : les missions cochées comptent déjà pour leurs compétences principales.",
    )

    def __init__(
        self, *args: Any, etudiant: Etudiant, conventions: QuerySet[Convention], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        promotion = etudiant.promotion
        self.fields["convention"].queryset = conventions  # type: ignore[attr-defined]
        self.fields["missions"].queryset = (  # type: ignore[attr-defined]
            Mission.objects.filter(actif=True, famille__formation_id=promotion.formation_id)
            .select_related("famille")
            .order_by("famille__ordre", "famille__code", "ordre", "code")
        )
        self.fields["competences"].queryset = (  # type: ignore[attr-defined]
            Competence.objects.filter(bloc__version_id=promotion.version_referentiel_id)
            .select_related("bloc")
            .order_by("bloc__code", "code")
        )
        if conventions.count() == 1:
            self.fields["convention"].widget = forms.HiddenInput()
            self.fields["convention"].initial = conventions.first()

    @classmethod
    def initial_de(cls, entree: EntreeJournal) -> dict[str, Any]:
        return {
            "convention": entree.convention,
            "date_debut": entree.date_debut,
            "date_fin": entree.date_fin,
            "activites": entree.activites,
            "missions": list(entree.missions.all()),
            "competences": list(entree.competences.all()),
        }

    def saisie(self) -> Saisie:
        d = self.cleaned_data
        return Saisie(
            date_debut=d["date_debut"],
            date_fin=d.get("date_fin") or d["date_debut"],
            activites=d["activites"],
            missions=tuple(d.get("missions") or ()),
            competences=tuple(d.get("competences") or ()),
        )


class PieceForm(DsfrForm, forms.Form):
    fichier = forms.FileField(
        label="Ajouter une pièce jointe",
        help_text=(
            "PDF, image PNG ou JPEG, texte .odt ou .docx ; "
            f"{fichiers.TAILLE_MAX // (1024 * 1024)} Mo au plus."
        ),
        max_length=300,
        error_messages={
            "required": "Choisissez un fichier.",
            "empty": "Ce fichier est vide.",
            "invalid": "Ce fichier n'a pas pu être lu.",
        },
    )


class CommentaireForm(DsfrForm, forms.Form):
    commentaire = forms.CharField(
        label="Commentaire du référent",
        max_length=COMMENTAIRE_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Lu par l'étudiant sous son entrée. Vide : le commentaire est retiré.",
    )
