"""A figure of the section's figures page: a table (a label per row, some columns) and the
column its chart draws. Two school years side by side are one figure whose rows are the
union of both years' rows, each column once per year."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

Valeur = int | Decimal | str | None


@dataclass(frozen=True)
class Ligne:
    libelle: str
    valeurs: tuple[Valeur, ...]  # aligned on the figure's columns


@dataclass(frozen=True)
class Serie:
    """What the chart draws: one value per row (None: not in that year), for one year."""

    nom: str
    valeurs: tuple[float | None, ...]


@dataclass
class Figure:
    cle: str  # its address in the page and in the export's URL
    titre: str
    entete: str  # the header of the label column
    colonnes: tuple[str, ...]
    lignes: list[Ligne]
    mesure: int  # the column the chart draws
    unite: str = ""  # after a drawn value: "%", " j"
    maximum: float | None = None  # the chart's full scale (100 for a rate), else the data's
    note: str = ""
    note_annee: str = ""  # what differs from year to year (a median), after the note
    communes: frozenset[int] = frozenset()  # columns the same in every year (a rule's article)
    series: list[Serie] = field(default_factory=list)
    # Two years side by side: the table's header on two rows, each column's title over the
    # years (True) or alone (a column the same every year); the years.
    groupes: tuple[tuple[str, bool], ...] = ()
    annees: tuple[str, ...] = ()
    nom_mesure: str = ""  # what the chart draws, without a year (two years side by side)

    @property
    def cote_a_cote(self) -> bool:
        """Narrow enough for its table to stand beside its chart on a wide screen (else the
        table goes under the chart, at full width)."""
        return len(self.colonnes) <= 2

    @property
    def titre_mesure(self) -> str:
        return self.nom_mesure or self.colonnes[self.mesure]


def nom_annee(annee: int) -> str:
    return f"{annee}-{annee + 1}"


def _nombre(valeur: Valeur) -> float | None:
    if isinstance(valeur, int | Decimal):
        return float(valeur)
    return None


def seule(figure: Figure, annee: int) -> Figure:
    """The figure of one year, its chart drawing its measure."""
    figure.series = [
        Serie(
            nom_annee(annee),
            tuple(_nombre(ligne.valeurs[figure.mesure]) for ligne in figure.lignes),
        )
    ]
    return figure


def comparer(a: Figure, b: Figure, annee_a: int, annee_b: int) -> Figure:
    """`a` (year `annee_a`) and `b` (year `annee_b`) side by side: every row of either year,
    in `a`'s order then `b`'s new ones; each column twice, the year in its header, but those
    the same every year (`communes`), once."""
    par_a = {ligne.libelle: ligne for ligne in a.lignes}
    par_b = {ligne.libelle: ligne for ligne in b.lignes}
    libelles = [*par_a, *(x for x in par_b if x not in par_a)]
    vide: tuple[Valeur, ...] = (None,) * len(a.colonnes)
    na, nb = nom_annee(annee_a), nom_annee(annee_b)
    colonnes: list[str] = []
    mesure = 0
    for rang, titre in enumerate(a.colonnes):
        if rang == a.mesure:
            mesure = len(colonnes)
        colonnes.extend([titre] if rang in a.communes else [f"{titre} ({na})", f"{titre} ({nb})"])
    lignes = []
    for libelle in libelles:
        va = par_a[libelle].valeurs if libelle in par_a else vide
        vb = par_b[libelle].valeurs if libelle in par_b else vide
        valeurs: list[Valeur] = []
        for rang, (x, y) in enumerate(zip(va, vb, strict=True)):
            valeurs.extend([x if x is not None else y] if rang in a.communes else [x, y])
        lignes.append(Ligne(libelle, tuple(valeurs)))
    notes = [
        n
        for n in (
            a.note_annee and f"{na} : {a.note_annee}",
            b.note_annee and f"{nb} : {b.note_annee}",
        )
        if n
    ]
    resultat = Figure(
        cle=a.cle,
        titre=a.titre,
        entete=a.entete,
        colonnes=tuple(colonnes),
        lignes=lignes,
        mesure=mesure,
        unite=a.unite,
        maximum=a.maximum,
        note=a.note,
        note_annee=" ".join(notes),
        groupes=tuple((titre, rang not in a.communes) for rang, titre in enumerate(a.colonnes)),
        annees=(na, nb),
        nom_mesure=a.colonnes[a.mesure],
    )
    resultat.series = [
        Serie(na, tuple(_nombre(ligne.valeurs[mesure]) for ligne in lignes)),
        Serie(nb, tuple(_nombre(ligne.valeurs[mesure + 1]) for ligne in lignes)),
    ]
    return resultat
