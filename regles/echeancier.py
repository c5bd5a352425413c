"""A convention's month-by-month schedule: minimum, what the convention pays, shortfall,
franchise, excess and the estimated contributions on it.

R-GRAT-5: the minimum for month m = hours(m) × rate(signature date) × PHSS(year of m).
R-GRAT-6: real hours (each month its own hours) or smoothed (the total, computed month by
month with each month's PHSS, split into equal instalments; the last absorbs the cents).
R-SOC-1: the franchise of a month is the same product, hours × rate × PHSS; with smoothing it
is computed on the average planned hours, i.e. split the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from regles.format import arrondi_centime, heures_texte
from regles.franchise import ventiler
from regles.gratification import repartir, taux_horaire_minimal
from regles.modele import Convention, Methode, Minutes, ModeGratification
from regles.parametres import Parametres
from regles.presence import Jour, totaliser

ZERO = Decimal(0)
# Estimated contributions (intern, host) on an excess paid in a month.
Cotiser = Callable[[Decimal, date], tuple[Decimal, Decimal]]


@dataclass(frozen=True, slots=True)
class Mois:
    mois: date  # first day of the calendar month
    presence: Minutes
    compte: Minutes  # presence + assimilated leave
    obligatoire: bool
    taux_horaire: Decimal
    minimum_reel: Decimal
    minimum_lisse: Decimal
    verse: Decimal
    ecart: Decimal  # shortfall below the minimum, when gratification is mandatory
    franchise: Decimal
    exonere: Decimal
    excedent: Decimal
    cotisations_stagiaire: Decimal
    cotisations_organisme: Decimal

    @property
    def minimum(self) -> Decimal:
        """What the legal minimum of this month is (zero when not mandatory)."""
        return self.minimum_reel if self.obligatoire else ZERO


@dataclass(frozen=True, slots=True)
class Echeancier:
    methode: Methode
    mois: tuple[Mois, ...]

    def _somme(self, attribut: str) -> Decimal:
        return sum((getattr(m, attribut) for m in self.mois), ZERO)

    @property
    def minimum_reel_total(self) -> Decimal:
        """The minimum at the rate for the real hours of every month, due or not (the
        screen's column): what the convention would owe if gratification were mandatory."""
        return self._somme("minimum_reel")

    @property
    def minimum_du_total(self) -> Decimal:
        """The minimum actually due: only the months where gratification is mandatory."""
        return self._somme("minimum")

    @property
    def verse_total(self) -> Decimal:
        return self._somme("verse")

    @property
    def ecart_total(self) -> Decimal:
        return self._somme("ecart")

    @property
    def excedent_total(self) -> Decimal:
        return self._somme("excedent")

    def en_dict(self) -> dict[str, object]:
        return {
            "methode": self.methode.value,
            # The key keeps its published name (README); its meaning is `minimum_reel_total`.
            "minimum_total": str(self.minimum_reel_total),
            "verse_total": str(self.verse_total),
            "ecart_total": str(self.ecart_total),
            "mois": [
                {
                    "mois": m.mois.strftime("%Y-%m"),
                    "heures": heures_texte(m.presence),
                    "heures_comptees": heures_texte(m.compte),
                    "obligatoire": m.obligatoire,
                    "taux_horaire": str(m.taux_horaire),
                    "minimum_heures_reelles": str(m.minimum_reel),
                    "minimum_lisse": str(m.minimum_lisse),
                    "verse": str(m.verse),
                    "ecart": str(m.ecart),
                    "franchise": str(m.franchise),
                    "exonere": str(m.exonere),
                    "excedent": str(m.excedent),
                    "cotisations_stagiaire": str(m.cotisations_stagiaire),
                    "cotisations_organisme": str(m.cotisations_organisme),
                }
                for m in self.mois
            ],
        }


def echeancier(
    convention: Convention,
    jours: Sequence[Jour],
    *,
    obligatoire: Callable[[date], bool],
    cotiser: Cotiser | None = None,
    p: Parametres | None = None,
) -> Echeancier:
    """The schedule of one convention. `obligatoire(mois)` says whether gratification is
    mandatory for that month's school year (decided across conventions by the caller)."""
    terms = convention.gratification
    lisse = terms.methode is Methode.LISSEE
    signature = convention.signature_ou_debut
    mois = [(m, v) for m, v in totaliser(jours).par_mois.items() if v[0] > 0 or v[1] > 0]
    taux = [taux_horaire_minimal(signature=signature, mois=m, p=p) for m, _ in mois]
    # Minimum for real hours; the franchise is the same product (R-SOC-1).
    reels = [arrondi_centime(Decimal(v[0]) * t / 60) for (_, v), t in zip(mois, taux, strict=True)]
    avec_presence = [v[0] > 0 for _, v in mois]
    lisses = _lisser(reels, avec_presence)

    if terms.mode is ModeGratification.AUCUNE:
        verses = [ZERO] * len(mois)
    elif terms.mode is ModeGratification.MINIMUM_LEGAL:
        verses = lisses if lisse else reels
    elif terms.mode is ModeGratification.HORAIRE:
        horaires = [arrondi_centime(Decimal(v[0]) * terms.montant / 60) for _, v in mois]
        verses = _lisser(horaires, avec_presence) if lisse else horaires
    else:
        verses = [terms.montant if present else ZERO for present in avec_presence]

    lignes = []
    for i, (m, (presence, compte)) in enumerate(mois):
        est_obligatoire = obligatoire(m)
        reference = lisses[i] if lisse else reels[i]
        ecart = max(ZERO, reference - verses[i]) if est_obligatoire else ZERO
        franchise = reference
        exonere, excedent = ventiler(verse=verses[i], franchise=franchise)
        stagiaire, organisme = (
            cotiser(excedent, m) if cotiser is not None and excedent > 0 else (ZERO, ZERO)
        )
        lignes.append(
            Mois(
                mois=m,
                presence=presence,
                compte=compte,
                obligatoire=est_obligatoire,
                taux_horaire=taux[i],
                minimum_reel=reels[i],
                minimum_lisse=lisses[i],
                verse=verses[i],
                ecart=ecart,
                franchise=franchise,
                exonere=exonere,
                excedent=excedent,
                cotisations_stagiaire=stagiaire,
                cotisations_organisme=organisme,
            )
        )
    return Echeancier(methode=terms.methode, mois=tuple(lignes))


def _lisser(montants: Sequence[Decimal], avec_presence: Sequence[bool]) -> list[Decimal]:
    """Spread the total over the months with presence (a month of leave only gets nothing)."""
    parts = repartir(sum(montants, ZERO), sum(avec_presence))
    iterateur = iter(parts)
    return [next(iterateur) if present else ZERO for present in avec_presence]
