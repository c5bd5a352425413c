"""The first draft of a fiche, taken from the stage it tells about: the host's frame, the
dates and place, and the logged activities that feed that type of fiche (journal/
couverture.py decides which). Pure: examens.selectors builds the `Stage` from the database;
nothing here reads the clock or a row, so a table of cases tests it.

Each field the official model marks `prerempli` (examens/modeles_fiches.yaml) takes its
source's text, cut to the field's bound; the logged activities are taken oldest first for
as long as they fit, and the entries used are returned (the fiche keeps them: provenance)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from examens.modeles import ModeleFiche


@dataclass(frozen=True)
class Activite:
    """A log entry as the draft quotes it."""

    pk: int
    debut: date
    fin: date
    texte: str


@dataclass(frozen=True)
class Stage:
    organisme: str = ""
    adresse: str = ""
    activite: str = ""  # the host's trade, as far as Stages knows it
    lieu: str = ""  # the site where the stage takes place
    periodes: tuple[tuple[date, date], ...] = ()
    activites: tuple[Activite, ...] = field(default=())


@dataclass(frozen=True)
class Brouillon:
    contenu: dict[str, str]
    entrees: tuple[int, ...]  # the log entries quoted (provenance)


def _periode(debut: date, fin: date) -> str:
    if debut == fin:
        return f"Le {debut:%d/%m/%Y}"
    return f"Du {debut:%d/%m/%Y} au {fin:%d/%m/%Y}"


def _dates(periodes: Sequence[tuple[date, date]]) -> str:
    return " ; ".join(_periode(d, f) for d, f in sorted(periodes))


def _ligne(a: Activite) -> str:
    texte = " ".join(a.texte.split())
    return f"{_periode(a.debut, a.fin)} : {texte}"


def _activites(activites: Sequence[Activite], maximum: int) -> tuple[str, tuple[int, ...]]:
    """The dated activities, oldest first, as many whole lines as fit in `maximum`."""
    lignes: list[str] = []
    pris: list[int] = []
    taille = 0
    for a in sorted(activites, key=lambda a: (a.debut, a.fin, a.pk)):
        ligne = _ligne(a)
        ajout = len(ligne) + (1 if lignes else 0)
        if taille + ajout > maximum:
            break
        lignes.append(ligne)
        pris.append(a.pk)
        taille += ajout
    return "\n".join(lignes), tuple(pris)


def preremplir(modele: ModeleFiche, stage: Stage) -> Brouillon:
    """The content of a first version of a fiche of `modele` drawn from `stage`: every field
    of the model is present (empty when nothing fills it), none beyond its bound."""
    sources = {
        "organisme.nom": stage.organisme,
        "organisme.adresse": stage.adresse,
        "organisme.activite": stage.activite,
        "stage.dates": _dates(stage.periodes),
        "stage.lieu": stage.lieu,
    }
    contenu: dict[str, str] = {}
    entrees: tuple[int, ...] = ()
    for champ in modele.champs:
        if champ.prerempli == "journal.activites":
            texte, pris = _activites(stage.activites, champ.max)
            contenu[champ.cle] = texte
            entrees += tuple(pk for pk in pris if pk not in entrees)
        else:
            contenu[champ.cle] = sources.get(champ.prerempli, "").strip()[: champ.max]
    return Brouillon(contenu=contenu, entrees=entrees)


def vide(modele: ModeleFiche) -> dict[str, str]:
    """A blank content: every field of the model, empty (a fiche typed by hand)."""
    return {c.cle: "" for c in modele.champs}
