"""A day's visits as an itinerary, and the kilometres of a month for the travel-expense claim.

No routing service is called (none is reachable offline, and an address is personal data):
each leg is a link to OpenStreetMap's directions page with its two addresses as text, which
the site geocodes in the user's browser; the kilometres are entered by the référent."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal
from urllib.parse import urlencode

from suivi.models import Visite

OSM = "https://www.openstreetmap.org/directions"


def lien_osm(depart: str, arrivee: str) -> str:
    return f"{OSM}?{urlencode({'engine': 'fossgis_osrm_car', 'from': depart, 'to': arrivee})}"


@dataclass(frozen=True)
class Etape:
    visite: Visite
    depart: str
    arrivee: str

    @property
    def lien(self) -> str:
        return lien_osm(self.depart, self.arrivee)


def etapes(visites: list[Visite], *, depart: str) -> list[Etape]:
    """The legs of the day: from `depart` (the school) to the first visit, then from each
    visit to the next, in time order."""
    resultat = []
    precedent = depart
    for v in visites:
        assert v.creneau is not None
        resultat.append(Etape(v, precedent, v.creneau.lieu))
        precedent = v.creneau.lieu
    return resultat


@dataclass(frozen=True)
class LigneKm:
    """A row of the claim: one visit, or the month's total (no visit)."""

    jour: date | None
    heure: time | None
    etudiant: str
    organisme: str
    adresse: str
    kilometres: Decimal | None


def lignes_kilometres(visites: list[Visite]) -> list[LigneKm]:
    lignes = []
    total = Decimal(0)
    for v in visites:
        assert v.creneau is not None
        c = v.convention
        lignes.append(
            LigneKm(
                jour=v.creneau.jour,
                heure=v.creneau.heure,
                etudiant=str(c.etudiant),
                organisme=c.etablissement_accueil.organisme.raison_sociale,
                adresse=v.creneau.lieu,
                kilometres=v.kilometres,
            )
        )
        total += v.kilometres or 0
    lignes.append(LigneKm(None, None, "", "Total du mois", "", total))
    return lignes
