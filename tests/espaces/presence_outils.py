"""Builders of the presence tests: a stage under way tutored by a host's tutor, their space
link, and the POST of one week as the tutor's form sends it."""

from __future__ import annotations

from datetime import date
from typing import Any

import time_machine

from conventions.models import Convention, Statut
from espaces import services
from espaces.views.presence import prefixe
from organismes.models import Tuteur
from tests import fabriques
from tests.espaces import outils

# Twelve weeks, Monday 5 January to Friday 27 March 2026 (no public holiday): 420 h planned,
# more than 308 h, gratification due at the legal minimum.
LONG = ((date(2026, 1, 5), date(2026, 3, 27)),)
# Monday 5 January to Thursday 5 March 2026: 44 days of 7 h, 308 h exactly: not due.
JUSTE = ((date(2026, 1, 5), date(2026, 3, 5)),)
LUNDI = date(2026, 1, 5)


def stage(
    nom: str = "Aquitaine Distribution", periodes: Any = LONG, **champs: Any
) -> tuple[Convention, Tuteur, str]:
    """A stage under way at `nom`, tutored by its tutor, and the tutor's link."""
    org, _, tuteur = outils.hote(nom)
    champs.setdefault("gratification_mode", "minimum_legal")
    # Above 308 h the leave clause is required (D124-4).
    champs.setdefault("contenus", {**fabriques.CLAUSES, "conges": "Deux jours par mois"})
    with time_machine.travel(date(2025, 12, 1)):
        c = outils.convention(org, tuteur, Statut.EN_COURS, periodes=periodes, **champs)
    _, jeton = outils.lien(services.titulaire_tuteur(tuteur))
    return c, tuteur, jeton


def semaine(
    pk: int, lundi: date, jours: list[tuple[str, str, str]], total: int | None = None
) -> dict[str, Any]:
    """The week's form: (presence, absence type, absence duration) per day of the week."""
    p = prefixe(pk, lundi)
    donnees: dict[str, Any] = {
        f"{p}-TOTAL_FORMS": str(len(jours) if total is None else total),
        f"{p}-INITIAL_FORMS": str(len(jours) if total is None else total),
        f"{p}-MIN_NUM_FORMS": "0",
        f"{p}-MAX_NUM_FORMS": "1000",
    }
    for i, (presence, absence, duree) in enumerate(jours):
        donnees[f"{p}-{i}-presence"] = presence
        donnees[f"{p}-{i}-absence"] = absence
        donnees[f"{p}-{i}-minutes_absence"] = duree
    return donnees


def comme_prevu(jours: int = 7) -> list[tuple[str, str, str]]:
    """Monday to Friday 7 h, the weekend nothing: the form as offered."""
    return [("7", "", "0")] * 5 + [("0", "", "0")] * (jours - 5)
