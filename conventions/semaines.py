"""A stage's presence log by civil week, with where each week stands: not recorded, typed by
the staff, typed from the tutor's signed paper sheet, confirmed by the tutor.

One reading for the tutor's space (the weeks to confirm) and the staff's page (the weeks not
confirmed, per convention and per cohort): the planned days are the engine's own schedule
(`regles.presence.jours_prevus`: public holidays and the host's closures out), the days
recorded come with their origin (`Pointage.origine`). Nothing here reads the clock: `le`
(today) is given."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import models

from conventions.models import ORIGINES_CONFIRMEES, OriginePointage
from regles import modele
from regles.calendrier import Calendrier


class EtatSemaine(models.TextChoices):
    A_RELEVER = "a_relever", "Non relevée"
    SAISIE = "saisie", "Saisie par la section, non confirmée par le tuteur"
    FEUILLE = "feuille", "Saisie d'après la feuille signée par le tuteur"
    CONFIRMEE = "confirmee", "Confirmée par le tuteur"


# The weeks still waiting for the host's word.
A_CONFIRMER = (EtatSemaine.A_RELEVER, EtatSemaine.SAISIE)


@dataclass(frozen=True)
class JourSemaine:
    jour: date
    prevu: int  # planned minutes
    raison: str  # why nothing is planned on a weekday: public holiday, closure
    releve: modele.Pointage | None
    origine: str  # an OriginePointage value; empty: not recorded

    @property
    def libelle_origine(self) -> str:
        return OriginePointage(self.origine).label if self.origine else "Non relevé"


@dataclass(frozen=True)
class Semaine:
    lundi: date
    jours: tuple[JourSemaine, ...]  # the stage days of the week, in order

    @property
    def dimanche(self) -> date:
        return self.lundi + timedelta(days=6)

    @property
    def prevus(self) -> int:
        return sum(1 for j in self.jours if j.prevu)

    @property
    def manquants(self) -> int:
        return sum(1 for j in self.jours if j.prevu and j.releve is None)

    @property
    def etat(self) -> EtatSemaine:
        if self.manquants:
            return EtatSemaine.A_RELEVER
        origines = {j.origine for j in self.jours if j.releve is not None}
        if origines <= {OriginePointage.TUTEUR}:
            return EtatSemaine.CONFIRMEE
        if origines <= set(ORIGINES_CONFIRMEES):
            return EtatSemaine.FEUILLE
        return EtatSemaine.SAISIE

    @property
    def a_confirmer(self) -> bool:
        return self.etat in A_CONFIRMER

    def terminee(self, le: date) -> bool:
        """Every day of the week planned or recorded is before `le`: the week is over, to be
        recorded (a weekend of the period does not hold it back)."""
        return max(j.jour for j in self.jours if j.prevu or j.releve is not None) < le


def lundi_de(jour: date) -> date:
    return jour - timedelta(days=jour.weekday())


def raison(jour: date, cal: Calendrier, fermetures: Iterable[modele.Periode]) -> str:
    if nom := cal.nom_ferie(jour):
        return f"férié ({nom})"
    if any(f.contient(jour) for f in fermetures):
        return "fermeture de l'organisme"
    return ""


def semaines(
    c: modele.Convention,
    *,
    prevus: Mapping[date, int],
    origines: Mapping[date, str],
    cal: Calendrier,
    fermetures: Iterable[modele.Periode] = (),
) -> list[Semaine]:
    """The civil weeks of `c` that have a planned or a recorded day, in date order.
    `prevus` is the engine's schedule (`jours_prevus`), `origines` the origin of each day
    recorded (the log itself is `c.pointages`)."""
    fermetures = list(fermetures)
    releves = {p.jour: p for p in c.pointages}
    par_semaine: dict[date, list[date]] = {}
    jour = c.debut
    while jour <= c.fin:
        if any(p.contient(jour) for p in c.periodes):
            par_semaine.setdefault(lundi_de(jour), []).append(jour)
        jour += timedelta(days=1)
    resultat = []
    for lundi, jours in sorted(par_semaine.items()):
        if not any(prevus.get(j) or j in releves for j in jours):
            continue
        resultat.append(
            Semaine(
                lundi,
                tuple(
                    JourSemaine(
                        j,
                        prevus.get(j, 0),
                        "" if prevus.get(j) else raison(j, cal, fermetures),
                        releves.get(j),
                        origines.get(j, "") if j in releves else "",
                    )
                    for j in jours
                ),
            )
        )
    return resultat
