"""The geometry of the quota chart of a host's page, computed here so that the template
only places shapes: one bar per civil week (this school's interns, then other schools' on
top), the quota as a stepped line, the weeks over it marked. Drawn server-side in SVG: no
script, nothing for the Content-Security-Policy to refuse, readable without JavaScript."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from regles.quotas import Semaine

# A bar and the space to the next one: wider when there are few weeks, so that a four-week
# stage is not a thumbnail; 26 px at least, with a bar of 70 % of it.
PAS_MIN, PAS_MAX, LARGEUR_VISEE = 26, 48, 560
MARGE_GAUCHE = 36  # the y axis' figures
MARGE_DROITE = 12
MARGE_HAUTE = 24  # the totals above the bars
MARGE_BASSE = 52  # the weeks' dates, slanted
HAUTEUR_ZONE = 180


@dataclass(frozen=True)
class Barre:
    semaine: Semaine
    largeur: int
    x: float
    y_ecole: float
    h_ecole: float
    y_autres: float
    h_autres: float
    x_milieu: float
    y_total: float  # where the total is written, above the bar

    @property
    def etiquette(self) -> str:
        return f"{self.semaine.lundi:%d/%m}"


@dataclass(frozen=True)
class Graduation:
    y: float
    valeur: int


@dataclass(frozen=True)
class Graphique:
    largeur: int
    hauteur: int
    base: float  # the y of the zero line
    barres: list[Barre]
    graduations: list[Graduation]
    chemin_quota: str  # SVG path of the quota, a step per week
    x_fin: float  # the right end of the axis

    @property
    def x_debut(self) -> int:
        """The left end of the axis; the y figures end just before it."""
        return MARGE_GAUCHE

    @property
    def x_graduations(self) -> int:
        return MARGE_GAUCHE - 6

    @property
    def y_etiquettes(self) -> float:
        return self.base + 14


def _arrondi(valeur: float) -> float:
    return round(valeur, 1)


def graphique_quota(semaines: Sequence[Semaine]) -> Graphique:
    base = MARGE_HAUTE + HAUTEUR_ZONE
    pas = max(PAS_MIN, min(PAS_MAX, LARGEUR_VISEE // max(len(semaines), 1)))
    largeur_barre = round(pas * 0.7)
    largeur = MARGE_GAUCHE + len(semaines) * pas + MARGE_DROITE
    # Room above the tallest bar or quota, so the line and the totals never touch the top.
    haut = max([3, *(s.total for s in semaines), *(s.quota for s in semaines)]) + 1
    echelle = HAUTEUR_ZONE / haut
    pas_graduation = 1 if haut <= 10 else math.ceil(haut / 5)

    barres = []
    chemin = []
    for rang, s in enumerate(semaines):
        gauche = MARGE_GAUCHE + rang * pas
        x = gauche + (pas - largeur_barre) / 2
        h_ecole = s.conventions * echelle
        h_autres = s.autres * echelle
        y_ecole = base - h_ecole
        barres.append(
            Barre(
                semaine=s,
                largeur=largeur_barre,
                x=_arrondi(x),
                y_ecole=_arrondi(y_ecole),
                h_ecole=_arrondi(h_ecole),
                y_autres=_arrondi(y_ecole - h_autres),
                h_autres=_arrondi(h_autres),
                x_milieu=_arrondi(x + largeur_barre / 2),
                y_total=_arrondi(y_ecole - h_autres - 4),
            )
        )
        y_quota = _arrondi(base - s.quota * echelle)
        chemin.append(f"{'M' if rang == 0 else 'L'}{gauche},{y_quota} H{gauche + pas}")
    return Graphique(
        largeur=largeur,
        hauteur=base + MARGE_BASSE,
        base=base,
        barres=barres,
        graduations=[
            Graduation(_arrondi(base - v * echelle), v) for v in range(0, haut + 1, pas_graduation)
        ],
        chemin_quota=" ".join(chemin),
        x_fin=MARGE_GAUCHE + len(semaines) * pas,
    )
