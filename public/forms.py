"""The simulator's form: what a company knows before it hosts an intern.

Sent by GET, so that a link carries the whole simulation; every message is French and says
what to type (JJ/MM/AAAA, 7 or 7:30, 5,20).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from django import forms

from public.champs import DateFrField, DureeField, MontantField
from regles.bornes import EFFECTIF_MAX
from regles.modele import SEMAINE, Methode, ModeGratification

# A simulation spans one stage and the host's year around it; longer inputs are typing
# mistakes (2062 for 2026) that would only make the server count thousands of days.
DUREE_MAXIMALE = timedelta(days=366)

JOURS = {
    "lundi": "Lundi",
    "mardi": "Mardi",
    "mercredi": "Mercredi",
    "jeudi": "Jeudi",
    "vendredi": "Vendredi",
    "samedi": "Samedi",
    "dimanche": "Dimanche",
}
HORAIRE_HABITUEL = {"lundi": "7", "mardi": "7", "mercredi": "7", "jeudi": "7", "vendredi": "7"}

GRATIFICATIONS = [(m.value, m.libelle) for m in ModeGratification]
METHODES = [
    (Methode.REELLE.value, "Selon les heures réelles de chaque mois"),
    (Methode.LISSEE.value, "Lissée : le même montant chaque mois"),
]


class SimulationForm(forms.Form):
    # Rendered field by field by public/templates/public/simulateur/ (champ.html, choix.html),
    # in the DSFR markup: django-dsfr's renderer builds a template engine per form and its
    # field templates cost a millisecond each, when the page must answer within 50 ms.
    periodes = forms.MultipleChoiceField(
        label="Périodes du calendrier de la section",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Cochez une ou plusieurs périodes, ou saisissez vos dates ci-dessous.",
    )
    debut = DateFrField(label="Premier jour", required=False, help_text="Format JJ/MM/AAAA.")
    fin = DateFrField(label="Dernier jour", required=False, help_text="Format JJ/MM/AAAA.")
    lundi = DureeField(label="Lundi", required=False)
    mardi = DureeField(label="Mardi", required=False)
    mercredi = DureeField(label="Mercredi", required=False)
    jeudi = DureeField(label="Jeudi", required=False)
    vendredi = DureeField(label="Vendredi", required=False)
    samedi = DureeField(label="Samedi", required=False)
    dimanche = DureeField(label="Dimanche", required=False)
    effectif = forms.IntegerField(
        label="Effectif de l'entreprise",
        required=False,
        min_value=0,
        max_value=EFFECTIF_MAX,
        help_text="Personnes employées (toute l'entreprise, stagiaires non compris). "
        "Vide : le quota le plus bas est retenu.",
        error_messages={"invalid": "Saisissez un nombre entier de personnes."},
    )
    autres_stagiaires = forms.IntegerField(
        label="Autres stagiaires accueillis en même temps",
        required=False,
        min_value=0,
        max_value=EFFECTIF_MAX,
        help_text="Stagiaires d'autres écoles présents chaque semaine du stage.",
        error_messages={"invalid": "Saisissez un nombre entier de stagiaires."},
    )
    gratification = forms.ChoiceField(
        label="Gratification envisagée",
        choices=GRATIFICATIONS,
        initial=ModeGratification.AUCUNE.value,
        required=False,
        widget=forms.RadioSelect,
    )
    montant = MontantField(
        label="Montant en euros",
        required=False,
        help_text="Par heure ou par mois selon votre choix, par exemple 5,20 ou 700.",
    )
    methode = forms.ChoiceField(
        label="Versement",
        choices=METHODES,
        initial=Methode.REELLE.value,
        required=False,
        widget=forms.RadioSelect,
    )
    anterieur_debut = DateFrField(
        label="Premier jour du stage précédent",
        required=False,
        help_text="Du même étudiant, chez vous, cette année scolaire. Format JJ/MM/AAAA.",
    )
    anterieur_fin = DateFrField(
        label="Dernier jour du stage précédent", required=False, help_text="Format JJ/MM/AAAA."
    )

    def __init__(
        self,
        *args: Any,
        periodes_calendrier: Sequence[tuple[int, str, date, date]] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.calendrier = {str(pk): (debut, fin) for pk, _, debut, fin in periodes_calendrier}
        choix = self.fields["periodes"]
        assert isinstance(choix, forms.MultipleChoiceField)
        choix.choices = [(str(pk), libelle) for pk, libelle, _, _ in periodes_calendrier]
        if not self.calendrier:
            del self.fields["periodes"]
        for jour in SEMAINE:
            self.fields[jour].initial = HORAIRE_HABITUEL.get(jour, "")

    @property
    def champs_horaire(self) -> list[forms.BoundField]:
        return [self[jour] for jour in SEMAINE]

    def clean(self) -> dict[str, Any]:
        donnees = super().clean() or {}
        intervalles = [self.calendrier[pk] for pk in donnees.get("periodes") or ()]
        saisi = self._intervalle(donnees, "debut", "fin")
        if saisi:
            intervalles.append(saisi)
        if not intervalles and not self.errors:
            raise forms.ValidationError(
                "Indiquez le stage : cochez une période du calendrier ou saisissez ses dates."
            )
        donnees["intervalles"] = sorted(intervalles)
        if (
            intervalles
            and max(f for _, f in intervalles) - min(d for d, _ in intervalles) > DUREE_MAXIMALE
        ):
            raise forms.ValidationError("Le stage simulé tient sur une année au plus.")
        anterieur = self._intervalle(donnees, "anterieur_debut", "anterieur_fin")
        premier_jour = min(d for d, _ in intervalles) if intervalles else None
        if anterieur and premier_jour and anterieur[1] >= premier_jour:
            self.add_error(
                "anterieur_fin", "Le stage précédent doit finir avant le début du stage simulé."
            )
            anterieur = None
        elif anterieur and premier_jour and premier_jour - anterieur[0] > DUREE_MAXIMALE:
            # Hours add up within one school year (R-PRES-3): an older stage does not count,
            # and a stage of 1900 would only make the server count a century of days.
            self.add_error(
                "anterieur_debut",
                "Le stage précédent compte s'il a commencé moins d'un an avant le stage simulé.",
            )
            anterieur = None
        donnees["anterieur"] = anterieur
        horaire = tuple(donnees.get(jour) or 0 for jour in SEMAINE)
        if not any(horaire) and not any(self.has_error(jour) for jour in SEMAINE):
            self.add_error("lundi", "Indiquez les heures de présence d'au moins un jour.")
        donnees["horaire"] = horaire
        mode = donnees.get("gratification") or ModeGratification.AUCUNE.value
        donnees["gratification"] = mode
        donnees["methode"] = donnees.get("methode") or Methode.REELLE.value
        montant_requis = ModeGratification.demande_un_montant(mode)
        if montant_requis and not donnees.get("montant") and not self.has_error("montant"):
            self.add_error("montant", "Indiquez le montant de la gratification envisagée.")
        return donnees

    def _intervalle(
        self, donnees: dict[str, Any], debut_champ: str, fin_champ: str
    ) -> tuple[date, date] | None:
        debut, fin = donnees.get(debut_champ), donnees.get(fin_champ)
        if debut and fin:
            if fin < debut:
                self.add_error(fin_champ, "Le dernier jour précède le premier.")
                return None
            if fin - debut > DUREE_MAXIMALE:
                self.add_error(fin_champ, "Une période tient sur une année au plus.")
                return None
            return debut, fin
        if debut and not fin and not self.has_error(fin_champ):
            self.add_error(fin_champ, "Indiquez aussi le dernier jour.")
        if fin and not debut and not self.has_error(debut_champ):
            self.add_error(debut_champ, "Indiquez aussi le premier jour.")
        return None
