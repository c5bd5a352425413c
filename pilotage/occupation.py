"""A host's interns per civil week against its quota (L124-8, R124-10), for its page: this
school's conventions in force at the host and the interns it declared from other schools,
counted by the rules engine (`regles.quotas.OccupationOrganismes`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from conventions.models import Convention
from conventions.moteur import avec_details, journaux, tous_vers_regles
from organismes.models import OrganismeAccueil
from organismes.selectors import organisme_pour_regles
from pilotage.annees import annee_scolaire_du, bornes_annee_scolaire
from pilotage.evaluation import en_vigueur
from regles.parametres import parametres
from regles.quotas import OccupationOrganismes, Semaine


@dataclass
class Occupation:
    annee_scolaire: int
    annees: list[int]  # the school years with interns at the host, and the one shown
    semaines: list[Semaine]  # the weeks of `annee_scolaire` with this school's interns

    @property
    def depassees(self) -> list[Semaine]:
        return [s for s in self.semaines if s.depasse]


def occupation_organisme(
    organisme: OrganismeAccueil, *, annee: int | None, aujourdhui: date
) -> Occupation:
    """The weeks with interns at `organisme` in the school year starting in `annee` (None:
    the one of `aujourdhui`)."""
    conventions: list[Convention] = list(
        avec_details(
            en_vigueur(Convention.objects.filter(etablissement_accueil__organisme=organisme))
        )
    )
    avec_periodes = [c for c in conventions if c.periodes.all()]
    occupation = OccupationOrganismes(
        tous_vers_regles(avec_periodes, journaux(c.pk for c in avec_periodes)),
        {organisme.siren: organisme_pour_regles(organisme)},
        p=parametres(),
    )
    toutes = occupation.calendrier_organisme(organisme.siren)
    courante = annee_scolaire_du(aujourdhui)
    annees = sorted({annee_scolaire_du(s.lundi) for s in toutes} | {courante})
    choisie = annee if annee in annees else courante
    debut, fin = bornes_annee_scolaire(choisie)
    return Occupation(
        annee_scolaire=choisie,
        annees=annees,
        semaines=[s for s in toutes if debut <= s.lundi <= fin],
    )
