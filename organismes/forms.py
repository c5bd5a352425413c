"""The forms of the host screens. Plain forms: the services tidy what people type (a SIREN
typed "552 081 317") before the model checks it and says, in French, what is wrong."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

from django import forms

from core.forms import DsfrForm
from core.validateurs import valider_date_bornee
from organismes.models import OrganismeAccueil, RoleContact
from organismes.validators import normaliser_numero, valider_siren, valider_siret
from regles.bornes import DATE_MAX, DATE_MIN, EFFECTIF_MAX, MESSAGE_DATE

_FORMATS_DATE = ["%Y-%m-%d", "%d/%m/%Y"]
_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
_DATE_INVALIDE = {"invalid": "Saisissez une date valide, au format JJ/MM/AAAA."}


def _champ_date(label: str, aide: str) -> forms.DateField:
    """A day typed 05/03/2026 or picked in the browser's calendar."""
    return forms.DateField(
        label=label,
        help_text=aide,
        widget=_DATE,
        input_formats=_FORMATS_DATE,
        validators=[valider_date_bornee],
        error_messages=_DATE_INVALIDE,
    )


_EMAIL_INVALIDE = {"invalid": "Saisissez une adresse e-mail valide, au format nom@domaine.fr."}
_TAUX: dict[str, Any] = {
    "max_digits": 6,
    "decimal_places": 5,
    "min_value": Decimal(0),
    "max_value": Decimal(1),
    "localize": True,
    "widget": forms.TextInput(attrs={"inputmode": "decimal"}),
}


class OrganismeForm(DsfrForm, forms.Form):
    siren = forms.CharField(
        label="SIREN",
        max_length=20,
        help_text="9 chiffres, sur l'annuaire des entreprises. Exemple : 552 081 317",
    )
    raison_sociale = forms.CharField(label="Raison sociale", max_length=200)
    naf = forms.CharField(
        label="Code NAF (APE)", max_length=10, required=False, help_text="Exemple : 47.11F"
    )
    adresse = forms.CharField(
        label="Adresse du siège", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    code_postal = forms.CharField(label="Code postal", max_length=10, required=False)
    ville = forms.CharField(label="Ville", max_length=100, required=False)
    taux_atmp = forms.DecimalField(
        label="Taux AT/MP",
        required=False,
        help_text="En fraction : 0,0208 pour 2,08 %. Vide : le taux moyen national.",
        **_TAUX,
    )
    taux_versement_mobilite = forms.DecimalField(
        label="Taux du versement mobilité",
        initial=Decimal(0),
        help_text="En fraction : 0,02 pour 2 %. 0 si l'organisme n'y est pas soumis.",
        **_TAUX,
    )

    @staticmethod
    def initial_de(organisme: OrganismeAccueil) -> dict[str, Any]:
        return {nom: getattr(organisme, nom) for nom in OrganismeForm.base_fields}

    def clean_siren(self) -> str:
        # Checked here too, so that a wrong key shows with the other errors at once (the
        # service checks it again, for every other caller).
        siren = normaliser_numero(self.cleaned_data["siren"])
        valider_siren(siren)
        return siren


class SiteForm(DsfrForm, forms.Form):
    """A site (SIRET) of the host. `facultatif`: the whole site may be left blank (the
    creation of a host whose SIRET nobody knows yet)."""

    siret = forms.CharField(
        label="SIRET",
        max_length=20,
        help_text="14 chiffres : le SIREN suivi des 5 chiffres du site. Exemple : 552 081 317 00012",
    )
    enseigne = forms.CharField(label="Enseigne", max_length=200, required=False)
    adresse = forms.CharField(label="Adresse du site", widget=forms.Textarea(attrs={"rows": 2}))
    code_postal = forms.CharField(label="Code postal", max_length=10, required=False)
    ville = forms.CharField(label="Ville", max_length=100)

    def __init__(self, *args: Any, facultatif: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.facultatif = facultatif
        if facultatif:
            for champ in self.fields.values():
                champ.required = False

    def clean_siret(self) -> str:
        siret = normaliser_numero(self.cleaned_data.get("siret") or "")
        if siret:
            valider_siret(siret)
        return siret

    def est_vide(self) -> bool:
        return not any(str(v).strip() for v in self.cleaned_data.values())

    def clean(self) -> dict[str, Any]:
        donnees = super().clean() or {}
        if self.facultatif and not self.est_vide():
            for nom in ("siret", "adresse", "ville"):
                if nom not in self.errors and not str(donnees.get(nom) or "").strip():
                    self.add_error(nom, "Ce champ est obligatoire pour enregistrer le site.")
        return donnees


class TuteurForm(DsfrForm, forms.Form):
    nom = forms.CharField(label="Nom", max_length=100)
    prenom = forms.CharField(label="Prénom", max_length=100)
    fonction = forms.CharField(label="Fonction", max_length=200, required=False)
    email = forms.EmailField(
        label="Adresse e-mail",
        required=False,
        help_text="Format attendu : nom@domaine.fr",
        error_messages=_EMAIL_INVALIDE,
    )
    telephone = forms.CharField(label="Téléphone", max_length=20, required=False)


class ContactForm(TuteurForm):
    """A person of the host other than a tutor: who signs, who pays the gratification."""

    nom = forms.CharField(label="Nom", max_length=100)
    prenom = forms.CharField(label="Prénom", max_length=100, required=False)
    role = forms.ChoiceField(
        label="Rôle",
        choices=RoleContact.choices,
        initial=RoleContact.SIGNATAIRE,
        help_text="Le signataire des conventions reçoit les liens de signature.",
    )


class FermetureForm(DsfrForm, forms.Form):
    debut = _champ_date("Premier jour de fermeture", "Format attendu : JJ/MM/AAAA.")
    fin = _champ_date("Dernier jour de fermeture", "Format attendu : JJ/MM/AAAA.")
    libelle = forms.CharField(
        label="Libellé", max_length=200, required=False, help_text="Par exemple : congés d'été."
    )

    def clean(self) -> dict[str, Any]:
        donnees = super().clean() or {}
        debut, fin = donnees.get("debut"), donnees.get("fin")
        if debut and fin and fin < debut:
            self.add_error("fin", "Le dernier jour de fermeture précède le premier.")
        return donnees


class MoisField(forms.Field):
    """A month, typed 03/2026 or sent 2026-03 by a browser's month picker: its first day."""

    widget = forms.TextInput(attrs={"type": "month", "placeholder": "MM/AAAA"})
    default_error_messages = {
        "invalid": "Saisissez un mois au format MM/AAAA, par exemple 03/2026."
    }

    def to_python(self, value: Any) -> date | None:
        if value in (None, ""):
            return None
        if isinstance(value, date):
            return value.replace(day=1)
        texte = str(value).strip()
        if m := re.fullmatch(r"([0-9]{4})-([0-9]{1,2})", texte):
            annee, mois = int(m[1]), int(m[2])
        elif m := re.fullmatch(r"([0-9]{1,2})/([0-9]{4})", texte):
            mois, annee = int(m[1]), int(m[2])
        else:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        if not 1 <= mois <= 12:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        if not DATE_MIN.year <= annee <= DATE_MAX.year:  # year 0 is no date at all
            raise forms.ValidationError(MESSAGE_DATE, code="date_hors_bornes")
        return date(annee, mois, 1)

    def prepare_value(self, value: Any) -> Any:
        return f"{value:%Y-%m}" if isinstance(value, date) else value


class EffectifForm(DsfrForm, forms.Form):
    mois = MoisField(
        label="Mois",
        help_text="Format attendu : MM/AAAA. Un mois déjà déclaré est corrigé.",
    )
    personnes = forms.IntegerField(
        label="Personnes employées au dernier jour du mois",
        min_value=0,
        max_value=EFFECTIF_MAX,
        help_text="Stagiaires exclus (article R124-12 du code de l'éducation).",
    )


class AutresStagiairesForm(DsfrForm, forms.Form):
    semaine = _champ_date(
        "Semaine",
        "N'importe quel jour de la semaine civile (JJ/MM/AAAA) : elle est notée par son lundi.",
    )
    nombre = forms.IntegerField(
        label="Stagiaires d'autres écoles cette semaine-là",
        min_value=0,
        max_value=999,
        help_text="Ils comptent dans le plafond de stagiaires de l'organisme. Une semaine déjà déclarée est corrigée.",
    )


TAILLES = [
    ("", "Toutes"),
    ("moins_20", "Moins de 20 personnes"),
    ("20_49", "20 à 49 personnes"),
    ("50_249", "50 à 249 personnes"),
    ("250_plus", "250 personnes et plus"),
    ("inconnu", "Effectif non déclaré"),
]


class FiltresOrganismesForm(DsfrForm, forms.Form):
    q = forms.CharField(
        label="Rechercher",
        required=False,
        help_text="Raison sociale, SIREN, SIRET ou ville",
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    taille = forms.ChoiceField(
        label="Effectif (dernier mois déclaré)", required=False, choices=TAILLES
    )
