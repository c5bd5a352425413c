"""The student's request for a convention (« Demander une convention », from « Mon stage »).

What a form can check: a SIRET with its key, the host's name and town when the section does
not know that SIRET yet, a tutor with a name and an e-mail, at least one period (the cohort's
or the student's own dates) and none that overlap, a schedule in hours, every text bounded.
`demande()` hands the service (conventions.demandes) what was typed, checked."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.db.models import QuerySet

from conventions.champs import ChoixMultipleGroupe
from conventions.demandes import Accueil, Demande, TuteurSaisi
from conventions.forms import HoraireForm
from conventions.services import PeriodeSaisie
from core.forms import ChoixMultiplesModeles, DsfrForm
from core.validateurs import valider_date_bornee
from etablissement.models import PeriodePromotion
from organismes.models import EtablissementAccueil
from organismes.validators import normaliser_naf, normaliser_numero, valider_naf, valider_siret
from referentiel.models import Mission
from regles.bornes import MONTANT_MAX

_EMAIL = {"invalid": "Saisissez une adresse e-mail valide, par exemple nom@entreprise.fr."}


def _date(label: str) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        validators=[valider_date_bornee],
        error_messages={"invalid": "Saisissez une date, par exemple 12/01/2027."},
    )


class PeriodesPromotion(ChoixMultiplesModeles):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.libelle} : du {obj.debut:%d/%m/%Y} au {obj.fin:%d/%m/%Y}"


class DemandeForm(DsfrForm, HoraireForm):
    siret = forms.CharField(
        label="SIRET de l'établissement qui vous accueille",
        max_length=20,
        help_text="14 chiffres : demandez-le à l'entreprise, ou cherchez-le sur l'annuaire des "
        "entreprises.",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    entreprise = forms.CharField(label="Raison sociale", max_length=200, required=False)
    adresse = forms.CharField(
        label="Adresse", max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    code_postal = forms.CharField(label="Code postal", max_length=10, required=False)
    ville = forms.CharField(label="Ville", max_length=100, required=False)
    naf = forms.CharField(
        label="Code NAF (APE)", max_length=10, required=False, help_text="Par exemple 47.11F."
    )
    tuteur_prenom = forms.CharField(label="Prénom du tuteur ou de la tutrice", max_length=100)
    tuteur_nom = forms.CharField(label="Nom du tuteur ou de la tutrice", max_length=100)
    tuteur_fonction = forms.CharField(label="Sa fonction", max_length=200, required=False)
    tuteur_email = forms.EmailField(
        label="Son adresse e-mail", max_length=254, error_messages=_EMAIL
    )
    tuteur_telephone = forms.CharField(label="Son téléphone", max_length=20, required=False)
    periodes = PeriodesPromotion(
        label="Périodes de stage de votre promotion",
        queryset=PeriodePromotion.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    autre_debut = _date("Autres dates : début")
    autre_fin = _date("Autres dates : fin")
    poste = forms.CharField(
        label="Intitulé du poste", max_length=200, required=False, help_text="Facultatif."
    )
    missions = ChoixMultipleGroupe(
        label="Missions prévues",
        queryset=Mission.objects.none(),
        groupe=lambda m: m.famille.libelle,
        required=False,
        help_text="Celles du catalogue de votre formation que l'entreprise vous confiera.",
    )
    gratification_horaire = forms.DecimalField(
        label="Gratification par heure, en euros",
        help_text="Facultatif : ce que l'entreprise vous a annoncé, par exemple 4,50.",
        required=False,
        min_value=Decimal(0),
        max_value=MONTANT_MAX,
        max_digits=9,
        decimal_places=2,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        error_messages={
            "invalid": "Saisissez un montant en euros, par exemple 4,50.",
            "max_digits": "Ce montant est trop long.",
            "max_decimal_places": "Deux chiffres après la virgule au plus.",
        },
    )
    message = forms.CharField(
        label="Message à votre enseignant référent",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(
        self,
        *args: Any,
        periodes: QuerySet[PeriodePromotion],
        missions: QuerySet[Mission],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["periodes"].queryset = periodes  # type: ignore[attr-defined]
        self.fields["missions"].queryset = missions  # type: ignore[attr-defined]
        self.site_connu: EtablissementAccueil | None = None

    def clean_siret(self) -> str:
        siret = normaliser_numero(self.cleaned_data.get("siret") or "")
        valider_siret(siret)
        return siret

    def clean_naf(self) -> str:
        naf = normaliser_naf(self.cleaned_data.get("naf") or "")
        if naf:
            valider_naf(naf)
        return naf

    def clean(self) -> dict[str, Any]:
        donnees = super().clean() or {}
        siret = donnees.get("siret")
        if siret:
            self.site_connu = (
                EtablissementAccueil.objects.select_related("organisme").filter(siret=siret).first()
            )
            if self.site_connu is None:
                for champ, texte in (
                    ("entreprise", "Indiquez la raison sociale de l'entreprise."),
                    ("ville", "Indiquez la ville de l'établissement."),
                ):
                    if not (donnees.get(champ) or "").strip() and champ not in self.errors:
                        self.add_error(champ, texte)
        self._periodes(donnees)
        return donnees

    def _periodes(self, donnees: dict[str, Any]) -> None:
        debut, fin = donnees.get("autre_debut"), donnees.get("autre_fin")
        if "autre_debut" in self.errors or "autre_fin" in self.errors:
            return
        if bool(debut) != bool(fin):
            champ = "autre_fin" if debut else "autre_debut"
            self.add_error(champ, "Indiquez le début et la fin de vos autres dates.")
            return
        if debut and fin and fin < debut:
            self.add_error("autre_fin", "La fin doit suivre le début.")
            return
        if "periodes" in self.errors:
            return
        saisies = self._saisies(donnees)
        if not saisies:
            self.add_error(
                "periodes",
                "Choisissez au moins une période de stage de votre promotion, ou indiquez "
                "d'autres dates.",
            )
            return
        for avant, apres in zip(saisies, saisies[1:], strict=False):
            if apres.debut <= avant.fin:
                self.add_error(
                    "autre_debut",
                    "Vos dates chevauchent une période choisie : choisissez l'une ou l'autre.",
                )
                return

    @staticmethod
    def _saisies(donnees: dict[str, Any]) -> list[PeriodeSaisie]:
        saisies = [PeriodeSaisie(p.debut, p.fin) for p in donnees.get("periodes") or ()]
        if donnees.get("autre_debut") and donnees.get("autre_fin"):
            saisies.append(PeriodeSaisie(donnees["autre_debut"], donnees["autre_fin"]))
        return sorted(saisies, key=lambda p: p.debut)

    def demande(self) -> Demande:
        """What was typed, for conventions.demandes (call once the form is valid)."""
        d = self.cleaned_data
        return Demande(
            accueil=Accueil(
                siret=d["siret"],
                raison_sociale=d["entreprise"],
                adresse=d["adresse"],
                code_postal=d["code_postal"],
                ville=d["ville"],
                naf=d["naf"],
            ),
            tuteur=TuteurSaisi(
                nom=d["tuteur_nom"],
                prenom=d["tuteur_prenom"],
                fonction=d["tuteur_fonction"],
                email=d["tuteur_email"],
                telephone=d["tuteur_telephone"],
            ),
            periodes=self._saisies(d),
            horaire={nom: d[nom] or 0 for nom in self.CHAMPS_HORAIRE},
            missions=list(d["missions"]),
            poste=d["poste"],
            gratification_horaire=d["gratification_horaire"] or None,
            message=d["message"],
        )
