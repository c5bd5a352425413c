"""Figures of the attestation de stage (D124-9; NDRC national model, referentiel-ndrc §2.2):
total effective duration in hours, days (7 h), months (22 days), weeks, and the
gratification paid; for the whole convention or one of its periods."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from regles.echeancier import Mois
from regles.format import arrondi_centime, heures_texte
from regles.modele import Minutes
from regles.parametres import ParametreNonEnVigueur, Parametres
from regles.presence import Jour, Seuils, en_jours, en_mois, totaliser


@dataclass(frozen=True, slots=True)
class Attestation:
    debut: date | None
    fin: date | None
    minutes: Minutes  # effective presence plus the L124-13 leave counted in the duration
    jours: Decimal
    mois: Decimal
    semaines: Decimal | None  # None: no number of days per week in force on the first day
    gratification: Decimal
    complete: bool  # every day comes from the host's log (nothing only planned)
    lacune: ParametreNonEnVigueur | None = None  # why `semaines` is missing
    seuils: Seuils | None = None  # the day and month of stage counted in (None: no day)

    @property
    def jours_par_mois(self) -> int | None:
        """The days of a month of stage the figures were counted in (22)."""
        if self.seuils is None:
            return None
        return self.seuils.minutes_par_mois // self.seuils.minutes_par_jour

    @property
    def heures(self) -> Decimal:
        return Decimal(self.minutes) / 60

    def en_dict(self) -> dict[str, object]:
        return {
            "debut": self.debut.isoformat() if self.debut else None,
            "fin": self.fin.isoformat() if self.fin else None,
            "heures": heures_texte(self.minutes),
            "jours": str(self.jours),
            "mois": str(self.mois),
            "semaines": str(self.semaines) if self.semaines is not None else None,
            "gratification": str(self.gratification),
            "gratification_texte": "néant" if self.gratification == 0 else None,
            "complete": self.complete,
        }


def attestation(jours: Sequence[Jour], *, gratification: Decimal, p: Parametres) -> Attestation:
    le = jours[0].jour if jours else date.min
    if not jours:
        return Attestation(None, None, 0, Decimal(0), Decimal(0), Decimal(0), gratification, True)
    seuils = Seuils.au(p, le)
    totaux = totaliser(jours)
    minutes = totaux.compte
    nb_jours = en_jours(minutes, seuils)
    semaines: Decimal | None = None
    lacune = None
    try:
        par_semaine = p.entier("reglages.jours_par_semaine", le)
    except ParametreNonEnVigueur as exc:
        lacune = exc
    else:
        semaines = (nb_jours / par_semaine).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return Attestation(
        debut=jours[0].jour,
        fin=jours[-1].jour,
        minutes=minutes,
        jours=nb_jours,
        mois=en_mois(minutes, seuils),
        semaines=semaines,
        gratification=gratification,
        complete=totaux.tout_reel,
        lacune=lacune,
        seuils=seuils,
    )


def gratification_versee(
    jours: Sequence[Jour], mois: Sequence[Mois], *, debut: date, fin: date
) -> Decimal:
    """The gratification paid for the days from `debut` to `fin`: each month's payment of the
    schedule, shared pro rata of the presence when a month straddles the bounds; rounded to
    the cent once, at the end."""
    verse = Decimal(0)
    for m in mois:
        du_mois = [j for j in jours if (j.jour.year, j.jour.month) == (m.mois.year, m.mois.month)]
        total = sum(j.presence for j in du_mois)
        part = sum(j.presence for j in du_mois if debut <= j.jour <= fin)
        if total:
            verse += m.verse * part / total
    return arrondi_centime(verse)


def attestation_periode(
    jours: Sequence[Jour], mois: Sequence[Mois], *, debut: date, fin: date, p: Parametres
) -> Attestation:
    """The attestation of one period (the NDRC model wants one per place and period): the
    engine's days of the convention filtered to the period, and the schedule's `mois`
    payments that fall in it."""
    return attestation(
        [j for j in jours if debut <= j.jour <= fin],
        gratification=gratification_versee(jours, mois, debut=debut, fin=fin),
        p=p,
    )
