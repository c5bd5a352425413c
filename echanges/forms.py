"""The upload forms of the imports (DSFR file upload component)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone

from core.forms import DsfrForm
from echanges.imports.limites import LIGNES_MAX, TAILLE_MAX, en_mo
from etablissement.models import Promotion
from regles.format import nombre

_FORMATS = (
    ".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
)


AIDE_FICHIER = (
    f"Formats acceptés : CSV ou XLSX, {en_mo(TAILLE_MAX)} et {nombre(LIGNES_MAX, 0)} lignes "
    "au plus."
)


class DepotInput(forms.FileInput):
    """The DSFR upload input; `group_class` is read by django-dsfr's field template."""

    group_class = "fr-upload-group"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__({"class": "fr-upload", "accept": _FORMATS, **(attrs or {})})


class FichierListeField(forms.FileField):
    widget = DepotInput
    default_error_messages = {
        "required": "Choisissez le fichier à importer.",
        "empty": "Ce fichier est vide.",
        "invalid": "Ce fichier n'a pas pu être reçu : choisissez-le de nouveau.",
    }

    def clean(self, data: Any, initial: Any = None) -> UploadedFile:
        fichier: UploadedFile = super().clean(data, initial)
        if fichier.size is not None and fichier.size > TAILLE_MAX:
            raise forms.ValidationError(
                f"Ce fichier dépasse {en_mo(TAILLE_MAX)} : une liste de classe ou d'organismes "
                "est bien plus petite. Vérifiez que c'est le bon fichier."
            )
        return fichier


class ImportEtudiantsForm(DsfrForm):
    promotion = forms.ModelChoiceField(
        label="Promotion",
        queryset=Promotion.objects.order_by("-annee_debut", "libelle"),
        empty_label="Choisir une promotion",
        error_messages={"required": "Choisissez la promotion des étudiants."},
    )
    fichier = FichierListeField(
        label="Liste de la classe",
        help_text=AIDE_FICHIER,
    )


def dernier_jour_du_mois_precedent() -> date:
    return timezone.localdate().replace(day=1) - timedelta(days=1)


class ImportOrganismesForm(DsfrForm):
    fichier = FichierListeField(
        label="Liste des organismes d'accueil",
        help_text=AIDE_FICHIER,
    )
    effectif_au = forms.DateField(
        label="Effectif constaté au",
        help_text=(
            "La colonne « effectif » est enregistrée pour le mois de cette date : les "
            "personnes employées au dernier jour du mois (art. R124-12)."
        ),
        initial=dernier_jour_du_mois_precedent,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": "Indiquez la date de l'effectif.",
            "invalid": "Saisissez une date au format JJ/MM/AAAA.",
        },
    )
