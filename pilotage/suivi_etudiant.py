"""A student's follow-up for their page: conventions, days per year against the target,
gratification per host and school year, and the findings, from one evaluation of the
student's conventions in force (with those of the same hosts, for the quotas)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from conventions.models import Convention
from conventions.moteur import avec_details
from conventions.workflow import EN_VIGUEUR
from etablissement.models import Etudiant
from etablissement.selectors import etudiant_pour_regles
from organismes.models import OrganismeAccueil
from pilotage.evaluation import evaluer_conventions, voisines
from pilotage.liens import url_convention
from regles.constats import Constat
from regles.evaluation import Cumul
from regles.mineurs import majeur_le
from regles.parametres import parametres
from regles.programme import AnneeEtude, Progression, progression


@dataclass
class Majorite:
    mineur: bool  # on the day the page is shown
    le: date  # the first day the student is of age

    @property
    def mineur_jusquau(self) -> date:
        return self.le - timedelta(days=1)


@dataclass
class LigneConvention:
    convention: Convention
    url: str | None  # its own page, once the conventions screens have one
    en_vigueur: bool


@dataclass
class Gratification:
    """The hours of one host in one school year (all conventions together) and what follows."""

    cumul: Cumul
    organisme: OrganismeAccueil | None

    @property
    def annee_texte(self) -> str:
        return f"{self.cumul.annee_scolaire}-{self.cumul.annee_scolaire + 1}"


@dataclass
class ConstatsDeConvention:
    convention: Convention
    constats: list[Constat]
    acquittes: set[str]


@dataclass
class LigneAnnee:
    annee: AnneeEtude
    objectif: int  # the cohort's target, which the engine's setting defaults

    @property
    def manque(self) -> Decimal:
        return max(Decimal(self.objectif) - self.annee.prevus, Decimal(0))


@dataclass
class SuiviEtudiant:
    majorite: Majorite
    conventions: list[LigneConvention]
    programme: Progression
    annees: list[LigneAnnee]
    gratifications: list[Gratification]
    constats_conventions: list[ConstatsDeConvention]
    constats_etudiant: list[Constat]

    @property
    def nombre_constats(self) -> int:
        return len(self.constats_etudiant) + sum(len(c.constats) for c in self.constats_conventions)


def majorite(etudiant: Etudiant, *, le: date) -> Majorite:
    majeur = majeur_le(etudiant.date_naissance, parametres(), le=le)
    return Majorite(mineur=le < majeur, le=majeur)


def suivi_etudiant(etudiant: Etudiant, *, le: date) -> SuiviEtudiant:
    """Everything the student's page shows beyond the record, as of `le` (for "minor")."""
    conventions = list(
        avec_details(etudiant.conventions.all())
        .prefetch_related("acquittements")
        .order_by("-cree_le")
    )
    en_vigueur = [c for c in conventions if c.statut in EN_VIGUEUR]
    evaluation = evaluer_conventions(en_vigueur, voisines(en_vigueur))
    cle = str(etudiant.pk)
    resultat = evaluation.etudiants.get(cle)
    programme = (
        resultat.progression
        if resultat is not None
        else progression(etudiant_pour_regles(etudiant), [], p=parametres())
    )
    organismes = {
        c.etablissement_accueil.organisme.siren: c.etablissement_accueil.organisme
        for c in conventions
    }
    constats_conventions = []
    for c in en_vigueur:
        resultat_c = evaluation.conventions.get(str(c.pk))
        if resultat_c is not None and resultat_c.constats:
            constats_conventions.append(
                ConstatsDeConvention(
                    c, resultat_c.constats, {a.code for a in c.acquittements.all()}
                )
            )
    return SuiviEtudiant(
        majorite=majorite(etudiant, le=le),
        conventions=[
            LigneConvention(c, url_convention(c.pk), c.statut in EN_VIGUEUR) for c in conventions
        ],
        programme=programme,
        annees=[
            LigneAnnee(a, etudiant.promotion.objectif_jours_par_annee) for a in programme.annees
        ],
        gratifications=[
            Gratification(cumul, organismes.get(cumul.siren))
            for cumul in evaluation.cumuls
            if cumul.etudiant == cle
        ],
        constats_conventions=constats_conventions,
        constats_etudiant=list(resultat.constats) if resultat is not None else [],
    )
