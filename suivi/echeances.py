"""Which contacts a convention promises, and which are late on a day the caller gives.

The section's choice (regles/parametres/reglages/suivi_*.yaml, dated; the law only says
« à plusieurs reprises », L124-2 3°): `contacts_par_periode` contacts with the host during each
period, the first one due `delai_jours` days after the period starts (by its last day if it is
shorter), and `visites_par_stage` visits before the last period ends. A period not yet started
owes nothing; a contact counts for a period when it is dated within it. Pure computation on
plain values, so that a table of cases tests it; the selector reads the database."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from regles.parametres import parametres


@dataclass(frozen=True)
class Promesse:
    """The section's choice in force on a day (the stage's first day)."""

    contacts_par_periode: int
    delai_jours: int
    visites_par_stage: int


def promesse(le: date) -> Promesse:
    p = parametres()
    return Promesse(
        contacts_par_periode=p.entier("reglages.suivi_contacts_par_periode", le),
        delai_jours=p.entier("reglages.suivi_contact_delai_jours", le),
        visites_par_stage=p.entier("reglages.suivi_visites_par_stage", le),
    )


class Etat(Enum):
    FAIT = "fait"
    A_VENIR = "a_venir"
    EN_RETARD = "en_retard"


@dataclass(frozen=True)
class Echeance:
    libelle: str
    due_le: date
    attendus: int
    faits: int
    etat: Etat

    @property
    def en_retard(self) -> bool:
        return self.etat is Etat.EN_RETARD


def _etat(faits: int, attendus: int, due_le: date, aujourdhui: date) -> Etat:
    if faits >= attendus:
        return Etat.FAIT
    return Etat.EN_RETARD if aujourdhui > due_le else Etat.A_VENIR


def echeances(
    *,
    periodes: Sequence[tuple[date, date]],
    contacts: Sequence[tuple[date, bool]],
    promesse: Promesse,
    aujourdhui: date,
) -> list[Echeance]:
    """The promised contacts of a stage: one line per started period, one for the visits.
    `contacts` are (date, is a visit) pairs."""
    lignes: list[Echeance] = []
    periodes = sorted(periodes)
    plusieurs = len(periodes) > 1
    if promesse.contacts_par_periode > 0:
        for n, (debut, fin) in enumerate(periodes, start=1):
            if debut > aujourdhui:
                continue
            due = min(debut + timedelta(days=promesse.delai_jours), fin)
            faits = sum(1 for jour, _ in contacts if debut <= jour <= fin)
            quoi = (
                f"période {n}, du {debut:%d/%m/%Y} au {fin:%d/%m/%Y}"
                if plusieurs
                else (f"du {debut:%d/%m/%Y} au {fin:%d/%m/%Y}")
            )
            lignes.append(
                Echeance(
                    libelle=f"Contact avec le tuteur ({quoi})",
                    due_le=due,
                    attendus=promesse.contacts_par_periode,
                    faits=faits,
                    etat=_etat(faits, promesse.contacts_par_periode, due, aujourdhui),
                )
            )
    if promesse.visites_par_stage > 0 and periodes:
        due = periodes[-1][1]
        faites = sum(1 for _, visite in contacts if visite)
        lignes.append(
            Echeance(
                libelle="Visite sur le lieu du stage",
                due_le=due,
                attendus=promesse.visites_par_stage,
                faits=faites,
                etat=_etat(faites, promesse.visites_par_stage, due, aujourdhui),
            )
        )
    return lignes
