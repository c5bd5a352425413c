"""A synthetic académie for the audit benchmark: hosts of every size, students (some minors),
conventions over two school years with weekly schedules, and daily presence logs.

The strained variant (`tendu=True`) adds what makes the engine work hardest: long stages that
cross the 308th hour (the gratification becomes due, contributions are costed), and small
hosts crowded with interns in the same weeks (quotas broken)."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from itertools import accumulate

from regles.calendrier import calendrier
from regles.contenus import CLAUSES_TEXTE
from regles.evaluation import Situation
from regles.modele import (
    Convention,
    Etudiant,
    Gratification,
    Methode,
    ModeGratification,
    Organisme,
    Periode,
    Pointage,
    TypeAbsence,
)
from regles.presence import jours_prevus

# Stage blocks of a two-year NDRC cohort (Mondays), as a lycée's "Annexe 1" would set them.
BLOCS = [
    (date(2025, 11, 17), 4),
    (date(2026, 1, 5), 4),
    (date(2026, 5, 18), 4),
    (date(2026, 6, 1), 5),
    (date(2026, 11, 16), 4),
    (date(2027, 1, 4), 4),
    (date(2027, 3, 1), 4),
]
HORAIRES = [
    (420, 420, 420, 420, 420, 0, 0),
    (468, 468, 468, 468, 468, 0, 0),  # 39 h
    (420, 420, 420, 420, 0, 0, 0),
    (0, 420, 420, 420, 420, 420, 0),  # Tuesday–Saturday, shops
]
# Strained variant: 12 weeks at 39 h (468 h), and the share of conventions sent to the few
# smallest hosts at once.
LONG = (date(2026, 3, 2), 12)
PART_LONGS = 0.15
PART_ENTASSES = 0.03
PETITS_ENTASSES = 40


@dataclass(frozen=True)
class Taille:
    conventions: int = 20_000
    organismes: int = 6_000
    etudiants: int = 15_000


def _organismes(n: int, rng: random.Random) -> list[Organisme]:
    mois = [date(2024 + (m // 12), m % 12 + 1, 1) for m in range(8, 8 + 36)]
    organismes = []
    for i in range(n):
        tirage = rng.random()
        base = (
            rng.randint(1, 19)
            if tirage < 0.6
            else rng.randint(20, 250)
            if tirage < 0.95
            else rng.randint(251, 5000)
        )
        effectifs = {m: max(1, base + rng.randint(-2, 2)) for m in mois}
        organismes.append(
            Organisme(siren=f"{100000000 + i * 7919 % 899999999:09d}", effectifs=effectifs)
        )
    return organismes


def academie(taille: Taille = Taille(), *, graine: int = 2026, tendu: bool = False) -> Situation:
    rng = random.Random(graine)
    organismes = _organismes(taille.organismes, rng)
    petits = [o for o in organismes if max(o.effectifs.values()) < 20][:PETITS_ENTASSES]
    etudiants = [
        Etudiant(
            id=f"e{i}",
            date_naissance=date(2006, 1, 1) + timedelta(days=rng.randint(0, 3 * 365)),
            debut_formation=date(2025, 9, 1),
        )
        for i in range(taille.etudiants)
    ]
    cal = calendrier("A")
    poids = list(accumulate(math.sqrt(next(iter(o.effectifs.values()))) for o in organismes))
    pointages_partages: dict[tuple[date, int], Pointage] = {}
    conventions = []
    for i in range(taille.conventions):
        # Larger hosts take more interns: weight by the square root of the headcount.
        organisme = rng.choices(organismes, cum_weights=poids)[0]
        debut, semaines = rng.choice(BLOCS)
        if tendu:
            tirage = rng.random()
            if tirage < PART_ENTASSES:
                organisme, (debut, semaines) = rng.choice(petits), BLOCS[0]
            elif tirage < PART_ENTASSES + PART_LONGS:
                debut, semaines = LONG
        grat = rng.random()
        gratification = (
            Gratification()
            if grat < 0.7
            else Gratification(ModeGratification.MINIMUM_LEGAL, methode=rng.choice(list(Methode)))
            if grat < 0.9
            else Gratification(ModeGratification.MENSUELLE, Decimal(rng.choice([300, 600, 800])))
        )
        c = Convention(
            id=f"c{i}",
            etudiant=etudiants[i % len(etudiants)].id,
            siren=organisme.siren,
            periodes=(Periode(debut, debut + timedelta(weeks=semaines, days=-3)),),
            horaire=rng.choice(HORAIRES),
            date_signature=debut - timedelta(days=rng.randint(10, 60)),
            tuteur=f"{organisme.siren}-t{rng.randint(1, 1 + next(iter(organisme.effectifs.values())) // 15)}",
            poste=f"poste-{rng.randint(1, 4)}" if rng.random() < 0.2 else None,
            gratification=gratification,
            contenus=dict.fromkeys(CLAUSES_TEXTE, "clause"),
        )
        # The host's daily presence log: planned days, with a few sick days.
        pointages = []
        for jour, minutes in sorted(jours_prevus(c, calendrier=cal).items()):
            if rng.random() < 0.03:
                pointages.append(Pointage(jour, 0, TypeAbsence.MALADIE_ACCIDENT, minutes))
                continue
            cle = (jour, minutes)
            if cle not in pointages_partages:
                pointages_partages[cle] = Pointage(jour, minutes)
            pointages.append(pointages_partages[cle])
        conventions.append(replace(c, pointages=tuple(pointages)))
    return Situation(
        conventions=conventions,
        organismes={o.siren: o for o in organismes},
        etudiants={e.id: e for e in etudiants},
    )
