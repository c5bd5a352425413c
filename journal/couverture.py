"""The coverage of a student's log, as pure computation: per competence of the blocs, the
entries that feed it; per exam fiche (E4 négociation-vente, E4 évènement, E6 per network
type), the entries it can draw on; and the gaps, with whether there is still stage time to
ask the host for them.

No database, no clock: journal.selectors builds the inputs, the rule of the fiches is the
data of fiches_examen.yaml."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml

FICHIER_REGLES = Path(__file__).with_name("fiches_examen.yaml")


@dataclass(frozen=True)
class RegleFiche:
    code: str
    epreuve: str
    libelle: str
    competences: frozenset[str]
    reseau: str = ""
    attendues: tuple[str, ...] = ()


@dataclass(frozen=True)
class Regles:
    reference: str
    fiches: tuple[RegleFiche, ...]


def lire_regles(texte: str) -> Regles:
    donnees: Any = yaml.safe_load(texte)
    return Regles(
        reference=" ".join(str(donnees["reference"]).split()),
        fiches=tuple(
            RegleFiche(
                code=f["code"],
                epreuve=f["epreuve"],
                libelle=f["libelle"],
                competences=frozenset(f.get("competences", ())),
                reseau=f.get("reseau", ""),
                attendues=tuple(f.get("attendues", ())),
            )
            for f in donnees["fiches"]
        ),
    )


@cache
def regles() -> Regles:
    return lire_regles(FICHIER_REGLES.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class CompetenceVue:
    code: str
    libelle: str


@dataclass(frozen=True)
class EntreeVue:
    """An entry as the computation sees it: its competences (chosen, and the main ones of
    its missions) and the network types of its missions."""

    pk: int
    date_debut: date
    date_fin: date
    competences: frozenset[str]
    reseaux: frozenset[str] = frozenset()


@dataclass(frozen=True)
class LigneCompetence:
    competence: CompetenceVue
    entrees: tuple[EntreeVue, ...]


@dataclass(frozen=True)
class LigneFiche:
    regle: RegleFiche
    entrees: tuple[EntreeVue, ...]
    a_completer: tuple[str, ...]  # expected competences no entry covers yet


@dataclass(frozen=True)
class Couverture:
    competences: tuple[LigneCompetence, ...]
    fiches: tuple[LigneFiche, ...]
    manques: tuple[str, ...]  # the gaps, in French sentences
    conseil: str  # whether there is still stage time to ask the host, and what to do
    periodes_a_venir: tuple[tuple[date, date], ...]
    reference: str = ""
    sans_entree: bool = field(default=False)

    @property
    def encore_du_temps(self) -> bool:
        return bool(self.periodes_a_venir)


def _delai(periodes: Sequence[tuple[date, date]]) -> str:
    fin = periodes[0][1]
    if len(periodes) == 1:
        return f"Il reste du stage jusqu'au {fin:%d/%m/%Y}"
    return f"Il reste {len(periodes)} périodes de stage, jusqu'au {periodes[-1][1]:%d/%m/%Y}"


def calculer(
    *,
    competences: Sequence[CompetenceVue],
    entrees: Sequence[EntreeVue],
    periodes: Sequence[tuple[date, date]],
    aujourdhui: date,
    regles_fiches: Regles | None = None,
) -> Couverture:
    """The coverage of `entrees` over `competences` and the fiche rules; `periodes` are the
    student's stage periods (signed conventions): those not over by `aujourdhui` are the
    time left to ask the host for what is missing."""
    r = regles_fiches or regles()
    a_venir = tuple(sorted((d, f) for d, f in periodes if f >= aujourdhui))
    lignes = tuple(
        LigneCompetence(c, tuple(e for e in entrees if c.code in e.competences))
        for c in competences
    )
    couvertes = {ligne.competence.code for ligne in lignes if ligne.entrees}
    fiches = tuple(
        LigneFiche(
            regle,
            tuple(
                e
                for e in entrees
                if e.competences & regle.competences or (regle.reseau and regle.reseau in e.reseaux)
            ),
            tuple(code for code in regle.attendues if code not in couvertes),
        )
        for regle in r.fiches
    )
    manques = [
        f"Aucune activité pour {ligne.competence.code} {ligne.competence.libelle}."
        for ligne in lignes
        if not ligne.entrees
    ]
    manques += [
        f"Aucune activité ne nourrit encore la fiche {f.regle.epreuve} « {f.regle.libelle} »."
        for f in fiches
        if not f.entrees
    ]
    if not manques:
        conseil = ""
    elif a_venir:
        conseil = f"{_delai(a_venir)} : demandez à votre tuteur des activités qui les travaillent."
    else:
        conseil = (
            "Plus aucune période de stage n'est prévue : voyez avec votre référent "
            "(atelier de professionnalisation, simulation)."
        )
    return Couverture(
        competences=lignes,
        fiches=fiches,
        manques=tuple(manques),
        conseil=conseil,
        periodes_a_venir=a_venir,
        reference=r.reference,
        sans_entree=not entrees,
    )
