"""What the engine is told: conventions, hosts, students. Plain frozen data, no Django.

Durations are integer **minutes** (R-PRES-1 asks for minute precision; integers keep the
daily loops fast and exact); money is `Decimal`. Weekly schedules list Monday to Sunday.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

Minutes = int
SEMAINE = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


class TypeAbsence(StrEnum):
    """Absence types of R-PRES-6: whether they count in the durations is `compte_dans_duree`."""

    MATERNITE_PATERNITE_ADOPTION = "maternite_paternite_adoption"
    CONGE_CONVENTION = "conge_convention"
    MALADIE_ACCIDENT = "maladie_accident"
    INJUSTIFIEE = "injustifiee"
    FERIE_FERMETURE = "ferie_fermeture"

    @property
    def compte_dans_duree(self) -> bool:
        # L124-13 leaves are assimilated to presence for the 308 h / 924 h durations
        # (D124-6 al. 2 as URSSAF summarises it; ACOSS LC 2015-042), never gratified.
        return self in (TypeAbsence.MATERNITE_PATERNITE_ADOPTION, TypeAbsence.CONGE_CONVENTION)

    @property
    def libelle(self) -> str:
        return _LIBELLES_ABSENCE[self]


_LIBELLES_ABSENCE = {
    TypeAbsence.MATERNITE_PATERNITE_ADOPTION: "Congé de maternité, paternité ou adoption",
    TypeAbsence.CONGE_CONVENTION: "Congé ou autorisation d'absence prévu par la convention",
    TypeAbsence.MALADIE_ACCIDENT: "Maladie ou accident",
    TypeAbsence.INJUSTIFIEE: "Absence injustifiée",
    TypeAbsence.FERIE_FERMETURE: "Jour férié ou fermeture non travaillé",
}


class ModeGratification(StrEnum):
    AUCUNE = "aucune"
    MINIMUM_LEGAL = "minimum_legal"
    HORAIRE = "horaire"  # `montant` per hour of presence
    MENSUELLE = "mensuelle"  # `montant` per month with presence

    @property
    def avec_montant(self) -> bool:
        """Whether the mode needs an amount: per hour, per month; "aucune" and "minimum
        légal" are complete terms."""
        return ModeGratification.demande_un_montant(self)

    @property
    def libelle(self) -> str:
        return _LIBELLES_MODE[self]

    @classmethod
    def demande_un_montant(cls, mode: str | None) -> bool:
        """`avec_montant` of a form's raw value (None or an unknown text: no)."""
        return mode in (cls.HORAIRE, cls.MENSUELLE)


_LIBELLES_MODE = {
    ModeGratification.AUCUNE: "Pas de gratification",
    ModeGratification.MINIMUM_LEGAL: "Minimum légal",
    ModeGratification.HORAIRE: "Montant par heure",
    ModeGratification.MENSUELLE: "Montant par mois",
}


class Methode(StrEnum):
    REELLE = "reelle"  # each month: its hours × rate (F32131 method 1)
    LISSEE = "lissee"  # total divided into equal monthly instalments (F32131 method 2)


class Initiative(StrEnum):
    """Who ended a convention early: an intern leaving on their own owes no waiting period."""

    STAGIAIRE = "stagiaire"
    ORGANISME = "organisme"
    ETABLISSEMENT = "etablissement"


@dataclass(frozen=True, slots=True)
class Periode:
    debut: date
    fin: date
    # An L124-15 prolongation after an interruption: presence, but out of the quota count.
    prolongation: bool = False

    def __post_init__(self) -> None:
        if self.fin < self.debut:
            raise ValueError(f"Période invalide : fin {self.fin} avant début {self.debut}")

    def contient(self, jour: date) -> bool:
        return self.debut <= jour <= self.fin


@dataclass(frozen=True, slots=True)
class Pointage:
    """One day of the presence log kept by the host (L124-14)."""

    jour: date
    presence: Minutes  # effective presence: counted and gratified
    absence: TypeAbsence | None = None
    absence_minutes: Minutes = 0  # planned time missed through `absence`


@dataclass(frozen=True, slots=True)
class Gratification:
    mode: ModeGratification = ModeGratification.AUCUNE
    montant: Decimal = Decimal(0)
    methode: Methode = Methode.REELLE


@dataclass(frozen=True, slots=True)
class Rupture:
    dernier_jour: date
    initiative: Initiative


@dataclass(frozen=True, slots=True)
class Convention:
    id: str
    etudiant: str
    siren: str
    periodes: tuple[Periode, ...]
    horaire: tuple[Minutes, ...]  # 7 values, Monday first
    date_signature: date | None = None  # None: not signed yet, the first day stands in
    tuteur: str | None = None
    date_effet_tuteur: date | None = None  # None: the first day of the stage
    poste: str | None = None  # identifies "the same post" for the waiting period
    exceptions: Mapping[date, Minutes] = field(default_factory=dict)  # planned minutes on days
    pointages: tuple[Pointage, ...] = ()
    gratification: Gratification = Gratification()
    rupture: Rupture | None = None
    travail_nuit: bool = False
    travail_dimanche: bool = False
    travail_feries: bool = False
    contenus: Mapping[str, str] = field(default_factory=dict)  # D124-4 clause texts
    # Derived once (checks read them millions of times in an audit): the first day, and the
    # last day, cut by an early end.
    debut: date = field(init=False, compare=False)
    fin: date = field(init=False, compare=False)

    def __post_init__(self) -> None:
        if len(self.horaire) != 7:
            raise ValueError("L'horaire hebdomadaire doit donner 7 jours, du lundi au dimanche")
        if not self.periodes:
            raise ValueError(f"La convention {self.id} n'a aucune période")
        fin = max(p.fin for p in self.periodes)
        if self.rupture is not None:
            fin = min(fin, self.rupture.dernier_jour)
        object.__setattr__(self, "debut", min(p.debut for p in self.periodes))
        object.__setattr__(self, "fin", fin)

    @property
    def signature_ou_debut(self) -> date:
        return self.date_signature or self.debut


@dataclass(frozen=True, slots=True)
class Organisme:
    """A host legal entity (SIREN): quotas and hours add up across its établissements."""

    siren: str
    # Natural persons employed on the last day of each month, keyed by the month's first day.
    effectifs: Mapping[date, int] = field(default_factory=dict)
    # Interns from other schools declared by the host, keyed by the Monday of the civil week.
    autres_stagiaires: Mapping[date, int] = field(default_factory=dict)
    fermetures: tuple[Periode, ...] = ()
    taux_atmp: Decimal | None = None  # None: the default rate of the parameters
    taux_versement_mobilite: Decimal = Decimal(0)


@dataclass(frozen=True, slots=True)
class Etudiant:
    id: str
    date_naissance: date | None = None
    debut_formation: date | None = None  # first day of year 1, for programme progress
