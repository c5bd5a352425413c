"""The official models of the fiches (examens/modeles_fiches.yaml), read once: for a type of
fiche, its title, its sections and their fields (key, label, bound, required, pre-fill)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

FICHIER = Path(__file__).with_name("modeles_fiches.yaml")


@dataclass(frozen=True, slots=True)
class Champ:
    cle: str
    libelle: str
    max: int
    obligatoire: bool
    prerempli: str = ""


@dataclass(frozen=True, slots=True)
class Section:
    cle: str
    libelle: str
    champs: tuple[Champ, ...]


@dataclass(frozen=True, slots=True)
class ModeleFiche:
    epreuve: str  # E4, E6 or E4_SUJET
    titre: str
    sections: tuple[Section, ...]
    annexe_offre: bool  # E4: the offer's annex is mandatory
    activite_reelle: bool  # E6: « activité réelle vécue : oui / non »

    @property
    def champs(self) -> tuple[Champ, ...]:
        return tuple(c for s in self.sections for c in s.champs)

    def champ(self, cle: str) -> Champ:
        for c in self.champs:
            if c.cle == cle:
                return c
        raise KeyError(cle)


@dataclass(frozen=True, slots=True)
class Modeles:
    version: str
    reference: str
    par_type: dict[str, ModeleFiche]


@cache
def modeles() -> Modeles:
    donnees = yaml.safe_load(FICHIER.read_text(encoding="utf-8"))
    par_type: dict[str, ModeleFiche] = {}
    for epreuve, m in donnees["modeles"].items():
        modele = ModeleFiche(
            epreuve=epreuve,
            titre=m["titre"],
            sections=tuple(
                Section(
                    cle=s["cle"],
                    libelle=s["libelle"],
                    champs=tuple(
                        Champ(
                            cle=c["cle"],
                            libelle=c["libelle"],
                            max=int(c["max"]),
                            obligatoire=bool(c["obligatoire"]),
                            prerempli=c.get("prerempli", ""),
                        )
                        for c in s["champs"]
                    ),
                )
                for s in m["sections"]
            ),
            annexe_offre=bool(m.get("annexe_offre", False)),
            activite_reelle=bool(m.get("activite_reelle", False)),
        )
        for type_ in m["types"]:
            par_type[type_] = modele
    return Modeles(version=donnees["version"], reference=donnees["reference"], par_type=par_type)


def modele(type_fiche: str) -> ModeleFiche:
    """The model of a type of fiche (a `TypeFiche` value)."""
    return modeles().par_type[type_fiche]
