"""The forms of the convention screens. They check what a form can check (a field typed
wrong, a tutor of another host, two periods that overlap); the services check the rest and
the engine judges the law."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django import forms
from django.forms import BaseFormSet, formset_factory
from dsfr.utils import dsfr_input_class_attr

from conventions.champs import ChoixGroupe, ChoixMultipleGroupe, DureeField
from conventions.models import ABSENCES, INITIATIVES, METHODES, MODES, Convention
from conventions.services import PeriodeSaisie, completer_par_defaut
from core.forms import DsfrForm
from core.validateurs import valider_date_bornee
from etablissement.models import Enseignant, Etudiant
from organismes.models import EtablissementAccueil, Tuteur
from referentiel.models import Competence, Mission
from regles.bornes import MONTANT_MAX
from regles.cadre import Cadre, cadre_ou_aucun
from regles.contenus import CONGES, CONTENUS, DERIVES, Contenu
from regles.modele import SEMAINE, ModeGratification


def _date(label: str, **kwargs: Any) -> forms.DateField:
    """A day between 01/01/1900 and 31/12/2100 (regles.bornes)."""
    return forms.DateField(
        label=label,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        validators=[valider_date_bornee],
        **kwargs,
    )


class HoraireForm(forms.Form):
    """The weekly schedule, one field per day (the model's minutes_<jour>)."""

    minutes_lundi = DureeField(label="Lundi", initial=420)
    minutes_mardi = DureeField(label="Mardi", initial=420)
    minutes_mercredi = DureeField(label="Mercredi", initial=420)
    minutes_jeudi = DureeField(label="Jeudi", initial=420)
    minutes_vendredi = DureeField(label="Vendredi", initial=420)
    minutes_samedi = DureeField(label="Samedi", initial=0)
    minutes_dimanche = DureeField(label="Dimanche", initial=0)

    CHAMPS_HORAIRE = tuple(f"minutes_{jour}" for jour in SEMAINE)

    def jours(self) -> list[forms.BoundField]:
        return [self[nom] for nom in self.CHAMPS_HORAIRE]


class GratificationForm(forms.Form):
    gratification_mode = forms.ChoiceField(
        label="Gratification", choices=MODES, initial="aucune", widget=forms.RadioSelect
    )
    gratification_montant = forms.DecimalField(
        label="Montant en euros",
        help_text="Par heure de présence ou par mois, selon le choix ci-dessus. Exemple : 5,20",
        required=False,
        min_value=Decimal(0),
        max_value=MONTANT_MAX,
        max_digits=9,
        decimal_places=2,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    gratification_methode = forms.ChoiceField(
        label="Versement", choices=METHODES, initial="reelle", widget=forms.RadioSelect
    )

    def clean(self) -> dict[str, Any]:
        donnees = super().clean() or {}
        mode = donnees.get("gratification_mode")
        if ModeGratification.demande_un_montant(mode) and not donnees.get("gratification_montant"):
            self.add_error("gratification_montant", "Indiquez le montant de la gratification.")
        elif mode in ("aucune", "minimum_legal"):
            donnees["gratification_montant"] = Decimal(0)  # the mode says it all
        return donnees


def _clause(code: str) -> str:
    return f"clause_{code}"


# The D124-4 clauses typed as text (the others come from the periods, schedule and pay).
CLAUSES = [c for c in CONTENUS if c.code not in DERIVES]
_AIDE_CLAUSE = {
    "formation": (
        "Vide : l'intitulé de la formation de l'étudiant et son volume horaire annuel, "
        "s'il est renseigné dans la fiche de la formation."
    ),
    "encadrants": "Vide : les noms du référent et du tuteur choisis plus haut, s'ils le sont tous deux.",
}


def aide_clause(code: str, cadre: Cadre | None) -> str:
    """The help text of a clause's field. The leave clause's threshold is the engine's (the
    "two months" of presence of `regles.presence.Seuils`), read in the figures in force."""
    if code != CONGES:
        return _AIDE_CLAUSE.get(code, "")
    if cadre is None:
        return "Obligatoire au-delà de la durée de présence qui rend la gratification obligatoire."
    return (
        f"Obligatoire quand la présence prévue dépasse {cadre.seuil_minutes // 60} heures "
        f"({cadre.seuil_mois} mois de {cadre.jours_par_mois} jours de "
        f"{cadre.heures_par_jour} heures)."
    )


def champ_clause(contenu: Contenu, cadre: Cadre | None, **kwargs: Any) -> forms.CharField:
    """The text field of a D124-4 clause, numbered as in the article."""
    champ = forms.CharField(
        label=f"{contenu.numero}° {contenu.libelle[0].upper()}{contenu.libelle[1:]}",
        required=False,
        help_text=kwargs.pop("help_text", aide_clause(contenu.code, cadre)),
        widget=forms.Textarea(attrs={"rows": 2}),
        **kwargs,
    )
    return champ


class ConventionForm(DsfrForm, HoraireForm, GratificationForm):
    etudiant = ChoixGroupe(
        label="Étudiant",
        queryset=Etudiant.objects.filter(archive=False)
        .select_related("promotion__formation", "referent")
        .order_by("-promotion__annee_debut", "promotion__libelle", "nom", "prenom"),
        groupe=lambda e: e.promotion.libelle,
        empty_label="Choisir un étudiant",
    )
    etablissement_accueil = ChoixGroupe(
        label="Établissement d'accueil",
        help_text="Le lieu du stage (SIRET), groupé par organisme.",
        queryset=EtablissementAccueil.objects.select_related("organisme").order_by(
            "organisme__raison_sociale", "organisme__pk", "siret"
        ),
        groupe=lambda e: f"{e.organisme.raison_sociale} (SIREN {e.organisme.siren})",
        empty_label="Choisir un établissement",
    )
    tuteur = ChoixGroupe(
        label="Tuteur",
        help_text="Une personne de l'organisme d'accueil choisi.",
        queryset=Tuteur.objects.select_related("organisme").order_by(
            "organisme__raison_sociale", "organisme__pk", "nom", "prenom"
        ),
        groupe=lambda t: t.organisme.raison_sociale,
        required=False,
        empty_label="Pas encore désigné",
    )
    date_effet_tuteur = _date(
        "Tuteur désigné à compter du", required=False, help_text="Vide : le premier jour."
    )
    referent = forms.ModelChoiceField(
        label="Enseignant référent",
        queryset=Enseignant.objects.filter(actif=True).order_by("nom", "prenom"),
        required=False,
        empty_label="Choisir un enseignant",
    )
    poste = forms.CharField(
        label="Poste",
        required=False,
        max_length=200,
        help_text="Le même poste d'un stagiaire à l'autre impose un délai de carence.",
    )
    travail_nuit = forms.BooleanField(label="Présence de nuit", required=False)
    travail_dimanche = forms.BooleanField(label="Présence le dimanche", required=False)
    travail_feries = forms.BooleanField(label="Présence les jours fériés", required=False)
    missions = ChoixMultipleGroupe(
        label="Missions du catalogue",
        queryset=Mission.objects.filter(actif=True)
        .select_related("famille")
        .order_by("famille__ordre", "famille__code", "ordre", "code"),
        groupe=lambda m: m.famille.libelle,
        required=False,
    )
    competences = ChoixMultipleGroupe(
        label="Compétences visées",
        queryset=Competence.objects.select_related("bloc").order_by(
            "bloc__version_id", "bloc__code", "code"
        ),
        groupe=lambda c: f"{c.bloc.code} — {c.bloc.libelle}",
        required=False,
    )
    objectifs = forms.CharField(
        label="Objectifs et activités libres",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(
        self,
        *args: Any,
        etudiants: Any = None,
        le: date | None = None,
        nouvelle: bool = False,
        **kwargs: Any,
    ) -> None:
        """`etudiants`: the students this user may write for (a teacher: those they follow);
        `le`: the day whose legal figures the help texts quote (the view's today);
        `nouvelle`: a convention not created yet, whose blank clauses take the default texts
        of its student's cohort (`services.completer_par_defaut`)."""
        super().__init__(*args, **kwargs)
        self.nouvelle = nouvelle
        if etudiants is not None:
            self.fields["etudiant"].queryset = etudiants  # type: ignore[attr-defined]
        cadre = cadre_ou_aucun(le) if le is not None else None
        for contenu in CLAUSES:
            nom = _clause(contenu.code)
            aide = aide_clause(contenu.code, cadre)
            if nouvelle:
                aide = " ".join(
                    t
                    for t in (
                        aide,
                        "Vide : le texte par défaut de la promotion de l'étudiant, s'il y en a un.",
                    )
                    if t
                )
            self.fields[nom] = champ_clause(contenu, cadre, help_text=aide)
            dsfr_input_class_attr(self[nom])

    @classmethod
    def initial_de(cls, convention: Convention) -> dict[str, Any]:
        initial: dict[str, Any] = {
            nom: getattr(convention, nom)
            for nom in (
                "etudiant",
                "etablissement_accueil",
                "tuteur",
                "date_effet_tuteur",
                "referent",
                "poste",
                "travail_nuit",
                "travail_dimanche",
                "travail_feries",
                "gratification_mode",
                "gratification_montant",
                "gratification_methode",
                "objectifs",
                *cls.CHAMPS_HORAIRE,
            )
        }
        initial["missions"] = list(convention.missions.all())
        initial["competences"] = list(convention.competences.all())
        for code, texte in (convention.contenus or {}).items():
            initial[_clause(code)] = texte
        return initial

    def clean(self) -> dict[str, Any]:
        donnees = super().clean()
        tuteur, lieu = donnees.get("tuteur"), donnees.get("etablissement_accueil")
        if tuteur and lieu and tuteur.organisme_id != lieu.organisme_id:
            self.add_error(
                "tuteur",
                f"{tuteur} est tuteur chez {tuteur.organisme.raison_sociale}, pas chez "
                f"{lieu.organisme.raison_sociale} : choisissez un tuteur de l'organisme d'accueil.",
            )
        return donnees

    def clauses(self) -> list[forms.BoundField]:
        return [self[_clause(c.code)] for c in CLAUSES]

    def champs(self) -> dict[str, Any]:
        """The convention's fields for the services (periods, missions, competences apart)."""
        donnees = self.cleaned_data
        champs = {
            nom: donnees[nom]
            for nom in self.fields
            if nom not in ("missions", "competences") and not nom.startswith("clause_")
        }
        champs["contenus"] = {
            c.code: texte for c in CLAUSES if (texte := donnees.get(_clause(c.code), "").strip())
        }
        if self.nouvelle:
            etudiant = donnees.get("etudiant")
            champs["contenus"] = completer_par_defaut(
                champs["contenus"], etudiant.promotion if etudiant else None
            )
        return champs


class PeriodeForm(DsfrForm):
    debut = _date("Début")
    fin = _date("Fin")
    prolongation = forms.BooleanField(
        label="Prolongation après une interruption (L124-15)",
        help_text="Hors du quota de stagiaires.",
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.empty_permitted:  # a spare row: optional, and not marked required
            self.fields["debut"].required = self.fields["fin"].required = False

    def clean(self) -> dict[str, Any]:
        donnees = super().clean() or {}
        debut, fin = donnees.get("debut"), donnees.get("fin")
        if debut and fin and fin < debut:
            self.add_error("fin", "La fin doit suivre le début.")
        for champ, autre in (("debut", fin), ("fin", debut)):
            if autre and not donnees.get(champ) and champ not in self.errors:
                self.add_error(champ, "Indiquez le début et la fin de la période.")
        return donnees


class BasePeriodes(BaseFormSet):  # type: ignore[type-arg]
    def clean(self) -> None:
        if any(self.errors):
            return
        saisies = sorted(
            (f.cleaned_data["debut"], f.cleaned_data["fin"])
            for f in self.forms
            if f.cleaned_data.get("debut") and f.cleaned_data.get("fin")
        )
        if not saisies:
            raise forms.ValidationError("Indiquez au moins une période de stage.")
        for (_, fin), (debut, _) in zip(saisies, saisies[1:], strict=False):
            if debut <= fin:
                raise forms.ValidationError("Deux périodes de la convention se chevauchent.")

    def saisies(self) -> list[PeriodeSaisie]:
        return [
            PeriodeSaisie(
                f.cleaned_data["debut"], f.cleaned_data["fin"], f.cleaned_data["prolongation"]
            )
            for f in self.forms
            if f.cleaned_data.get("debut") and f.cleaned_data.get("fin")
        ]


# One blank row beyond the first: a second period without JavaScript; "Ajouter une
# période" posts the form back with one more.
PeriodeFormSet = formset_factory(PeriodeForm, formset=BasePeriodes, extra=1, min_num=1)
PREFIXE_PERIODES = "periodes"


def periodes_formset(
    data: Any = None, *, initial: list[dict[str, Any]] | None = None, ajouter: bool = False
) -> BasePeriodes:
    if data is not None and ajouter:
        data = data.copy()
        cle = f"{PREFIXE_PERIODES}-TOTAL_FORMS"
        data[cle] = str(int(data.get(cle) or 0) + 1)
    return PeriodeFormSet(data, initial=initial, prefix=PREFIXE_PERIODES)  # type: ignore[return-value]


def initial_periodes(convention: Convention) -> list[dict[str, Any]]:
    return [
        {"debut": p.debut, "fin": p.fin, "prolongation": p.prolongation}
        for p in convention.periodes.all()
    ]


class AvenantForm(DsfrForm, HoraireForm, GratificationForm):
    date_effet = _date("Date d'effet", help_text="Le premier jour où l'avenant s'applique.")
    motif = forms.CharField(label="Motif de l'avenant", widget=forms.Textarea(attrs={"rows": 3}))
    tuteur = forms.ModelChoiceField(
        label="Tuteur", queryset=Tuteur.objects.none(), required=False, empty_label="Aucun"
    )
    date_effet_tuteur = _date("Tuteur désigné à compter du", required=False)

    def __init__(self, *args: Any, convention: Convention, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organisme_id = convention.etablissement_accueil.organisme_id
        self.fields["tuteur"].queryset = Tuteur.objects.filter(  # type: ignore[attr-defined]
            organisme_id=organisme_id
        ).order_by("nom", "prenom")

    @classmethod
    def initial_de(cls, convention: Convention) -> dict[str, Any]:
        return {
            nom: getattr(convention, nom)
            for nom in (
                "tuteur",
                "date_effet_tuteur",
                "gratification_mode",
                "gratification_montant",
                "gratification_methode",
                *cls.CHAMPS_HORAIRE,
            )
        }

    def changements(self) -> dict[str, Any]:
        """What `avenant_creer` may change; it keeps only what differs."""
        return {
            nom: valeur
            for nom, valeur in self.cleaned_data.items()
            if nom not in ("date_effet", "motif")
        }


class JourForm(DsfrForm):
    """One day of the presence log: effective presence, and an absence with its type."""

    presence = DureeField(label="Présence", required=False)
    absence = forms.ChoiceField(
        label="Absence", choices=[("", "Aucune"), *ABSENCES], required=False
    )
    minutes_absence = DureeField(label="Durée de l'absence", required=False)

    def clean(self) -> dict[str, Any]:
        donnees = super().clean() or {}
        presence = donnees.get("presence") or 0
        absence = donnees.get("minutes_absence") or 0
        donnees["presence"], donnees["minutes_absence"] = presence, absence
        if absence and not donnees.get("absence"):
            self.add_error("absence", "Indiquez le motif de l'absence.")
        if presence + absence > 24 * 60:
            self.add_error("minutes_absence", "Une journée ne peut pas dépasser 24 heures.")
        return donnees


JourFormSet = formset_factory(JourForm, extra=0)


class RuptureForm(DsfrForm):
    """What "Mettre fin au stage" asks besides its reason."""

    dernier_jour = _date("Dernier jour de stage")
    initiative = forms.ChoiceField(label="À l'initiative de", choices=INITIATIVES)


# What a convention does without a default text for the clauses it can derive.
_AIDE_DEFAUT = {
    "formation": (
        "Sans texte par défaut, une convention reprend l'intitulé de la formation de "
        "l'étudiant et son volume horaire annuel, s'il est renseigné."
    ),
    "encadrants": (
        "Sans texte par défaut, une convention reprend les noms du référent et du tuteur, "
        "s'ils sont tous deux désignés."
    ),
}


class TextesParDefautForm(DsfrForm):
    """The default texts of the D124-4 clauses, for the section or for one cohort (where a
    blank field means: the section's text)."""

    def __init__(
        self,
        *args: Any,
        section: dict[str, str] | None = None,
        le: date | None = None,
        **kwargs: Any,
    ) -> None:
        """`section`: the section's texts, when the form is a cohort's (shown as what a
        blank field gives)."""
        super().__init__(*args, **kwargs)
        cadre = cadre_ou_aucun(le) if le is not None else None
        for contenu in CLAUSES:
            aide = _AIDE_DEFAUT.get(contenu.code) or aide_clause(contenu.code, cadre)
            if section is not None:
                aide = " ".join(
                    t
                    for t in (
                        "Vide : le texte de la section"
                        + (", qui n'en a pas." if contenu.code not in section else "."),
                        aide,
                    )
                    if t
                )
            champ = champ_clause(contenu, cadre, help_text=aide, max_length=5000)
            champ.widget.attrs["rows"] = 3
            self.fields[contenu.code] = champ

    def textes(self) -> dict[str, str]:
        return {code: (texte or "").strip() for code, texte in self.cleaned_data.items()}
