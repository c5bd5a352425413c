"""Quotas and caps: interns per civil week (L124-8, R124-10, R124-12), interns per tutor
(L124-10, R124-13) and the waiting period on the same post (L124-11)."""

from __future__ import annotations

import bisect
import functools
import math
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_CEILING, Decimal

from regles.modele import Convention, Initiative, Organisme, Periode
from regles.parametres import ParametreNonEnVigueur, Parametres

UNE_SEMAINE = timedelta(days=7)


def lundi(jour: date) -> date:
    return jour - timedelta(days=jour.weekday())


def _mois_precedent(mois: date, n: int = 1) -> date:
    index = mois.year * 12 + mois.month - 1 - n
    return date(index // 12, index % 12 + 1, 1)


@functools.cache
def _mois_precedents(annee: int, mois: int, nombre: int) -> tuple[date, ...]:
    """The first days of the `nombre` months before (annee, mois), the nearest first."""
    debut = date(annee, mois, 1)
    return tuple(_mois_precedent(debut, i) for i in range(1, nombre + 1))


def effectif(organisme: Organisme, jour: date, *, mois_moyenne: int) -> Decimal | None:
    """Headcount for a period starting on `jour` (R124-12): the higher of the persons employed
    on the last day of the previous month and their average over the preceding months.
    None when the host gave no figure for those months."""
    mois = _mois_precedents(jour.year, jour.month, mois_moyenne)
    effectifs = organisme.effectifs
    dernier = effectifs.get(mois[0])
    releves = [v for m in mois if (v := effectifs.get(m)) is not None]
    if dernier is None and not releves:
        return None
    moyenne = Decimal(sum(releves)) / len(releves) if releves else Decimal(0)
    return max(Decimal(dernier or 0), moyenne)


def quota(effectif_: Decimal, *, p: Parametres, le: date) -> int:
    """R124-10: 3 under 20 persons, else 15 % of the headcount rounded up."""
    if effectif_ < p.entier("quota.seuil_effectif", le):
        return p.entier("quota.plafond_petit_organisme", le)
    part = effectif_ * p.decimal("quota.taux_effectif", le)
    return int(part.to_integral_value(rounding=ROUND_CEILING))


def semaines(periodes: Iterable[Periode], fin: date) -> Iterator[date]:
    """Mondays of the civil weeks touched by the periods that count for the quota
    (L124-15 prolongations do not), up to `fin` (an early end)."""
    vues: set[date] = set()
    for periode in periodes:
        if periode.prolongation or periode.debut > fin:
            continue
        semaine, derniere = lundi(periode.debut), lundi(min(periode.fin, fin))
        while semaine <= derniere:
            if semaine not in vues:
                vues.add(semaine)
                yield semaine
            semaine += UNE_SEMAINE


@dataclass(frozen=True, slots=True)
class Semaine:
    lundi: date
    # This school's interns that week: distinct students (L124-8 counts interns, so two
    # successive conventions of one student in the same week are one intern).
    conventions: int
    autres: int  # interns from other schools declared by the host
    quota: int
    effectif: Decimal | None
    # The quota's parameters have no value in force that week (before the rule's date): the
    # week is not judged (`quota` is then 0 and means nothing); the evaluation says so.
    lacune: ParametreNonEnVigueur | None = None

    @property
    def total(self) -> int:
        return self.conventions + self.autres

    @property
    def applicable(self) -> bool:
        return self.lacune is None

    @property
    def depasse(self) -> bool:
        return self.lacune is None and self.total > self.quota


class OccupationOrganismes:
    """Interns per host and civil week, counted once for all conventions (linear in weeks).

    L124-8 caps the interns present, not the conventions: a student whose convention ends on
    Wednesday and whose next one starts on Friday of the same week is one intern that week."""

    def __init__(
        self,
        conventions: Iterable[Convention],
        organismes: Mapping[str, Organisme],
        *,
        p: Parametres,
    ) -> None:
        self._organismes = organismes
        self._p = p
        stagiaires: dict[str, dict[date, set[str]]] = defaultdict(lambda: defaultdict(set))
        self.semaines_par_convention: dict[str, list[date]] = {}
        for c in conventions:
            liste = list(semaines(c.periodes, c.fin))
            self.semaines_par_convention[c.id] = liste
            par_semaine = stagiaires[c.siren]
            for s in liste:
                par_semaine[s].add(c.etudiant)
        self._comptes: dict[str, dict[date, int]] = {
            siren: {s: len(eux) for s, eux in par_semaine.items()}
            for siren, par_semaine in stagiaires.items()
        }
        self._quotas: dict[
            tuple[str, date], tuple[int, Decimal | None, ParametreNonEnVigueur | None]
        ] = {}
        self._semaines: dict[tuple[str, date], Semaine] = {}

    def _quota(
        self, siren: str, semaine: date
    ) -> tuple[int, Decimal | None, ParametreNonEnVigueur | None]:
        cle = (siren, semaine.replace(day=1))
        if cle not in self._quotas:
            organisme = self._organismes.get(siren) or Organisme(siren=siren)
            try:
                mois = self._p.entier("quota.mois_moyenne_effectif", semaine)
                eff = effectif(organisme, semaine, mois_moyenne=mois)
                # Unknown headcount: the smallest quota, which every host has (3 ≤ 15 % × 20).
                q = (
                    self._p.entier("quota.plafond_petit_organisme", semaine)
                    if eff is None
                    else quota(eff, p=self._p, le=semaine)
                )
            except ParametreNonEnVigueur as exc:
                self._quotas[cle] = (0, None, exc)
            else:
                self._quotas[cle] = (q, eff, None)
        return self._quotas[cle]

    def semaine(self, siren: str, lundi_: date) -> Semaine:
        cle = (siren, lundi_)
        semaine = self._semaines.get(cle)
        if semaine is None:
            semaine = self._semaines[cle] = self._semaine(siren, lundi_)
        return semaine

    def _semaine(self, siren: str, lundi_: date) -> Semaine:
        organisme = self._organismes.get(siren)
        autres = organisme.autres_stagiaires.get(lundi_, 0) if organisme else 0
        q, eff, lacune = self._quota(siren, lundi_)
        compte = self._comptes.get(siren, {}).get(lundi_, 0)
        return Semaine(lundi_, compte, autres, q, eff, lacune)

    def semaines_de(self, convention: Convention) -> list[Semaine]:
        return [
            self.semaine(convention.siren, s) for s in self.semaines_par_convention[convention.id]
        ]

    def calendrier_organisme(self, siren: str) -> list[Semaine]:
        """Every week with interns at a host, in order: the host page's chart."""
        return [self.semaine(siren, s) for s in sorted(self._comptes.get(siren, {}))]


def en_vigueur(convention: Convention, jour: date) -> bool:
    """Whether a stage period of the convention covers `jour` (an early end cuts it)."""
    return jour <= convention.fin and any(p.contient(jour) for p in convention.periodes)


def stagiaires_du_tuteur(
    convention: Convention, autres: Sequence[Convention]
) -> tuple[date, list[Convention]]:
    """The date the designation takes effect and the tutor's other interns in force then."""
    effet = convention.date_effet_tuteur or convention.debut
    return effet, [
        c
        for c in autres
        if c.id != convention.id and c.tuteur == convention.tuteur and en_vigueur(c, effet)
    ]


class SuiviTuteurs:
    """How many interns each tutor follows on a day, by binary search over the tutor's
    periods: an interval contains the day when it starts on or before it and does not end
    before it, so the count is (starts ≤ day) − (ends < day). Cost: log of the tutor's load."""

    def __init__(self, conventions: Iterable[Convention]) -> None:
        debuts: dict[str, list[date]] = defaultdict(list)
        fins: dict[str, list[date]] = defaultdict(list)
        for c in conventions:
            if not c.tuteur:
                continue
            for periode in c.periodes:
                if periode.debut <= c.fin:
                    debuts[c.tuteur].append(periode.debut)
                    fins[c.tuteur].append(min(periode.fin, c.fin))
        self._debuts = {t: sorted(v) for t, v in debuts.items()}
        self._fins = {t: sorted(v) for t, v in fins.items()}

    def nombre(self, tuteur: str, jour: date) -> int:
        debuts, fins = self._debuts.get(tuteur, []), self._fins.get(tuteur, [])
        return bisect.bisect_right(debuts, jour) - bisect.bisect_left(fins, jour)

    def autres(self, convention: Convention) -> tuple[date, int]:
        """The date of effect of `convention`'s tutor and how many other interns they follow."""
        effet = convention.date_effet_tuteur or convention.debut
        assert convention.tuteur
        nombre = self.nombre(convention.tuteur, effet)
        return effet, nombre - (1 if en_vigueur(convention, effet) else 0)


@dataclass(frozen=True, slots=True)
class Carence:
    precedente: Convention
    delai_jours: int
    premier_jour_possible: date


def carence(
    convention: Convention, precedentes: Iterable[Convention], *, p: Parametres
) -> Carence | None:
    """The waiting period breached by `convention` on its post, if any (L124-11).

    Reading (R-CARENCE-1, a setting of ours): it concerns successive interns, so another
    student's convention on the same post of the same host; its duration is in calendar days;
    none is owed when the previous stage ended early at the intern's initiative.
    """
    if convention.poste is None:
        return None
    avant = [
        c
        for c in precedentes
        if c.id != convention.id
        and c.siren == convention.siren
        and c.poste == convention.poste
        and c.etudiant != convention.etudiant
        and c.fin < convention.debut
    ]
    if not avant:
        return None
    precedente = max(avant, key=lambda c: c.fin)
    if precedente.rupture is not None and precedente.rupture.initiative is Initiative.STAGIAIRE:
        return None
    duree = (precedente.fin - precedente.debut).days + 1
    delai = math.ceil(duree / p.entier("carence.diviseur_duree", convention.debut))
    possible = precedente.fin + timedelta(days=delai + 1)
    if convention.debut >= possible:
        return None
    return Carence(precedente, delai, possible)
