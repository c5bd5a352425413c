"""The geometry of a figure's chart: horizontal bars, one row per line of its table (its label
written above its bars), one bar per school year shown. Computed here so that the template
only places shapes; drawn server-side in SVG like the quota chart (pilotage/graphique.py): no
script, nothing for the Content-Security-Policy to refuse. The width is fixed and the SVG
scales down to the page, so a phone never scrolls sideways."""

from __future__ import annotations

from dataclasses import dataclass

from pilotage.chiffres.figures import Figure

LARGEUR = 360
PLACE_VALEUR = 60  # room right of the longest bar for its value
HAUTEUR_LIBELLE = 17
HAUTEUR_BARRE = 13
ECART_BARRES = 3
ECART_RANGEES = 10
MARGE = 4
LIBELLE_MAX = 56  # characters; the table beside holds the whole label


@dataclass(frozen=True)
class Barre:
    serie: int  # 0: the year shown, 1: the one compared
    y: float
    largeur: float
    x_valeur: float
    y_valeur: float
    valeur: str  # as written at its end ("—" when the year has no such row)
    dite: str  # as the description reads it ("aucune donnée" for "—")


@dataclass(frozen=True)
class Rangee:
    libelle: str
    y_libelle: float
    barres: list[Barre]


@dataclass(frozen=True)
class Graphique:
    largeur: int
    hauteur: int
    rangees: list[Rangee]
    hauteur_barre: int = HAUTEUR_BARRE


def _texte(valeur: float, unite: str) -> str:
    nombre = f"{valeur:.1f}".replace(".", ",").removesuffix(",0")
    return f"{nombre}{unite}"


def _court(libelle: str) -> str:
    return libelle if len(libelle) <= LIBELLE_MAX else libelle[: LIBELLE_MAX - 1] + "…"


def graphique(figure: Figure) -> Graphique:
    valeurs = [v for s in figure.series for v in s.valeurs if v is not None]
    haut = figure.maximum or max([*valeurs, 1.0])
    echelle = (LARGEUR - PLACE_VALEUR) / haut
    y = float(MARGE)
    rangees = []
    for rang, ligne in enumerate(figure.lignes):
        y_libelle = y + HAUTEUR_LIBELLE - 4
        y += HAUTEUR_LIBELLE
        barres = []
        for numero, serie in enumerate(figure.series):
            valeur = serie.valeurs[rang]
            longueur = round(min(valeur, haut) * echelle, 1) if valeur else 0.0
            barres.append(
                Barre(
                    serie=numero,
                    y=y,
                    largeur=longueur,
                    x_valeur=longueur + 4,
                    y_valeur=y + HAUTEUR_BARRE - 3,
                    valeur="—" if valeur is None else _texte(valeur, figure.unite),
                    dite="aucune donnée" if valeur is None else _texte(valeur, figure.unite),
                )
            )
            y += HAUTEUR_BARRE + ECART_BARRES
        rangees.append(Rangee(_court(ligne.libelle), y_libelle, barres))
        y += ECART_RANGEES
    return Graphique(largeur=LARGEUR, hauteur=round(y + MARGE), rangees=rangees)
