"""Programme progress of one student: stage days per year of study against the NDRC target.

The school expects `reglages.ndrc_jours_par_annee` days (40) in each of the
`reglages.ndrc_annees` years of study (2), i.e. 80 days in all (referentiel §3; the split is
a setting, R-NDRC in regles-stage.md §6). A day is 7 h of counted time, consecutive or not
(D124-6): presence plus the L124-13 leaves that count in the durations.

Year of study n is the (n-1)-th school year after the one the training starts in
(`Etudiant.debut_formation`); school years run from `reglages.annee_scolaire_debut` (1 Sept).
Without a start of training, the school year of the student's first stage day is taken as
year 1: right for a student whose first stage is in year 1, one year off for a student whose
file was created in year 2 (the progress then shows the year-2 days under year 1), hence the
flag `origine_deduite`, shown to the user.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from regles import format as fr
from regles.constats import Constat, constat
from regles.modele import Etudiant, Minutes
from regles.parametres import Parametres
from regles.presence import Jour, Seuils, annee_scolaire, debut_annee_scolaire, en_jours


@dataclass(frozen=True, slots=True)
class AnneeEtude:
    """One year of study: days done (from the host's log) and planned (log + schedule)."""

    annee: int  # 1, 2
    annee_scolaire: int  # named by the calendar year it starts in: 2025 = 2025-2026
    minutes_realisees: Minutes
    minutes_prevues: Minutes  # done + still planned
    minutes_manquantes: Minutes  # still to plan to reach the target, 0 once reached
    realises: Decimal  # days of 7 h, to the hundredth
    prevus: Decimal
    manque: Decimal
    objectif: int  # days

    @property
    def libelle(self) -> str:
        rang = "1re" if self.annee == 1 else f"{self.annee}e"
        return f"{rang} année ({self.annee_scolaire}-{self.annee_scolaire + 1})"

    def en_dict(self) -> dict[str, object]:
        return {
            "annee": self.annee,
            "annee_scolaire": self.annee_scolaire,
            "libelle": self.libelle,
            "minutes_realisees": self.minutes_realisees,
            "minutes_prevues": self.minutes_prevues,
            "minutes_manquantes": self.minutes_manquantes,
            "jours_realises": str(self.realises),
            "jours_prevus": str(self.prevus),
            "objectif_jours": self.objectif,
            "jours_manquants": str(self.manque),
        }


@dataclass(frozen=True, slots=True)
class Progression:
    etudiant: str
    annee_scolaire_1: int | None  # None: neither a start of training nor a stage day
    origine_deduite: bool  # True: year 1 taken from the first stage day
    annees: tuple[AnneeEtude, ...]  # years 1 to `reglages.ndrc_annees`
    realises: Decimal  # days over the years of study
    prevus: Decimal
    manque: Decimal
    objectif: int  # target per year × number of years
    # Days outside the years of study (before year 1, after the last year): shown, not
    # counted towards the target.
    hors_formation: Decimal

    def en_dict(self) -> dict[str, object]:
        return {
            "etudiant": self.etudiant,
            "annee_scolaire_1": self.annee_scolaire_1,
            "origine_deduite": self.origine_deduite,
            "annees": [a.en_dict() for a in self.annees],
            "jours_realises": str(self.realises),
            "jours_prevus": str(self.prevus),
            "objectif_jours": self.objectif,
            "jours_manquants": str(self.manque),
            "jours_hors_formation": str(self.hors_formation),
        }


def progression_vide(etudiant: Etudiant) -> Progression:
    """No year of study to show: neither a start of training nor a stage day, or the
    settings of the programme not in force then."""
    return Progression(
        etudiant=etudiant.id,
        annee_scolaire_1=None,
        origine_deduite=etudiant.debut_formation is None,
        annees=(),
        realises=Decimal(0),
        prevus=Decimal(0),
        manque=Decimal(0),
        objectif=0,
        hors_formation=Decimal(0),
    )


def progression(etudiant: Etudiant, jours: Sequence[Jour], *, p: Parametres) -> Progression:
    """Days done and planned per year of study of `etudiant`.

    `jours` are all the student's counted days, every convention together
    (`Jour.reel`: from the log, else planned). Parameters are read on the start of training,
    or on the first stage day when it is unknown.
    """
    origine: date | None = etudiant.debut_formation
    if origine is None and jours:
        origine = min(j.jour for j in jours)
    if origine is None:
        return progression_vide(etudiant)
    debut_mm_jj = p.texte("reglages.annee_scolaire_debut", origine)
    par_annee = p.entier("reglages.ndrc_jours_par_annee", origine)
    nombre_annees = p.entier("reglages.ndrc_annees", origine)
    seuils = Seuils.au(p, origine)
    premiere = annee_scolaire(origine, debut_mm_jj=debut_mm_jj)

    realisees = [0] * nombre_annees
    prevues = [0] * nombre_annees
    # One pass, in any order: each day finds its year of study by binary search among the
    # years' first days (a handful), rather than sorting the days and slicing them.
    rentrees = [
        debut_annee_scolaire(premiere + rang, debut_mm_jj=debut_mm_jj)
        for rang in range(nombre_annees + 1)
    ]
    premier_jour, apres_dernier = rentrees[0], rentrees[-1]
    chercher = bisect.bisect_right
    total = 0
    for jour, presence, assimile, reel in jours:
        minutes = presence + assimile
        total += minutes
        if premier_jour <= jour < apres_dernier:
            rang = chercher(rentrees, jour) - 1
            prevues[rang] += minutes
            if reel:
                realisees[rang] += minutes
    hors = total - sum(prevues)

    objectif_minutes = par_annee * seuils.minutes_par_jour
    annees = tuple(
        AnneeEtude(
            annee=rang + 1,
            annee_scolaire=premiere + rang,
            minutes_realisees=realisees[rang],
            minutes_prevues=prevues[rang],
            minutes_manquantes=max(objectif_minutes - prevues[rang], 0),
            realises=en_jours(realisees[rang], seuils),
            prevus=en_jours(prevues[rang], seuils),
            manque=en_jours(max(objectif_minutes - prevues[rang], 0), seuils),
            objectif=par_annee,
        )
        for rang in range(nombre_annees)
    )
    return Progression(
        etudiant=etudiant.id,
        annee_scolaire_1=premiere,
        origine_deduite=etudiant.debut_formation is None,
        annees=annees,
        realises=en_jours(sum(realisees), seuils),
        prevus=en_jours(sum(prevues), seuils),
        manque=en_jours(max(objectif_minutes * nombre_annees - sum(prevues), 0), seuils),
        objectif=par_annee * nombre_annees,
        hors_formation=en_jours(hors, seuils),
    )


def _jours(valeur: Decimal) -> str:
    """17 jours, 17,5 jours, 0,02 jour: days with no useless decimals."""
    texte = fr.nombre(valeur).rstrip("0").rstrip(",")
    return f"{texte} jour{'s' if valeur >= 2 else ''}"


def _releves(realises: Decimal) -> str:
    if realises == 0:
        return ""
    return f", dont {_jours(realises)} relevé{'s' if realises >= 2 else ''}"


def constats_programme(suivi: Progression) -> list[Constat]:
    """PROGRAMME_INSUFFISANT for each year of study that has stage days but whose planned
    days fall short of the target (a year without any stage yet is not judged)."""
    constats = []
    for a in suivi.annees:
        if a.minutes_prevues == 0 or a.minutes_manquantes == 0:
            continue
        constats.append(
            constat(
                "PROGRAMME_INSUFFISANT",
                f"En {a.libelle}, {_jours(a.prevus)} de stage sont faits ou prévus "
                f"({fr.heures(a.minutes_prevues)}{_releves(a.realises)}) pour un objectif de "
                f"{a.objectif} jours : il manque {_jours(a.manque)} "
                f"({fr.heures(a.minutes_manquantes)}).",
                annee=a.annee,
                annee_scolaire=a.annee_scolaire,
                jours_prevus=str(a.prevus),
                jours_realises=str(a.realises),
                objectif_jours=a.objectif,
                jours_manquants=str(a.manque),
                minutes_manquantes=a.minutes_manquantes,
                origine_deduite=suivi.origine_deduite,
            )
        )
    return constats


def verifier_programme(
    etudiant: Etudiant, jours: Sequence[Jour], *, p: Parametres
) -> list[Constat]:
    """The findings of `progression` (use `constats_programme` when it is already computed)."""
    return constats_programme(progression(etudiant, jours, p=p))
