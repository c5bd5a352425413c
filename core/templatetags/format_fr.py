"""French figures in templates, the same as in the engine's sentences (regles/format.py):
`{{ montant|euros }}` 1 234,56 €, `{{ jour|jour }}` 05/03/2026, `{{ minutes|heures }}` 7,5 h.

`{% load format_fr %}`. An empty value gives an empty string, so a missing figure never
prints "None"."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django import template

from regles import cadre
from regles import format as fmt
from regles import pourquoi as explications
from regles.constats import Constat
from regles.parametres import parametres

register = template.Library()


@register.filter
def euros(montant: Decimal | int | float | str | None) -> str:
    if montant is None or montant == "":
        return ""
    return fmt.euros(Decimal(str(montant)))


@register.filter
def nombre(valeur: Decimal | int | float | str | None, decimales: int = 2) -> str:
    """1 234,56 (no unit): `{{ jours|nombre }}`, `{{ x|nombre:0 }}`."""
    if valeur is None or valeur == "":
        return ""
    return fmt.nombre(Decimal(str(valeur)), int(decimales))


@register.filter
def jour(valeur: date | None) -> str:
    """JJ/MM/AAAA (a datetime gives its date, in the time zone the template already uses)."""
    return fmt.jour(valeur) if valeur else ""


@register.filter
def heures(minutes: int | str | None) -> str:
    """Minutes as hours: 420 → 7 h, 450 → 7,5 h."""
    if minutes is None or minutes == "":
        return ""
    return fmt.heures(int(minutes))


@register.filter
def heure_suivante(minutes: int) -> int:
    """The hour that starts past a threshold: `{{ seuil|heure_suivante }}<sup>e</sup> heure`."""
    return cadre.heure_suivante(int(minutes))


@register.filter
def mois(valeur: date | None) -> str:
    """The month of a date in words: mars 2026."""
    return fmt.mois(valeur) if valeur else ""


@register.filter
def pourquoi(constat: Constat) -> list[str]:
    """« Pourquoi ? » of a finding: its figures in sentences (regles/pourquoi.py), with the
    parameters in force, never its keys."""
    return explications.pourquoi(constat, parametres())
