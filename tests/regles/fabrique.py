"""Builders for the engine's tests: a convention is Monday–Friday, 7 h a day, unless told."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from regles.modele import Convention, Gratification, Methode, ModeGratification, Periode

SEMAINE_35H = (420, 420, 420, 420, 420, 0, 0)


def heures(h: float | int | str) -> int:
    return int(Decimal(str(h)) * 60)


def horaire(*par_jour: float) -> tuple[int, ...]:
    """horaire(7, 7, 7, 7, 7) -> minutes Monday to Sunday, missing days off."""
    valeurs = [heures(h) for h in par_jour] + [0] * (7 - len(par_jour))
    return tuple(valeurs)


def convention(
    id: str = "c1",
    *periodes: tuple[date, date],
    etudiant: str = "e1",
    siren: str = "123456789",
    horaire: tuple[int, ...] = SEMAINE_35H,
    gratification: Gratification | None = None,
    **autres: Any,
) -> Convention:
    return Convention(
        id=id,
        etudiant=etudiant,
        siren=siren,
        periodes=tuple(Periode(d, f) for d, f in periodes)
        or (Periode(date(2026, 3, 2), date(2026, 3, 27)),),
        horaire=horaire,
        tuteur=autres.pop("tuteur", f"tuteur-{id}"),
        gratification=gratification or Gratification(),
        **autres,
    )


def minimum_legal(methode: Methode = Methode.REELLE) -> Gratification:
    return Gratification(ModeGratification.MINIMUM_LEGAL, methode=methode)


def par_heure(montant: str, methode: Methode = Methode.REELLE) -> Gratification:
    return Gratification(ModeGratification.HORAIRE, Decimal(montant), methode)


def par_mois(montant: str, methode: Methode = Methode.REELLE) -> Gratification:
    return Gratification(ModeGratification.MENSUELLE, Decimal(montant), methode)
