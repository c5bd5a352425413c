"""What a simulation carries into « Proposer un stage », so that the company types nothing
twice. The result's button links to the proposal form with the simulation's own query string;
the proposal view reads it through the simulator's form and gives the proposal form these
initial values (only initial: the proposal form validates everything itself).

- the section's calendar periods ticked in the simulator are ticked in the proposal;
- dates typed by hand (the proposal has no free dates: it offers the calendar's periods) and
  an amount of gratification go into « Précisions », where the company reads and edits them;
- the gratification becomes the proposal's intention: none, the legal minimum, or an amount,
  measured against the legal minimum of the same hours (above it: « plus que le minimum
  légal », equal: « le minimum légal », below: « à voir avec la section »);
- the headcount becomes INSEE's headcount band.
The number of interns is not carried: a simulation is one intern's.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from public.models import IntentionGratification, TrancheEffectif
from public.simulation import Resultat
from regles import format as fmt
from regles.modele import Methode, ModeGratification

# The lowest headcount of each INSEE band, largest first.
TRANCHES = (
    (10_000, TrancheEffectif.T53),
    (5_000, TrancheEffectif.T52),
    (2_000, TrancheEffectif.T51),
    (1_000, TrancheEffectif.T42),
    (500, TrancheEffectif.T41),
    (250, TrancheEffectif.T32),
    (200, TrancheEffectif.T31),
    (100, TrancheEffectif.T22),
    (50, TrancheEffectif.T21),
    (20, TrancheEffectif.T12),
    (10, TrancheEffectif.T11),
    (6, TrancheEffectif.T03),
    (3, TrancheEffectif.T02),
    (1, TrancheEffectif.T01),
    (0, TrancheEffectif.T00),
)
PAR = {ModeGratification.HORAIRE.value: "par heure", ModeGratification.MENSUELLE.value: "par mois"}


def tranche(effectif: int) -> str:
    return next(code for minimum, code in TRANCHES if effectif >= minimum)


def intention(mode: str, resultat: Resultat) -> str:
    if mode == ModeGratification.AUCUNE.value:
        return IntentionGratification.AUCUNE
    if mode == ModeGratification.MINIMUM_LEGAL.value:
        return IntentionGratification.MINIMUM
    verse, minimum = resultat.total.verse, resultat.minimum_au_taux
    if verse > minimum:
        return IntentionGratification.AU_DELA
    if verse == minimum:
        return IntentionGratification.MINIMUM
    return IntentionGratification.A_VOIR


def initial(donnees: Mapping[str, Any], resultat: Resultat) -> dict[str, Any]:
    """The proposal form's initial values from a valid simulation (its cleaned data)."""
    valeurs: dict[str, Any] = {
        "periodes": [int(pk) for pk in donnees.get("periodes") or ()],
        "gratification": intention(donnees["gratification"], resultat),
    }
    if donnees.get("effectif") is not None:
        valeurs["tranche_effectif"] = tranche(donnees["effectif"])
    precisions = []
    if donnees.get("debut") and donnees.get("fin"):
        precisions.append(
            f"Dates envisagées : du {fmt.jour(donnees['debut'])} au {fmt.jour(donnees['fin'])}."
        )
    if donnees["gratification"] in PAR:
        montant: Decimal = donnees["montant"]
        lisse = donnees["methode"] == Methode.LISSEE.value
        precisions.append(
            f"Gratification envisagée : {fmt.euros(montant)} {PAR[donnees['gratification']]}"
            + (" (versement lissé : le même montant chaque mois)." if lisse else ".")
        )
    if precisions:
        valeurs["message"] = "\n".join(precisions)
    return valeurs
