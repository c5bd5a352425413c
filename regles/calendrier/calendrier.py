"""The calendar the rules see: public holidays, school holidays by zone, school closures.

Lookups are set memberships, built once per year asked: a full audit asks millions of them.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import holidays
import vacances_scolaires_france
import yaml

SURCHARGES = Path(__file__).resolve().parent / "surcharges.yaml"
ETE = "Vacances d'été"


class SurchargesInvalides(Exception):
    pass


@dataclass(frozen=True, slots=True)
class Plage:
    debut: date
    fin: date
    libelle: str

    def jours(self) -> list[date]:
        return [self.debut + timedelta(days=i) for i in range((self.fin - self.debut).days + 1)]


def _plages(brut: Any, cle: str, fichier: Path, zone: str | None) -> list[Plage]:
    if brut is None:
        return []
    if not isinstance(brut, list):
        raise SurchargesInvalides(f"{fichier}: {cle}: une liste est attendue")
    plages = []
    for i, entree in enumerate(brut):
        if not isinstance(entree, dict):
            raise SurchargesInvalides(f"{fichier}: {cle}[{i}]: un dictionnaire est attendu")
        debut = entree.get("debut", entree.get("date"))
        fin = entree.get("fin", debut)
        libelle = entree.get("libelle")
        if not isinstance(debut, date) or not isinstance(fin, date) or fin < debut:
            raise SurchargesInvalides(f"{fichier}: {cle}[{i}]: dates debut/fin invalides")
        if not isinstance(libelle, str) or not libelle:
            raise SurchargesInvalides(f"{fichier}: {cle}[{i}]: libelle obligatoire")
        zones = entree.get("zones")
        if zone is not None and zones is not None and zone not in zones:
            continue
        plages.append(Plage(debut, fin, libelle))
    return plages


# The school-holiday zones the calendar knows.
ZONES: tuple[str, ...] = tuple(vacances_scolaires_france.SchoolHolidayDates.SUPPORTED_ZONES)


class Calendrier:
    def __init__(self, *, zone: str = "A", surcharges: Path = SURCHARGES) -> None:
        zone = zone.upper()
        if zone not in ZONES:
            raise ValueError(f"Zone de vacances inconnue : {zone}")
        self.zone = zone
        contenu = yaml.safe_load(surcharges.read_text(encoding="utf-8")) or {}
        if not isinstance(contenu, dict):
            raise SurchargesInvalides(f"{surcharges}: un dictionnaire est attendu")
        self._feries_ajoutes = {
            j: p.libelle
            for p in _plages(contenu.get("jours_feries"), "jours_feries", surcharges, None)
            for j in p.jours()
        }
        self._vacances_ajoutees = {
            j: p.libelle
            for p in _plages(contenu.get("vacances"), "vacances", surcharges, zone)
            for j in p.jours()
        }
        self._fermetures = {
            j: p.libelle
            for p in _plages(
                contenu.get("fermetures_etablissement"),
                "fermetures_etablissement",
                surcharges,
                None,
            )
            for j in p.jours()
        }
        self._scolaires = vacances_scolaires_france.SchoolHolidayDates()

    # Public holidays -------------------------------------------------------------------
    @functools.lru_cache(maxsize=64)  # noqa: B019 - one calendar per zone, kept for the process
    def feries(self, annee: int) -> dict[date, str]:
        """Metropolitan public holidays of a year, with their French names."""
        jours = dict(holidays.country_holidays("FR", years=annee, language="fr").items())
        jours.update({j: nom for j, nom in self._feries_ajoutes.items() if j.year == annee})
        return jours

    def est_ferie(self, jour: date) -> bool:
        return jour in self.feries(jour.year)

    def nom_ferie(self, jour: date) -> str | None:
        return self.feries(jour.year).get(jour)

    # School holidays -------------------------------------------------------------------
    @functools.lru_cache(maxsize=64)  # noqa: B019
    def vacances(self, annee: int) -> dict[date, str]:
        """School holidays of the zone during a calendar year (days without classes)."""
        jours: dict[date, str] = {}
        if self._scolaires.min_year <= annee <= self._scolaires.max_year:
            for jour, info in self._scolaires.holidays_for_year_and_zone(annee, self.zone).items():
                jours[jour] = str(info["nom_vacances"])
        jours.update({j: nom for j, nom in self._vacances_ajoutees.items() if j.year == annee})
        return jours

    def est_vacances(self, jour: date) -> bool:
        return jour in self.vacances(jour.year)

    def nom_vacances(self, jour: date) -> str | None:
        return self.vacances(jour.year).get(jour)

    @functools.lru_cache(maxsize=64)  # noqa: B019
    def vacances_ete(self, annee: int) -> Plage | None:
        """The summer holidays that start in `annee`, as listed for the zone."""
        jours = sorted(j for j, nom in self.vacances(annee).items() if nom.lower() == ETE.lower())
        if not jours:
            return None
        return Plage(jours[0], jours[-1], ETE)

    # The school's own closures ---------------------------------------------------------
    def fermeture_etablissement(self, jour: date) -> str | None:
        return self._fermetures.get(jour)


@functools.cache
def calendrier(zone: str = "A") -> Calendrier:
    """The shipped calendar of a zone, built once per process."""
    return Calendrier(zone=zone)
