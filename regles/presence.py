"""Presence: planned minutes per day from the schedule, actual minutes from the host's log.

R-PRES-1: the duration of a stage is its effective presence, counted in hours (7 h = 1 day,
154 h = 1 month, D124-6). R-PRES-3: hours add up per student, per host legal entity (SIREN)
and per school year, across every convention.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import cache, lru_cache
from operator import attrgetter
from typing import NamedTuple

from regles.calendrier import Calendrier
from regles.modele import Convention, Minutes, Periode
from regles.parametres import Parametres

UN_JOUR = timedelta(days=1)


class Jour(NamedTuple):
    """One day of counted time. A named tuple, not a dataclass: an audit builds millions of
    them, and tuples are several times cheaper to create, read and sort (by date first)."""

    jour: date
    presence: Minutes  # effective presence: counted and gratified
    assimile: Minutes = 0  # L124-13 leave: counted in the durations, not gratified
    reel: bool = False  # True: read from the log; False: planned by the schedule

    @property
    def compte(self) -> Minutes:
        return self.presence + self.assimile


class Totaux(NamedTuple):
    presence: Minutes
    compte: Minutes
    tout_reel: bool  # every day comes from the host's log
    par_mois: dict[date, tuple[Minutes, Minutes]]  # first of month → (presence, counted)


class Journal(list[Jour]):
    """The days of one convention, in date order, with their totals worked out once: the
    schedule, the attestation and the checks all need them."""

    __slots__ = ("_totaux",)

    @property
    def totaux(self) -> Totaux:
        try:
            return self._totaux
        except AttributeError:
            self._totaux: Totaux = _calculer(self)
            return self._totaux


def totaliser(jours: Sequence[Jour]) -> Totaux:
    """Totals of the days, whether all are logged, and the totals per month (once for a
    Journal)."""
    return jours.totaux if isinstance(jours, Journal) else _calculer(jours)


def _calculer(jours: Sequence[Jour]) -> Totaux:
    # Days come in runs of the same month (in date order, usually): add a run up in local
    # variables and file it when the month changes, rather than a dictionary lookup a day.
    tout_reel = True
    mois: dict[int, list[Minutes]] = {}  # year × 12 + month − 1 → [presence, counted]
    cle = -1
    p_mois = c_mois = 0
    for jour, p, a, reel in jours:
        if not reel:
            tout_reel = False
        courant = jour.year * 12 + jour.month - 1
        if courant != cle:
            if cle >= 0:
                _ajouter(mois, cle, p_mois, c_mois)
            cle, p_mois, c_mois = courant, 0, 0
        p_mois += p
        c_mois += p + a
    if cle >= 0:
        _ajouter(mois, cle, p_mois, c_mois)
    par_mois = {date(k // 12, k % 12 + 1, 1): (v[0], v[1]) for k, v in sorted(mois.items())}
    presence = sum(v[0] for v in mois.values())
    compte = sum(v[1] for v in mois.values())
    return Totaux(presence, compte, tout_reel, par_mois)


def _ajouter(mois: dict[int, list[Minutes]], cle: int, presence: Minutes, compte: Minutes) -> None:
    cumul = mois.get(cle)
    if cumul is None:
        mois[cle] = [presence, compte]
    else:
        cumul[0] += presence
        cumul[1] += compte


def _jours(periode: Periode, fin: date) -> Iterator[date]:
    jour, dernier = periode.debut, min(periode.fin, fin)
    while jour <= dernier:
        yield jour
        jour += UN_JOUR


def jours_prevus(
    convention: Convention,
    *,
    calendrier: Calendrier,
    fermetures: Iterable[Periode] = (),
    apres: date | None = None,
) -> dict[date, Minutes]:
    """Planned minutes per day: the weekly schedule over the periods, public holidays and
    host closures out (unless the convention plans work on public holidays), exceptions in;
    only the days after `apres` when it is given.
    """
    fin = convention.fin  # an early end (rupture) cuts the schedule
    fermes = [f for f in fermetures]
    horaire = convention.horaire
    exceptions = convention.exceptions
    prevus: dict[date, Minutes] = {}
    feries_par_annee: dict[int, dict[date, str]] = {}
    for periode in convention.periodes:
        if apres is not None:
            if periode.fin <= apres:
                continue
            periode = Periode(max(periode.debut, apres + UN_JOUR), periode.fin)
        for jour in _jours(periode, fin):
            if jour in exceptions:
                minutes = exceptions[jour]
            else:
                minutes = horaire[jour.weekday()]
                if minutes and not convention.travail_feries:
                    feries = feries_par_annee.get(jour.year)
                    if feries is None:
                        feries = feries_par_annee[jour.year] = calendrier.feries(jour.year)
                    if jour in feries:
                        minutes = 0
                if minutes and fermes and any(f.contient(jour) for f in fermes):
                    minutes = 0
            if minutes:
                prevus[jour] = minutes
    return prevus


def journal(
    convention: Convention, *, calendrier: Calendrier, fermetures: Iterable[Periode] = ()
) -> Journal:
    """Every day with counted time, in date order.

    The host's log (L124-14) is the record: up to its last day, a day is what the log says,
    and a planned day it does not mention had no presence. After its last day, the schedule
    stands in for what is still to come.
    """
    # Days are built with tuple.__new__ (all four fields given): the named tuple's own
    # constructor is a Python function, and an audit builds half a million days.
    nouveau = tuple.__new__
    if not convention.pointages:
        prevus = jours_prevus(convention, calendrier=calendrier, fermetures=fermetures)
        return Journal(
            nouveau(Jour, (jour, minutes, 0, False)) for jour, minutes in sorted(prevus.items())
        )
    releves = sorted(convention.pointages, key=_jour_du_pointage)
    jours = Journal()
    ajouter = jours.append
    for p in releves:
        absence, presence = p.absence, p.presence
        assimile = p.absence_minutes if absence is not None and absence.compte_dans_duree else 0
        if presence or assimile:
            ajouter(nouveau(Jour, (p.jour, presence, assimile, True)))
    dernier = releves[-1].jour
    if dernier < convention.fin:
        prevus = jours_prevus(
            convention, calendrier=calendrier, fermetures=fermetures, apres=dernier
        )
        jours.extend(
            nouveau(Jour, (jour, minutes, 0, False)) for jour, minutes in sorted(prevus.items())
        )
    return jours


_jour_du_pointage = attrgetter("jour")


@cache
def _mois_quantieme(debut_mm_jj: str) -> tuple[int, int]:
    """The month and day of a setting such as "09-01", read once however many days ask."""
    mois, quantieme = (int(x) for x in debut_mm_jj.split("-"))
    return mois, quantieme


def annee_scolaire(jour: date, *, debut_mm_jj: str) -> int:
    """The school year a day belongs to, named by the calendar year it starts in."""
    mois, quantieme = _mois_quantieme(debut_mm_jj)
    return jour.year if (jour.month, jour.day) >= (mois, quantieme) else jour.year - 1


def annee_scolaire_du(jour: date, p: Parametres) -> int:
    """The school year `jour` belongs to, where the setting in force that day starts it."""
    return annee_scolaire(jour, debut_mm_jj=p.texte("reglages.annee_scolaire_debut", jour))


@cache
def debut_annee_scolaire(annee: int, *, debut_mm_jj: str) -> date:
    return date(annee, *_mois_quantieme(debut_mm_jj))


def rentree(annee: int, p: Parametres) -> date:
    """The first day of school year `annee`, where the setting in force at the end of that
    calendar year starts it: a change of the setting that takes effect during that summer
    is then seen. The start of training of a cohort that starts in `annee`."""
    debut_mm_jj = p.texte("reglages.annee_scolaire_debut", date(annee, 12, 31))
    return debut_annee_scolaire(annee, debut_mm_jj=debut_mm_jj)


def bornes_annee_scolaire(annee: int, p: Parametres) -> tuple[date, date]:
    """The first and last day of school year `annee` (the eve of the next one's start)."""
    return rentree(annee, p), rentree(annee + 1, p) - timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Seuils:
    """Hour thresholds in minutes, derived from the dated parameters in force on a day."""

    minutes_par_jour: Minutes
    minutes_par_mois: Minutes
    gratification: Minutes  # strictly more than this makes gratification mandatory
    maximum: Minutes  # six months per host and school year

    @classmethod
    def au(cls, p: Parametres, le: date) -> Seuils:
        seuils = p.memo.get(("seuils", le))
        if not isinstance(seuils, Seuils):
            seuils = p.memo[("seuils", le)] = cls._au(p, le)
        return seuils

    @classmethod
    def _au(cls, p: Parametres, le: date) -> Seuils:
        par_jour = p.entier("presence.heures_par_jour", le) * 60
        par_mois = par_jour * p.entier("presence.jours_par_mois", le)
        return cls(
            minutes_par_jour=par_jour,
            minutes_par_mois=par_mois,
            gratification=par_mois * p.entier("gratification.seuil_mois", le),
            maximum=par_mois * p.entier("stage.duree_maximale_mois", le),
        )


@lru_cache(maxsize=65_536)  # durations repeat: whole days, whole weeks
def _quotient(minutes: Minutes, diviseur: Minutes) -> Decimal:
    return (Decimal(minutes) / Decimal(diviseur)).quantize(Decimal("0.01"), ROUND_HALF_UP)


def en_jours(minutes: Minutes, seuils: Seuils) -> Decimal:
    """Days of stage: every 7 hours of presence, consecutive or not (D124-6)."""
    return _quotient(minutes, seuils.minutes_par_jour)


def en_mois(minutes: Minutes, seuils: Seuils) -> Decimal:
    """Months of stage: every 22 days of presence (D124-6)."""
    return _quotient(minutes, seuils.minutes_par_mois)


def jour_franchissement(jours: Sequence[Jour], seuil: Minutes) -> date | None:
    """The day the counted time first goes strictly beyond `seuil` (the "309th hour")."""
    cumul = 0
    for jour, presence, assimile, _ in jours:  # unpacked: no `compte` property call a day
        cumul += presence + assimile
        if cumul > seuil:
            return jour
    return None
