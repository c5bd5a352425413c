"""The legal figures in force on a day, as the pages tell them: every figure a user reads
(quota, rate, thresholds, day and month of stage…) comes from the dated parameters on a day
the view chooses (the stage's first day, today…), never written in a template or a sentence."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from regles.gratification import plafond_horaire, taux_horaire_minimal, taux_minimal
from regles.parametres import ParametreNonEnVigueur, Parametres, Reference, parametres
from regles.presence import Seuils


def heure_suivante(minutes: int) -> int:
    """The hour of presence that starts past `minutes`: past 308 h, the 309th."""
    return minutes // 60 + 1


@dataclass(frozen=True)
class Cadre:
    le: date
    taux_horaire: Decimal  # minimum gratification per hour
    taux_minimal: Decimal  # share of the PHSS, 0.15
    plafond_horaire: Decimal
    heures_par_jour: int
    jours_par_mois: int
    seuil_minutes: int  # strictly more makes gratification mandatory
    maximum_minutes: int  # six months per host and school year
    seuil_mois: int
    maximum_mois: int
    quota_petit: int
    seuil_effectif: int
    taux_effectif: Decimal
    stagiaires_par_tuteur: int
    jours_par_annee: int  # NDRC stage days per year of study
    annees: int
    repos_ete_jours: int
    references_taux: tuple[Reference, ...]
    references_plafond: tuple[Reference, ...]

    @property
    def taux_pourcent(self) -> Decimal:
        return self.taux_minimal * 100

    @property
    def taux_effectif_pourcent(self) -> Decimal:
        return self.taux_effectif * 100

    @property
    def jours_total(self) -> int:
        return self.jours_par_annee * self.annees

    @property
    def heures_par_jour_minutes(self) -> int:
        return self.heures_par_jour * 60

    @property
    def heure_obligatoire(self) -> int:
        """The first hour of presence that makes gratification mandatory: the 309th."""
        return heure_suivante(self.seuil_minutes)

    @property
    def seuil_jours(self) -> int:
        return self.seuil_minutes // (self.heures_par_jour * 60)

    @property
    def jour_de_stage_minimum(self) -> Decimal:
        """The minimum gratification of one day of stage (7 h)."""
        return self.taux_horaire * self.heures_par_jour


def cadre_au(le: date, p: Parametres | None = None) -> Cadre:
    p = p or parametres()
    seuils = Seuils.au(p, le)
    return Cadre(
        le=le,
        taux_horaire=taux_horaire_minimal(signature=le, mois=le, p=p),
        taux_minimal=taux_minimal(le, p),
        plafond_horaire=plafond_horaire(le, p),
        heures_par_jour=p.entier("presence.heures_par_jour", le),
        jours_par_mois=p.entier("presence.jours_par_mois", le),
        seuil_minutes=seuils.gratification,
        maximum_minutes=seuils.maximum,
        seuil_mois=p.entier("gratification.seuil_mois", le),
        maximum_mois=p.entier("stage.duree_maximale_mois", le),
        quota_petit=p.entier("quota.plafond_petit_organisme", le),
        seuil_effectif=p.entier("quota.seuil_effectif", le),
        taux_effectif=p.decimal("quota.taux_effectif", le),
        stagiaires_par_tuteur=p.entier("quota.stagiaires_par_tuteur", le),
        jours_par_annee=p.entier("reglages.ndrc_jours_par_annee", le),
        annees=p.entier("reglages.ndrc_annees", le),
        repos_ete_jours=p.entier("reglages.repos_ete_jours", le),
        references_taux=p["gratification.taux_minimal"].references_au(le),
        references_plafond=p["securite_sociale.plafond_horaire"].references_au(le),
    )


def cadre_ou_aucun(le: date, p: Parametres | None = None) -> Cadre | None:
    """The figures in force on `le`, or None before the law Stages knows (a stage of 1990):
    the page then says its sentence without the figure rather than failing."""
    try:
        return cadre_au(le, p)
    except ParametreNonEnVigueur:
        return None
