"""What an import did or would do: one operation per accepted row, one message per rejected row."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError


@dataclass(frozen=True)
class Probleme:
    colonne: str | None  # the column's label (« date de naissance »); None: the whole row
    raison: str


@dataclass(frozen=True)
class Rejet:
    """A rejected row; all its problems in one sentence, so each row gets one message."""

    ligne: int
    problemes: tuple[Probleme, ...]

    def __str__(self) -> str:
        morceaux = [
            f"colonne « {p.colonne} » : {p.raison.rstrip('.')}"
            if p.colonne
            else p.raison.rstrip(".")
            for p in self.problemes
        ]
        separateur = ", " if self.problemes[0].colonne else " : "
        return f"Ligne {self.ligne}{separateur}" + " ; ".join(morceaux) + "."


class Action(Enum):
    CREATION = "Création"
    MISE_A_JOUR = "Mise à jour"
    INCHANGE = "Inchangé"


@dataclass(frozen=True)
class Operation:
    ligne: int
    action: Action
    cellules: tuple[str, ...]  # what the preview shows, under `Bilan.entetes`
    details: tuple[str, ...] = ()  # what changes, in short French sentences
    invitation: bool = False  # a student's account invited by e-mail (class lists)


@dataclass
class Bilan:
    entetes: tuple[str, ...]
    operations: list[Operation] = field(default_factory=list)
    rejets: list[Rejet] = field(default_factory=list)
    ignorees: list[str] = field(default_factory=list)  # headers of the file left unread

    @property
    def valide(self) -> bool:
        return not self.rejets

    def nombre(self, action: Action) -> int:
        return sum(1 for o in self.operations if o.action is action)

    @property
    def creations(self) -> int:
        return self.nombre(Action.CREATION)

    @property
    def mises_a_jour(self) -> int:
        return self.nombre(Action.MISE_A_JOUR)

    @property
    def inchangees(self) -> int:
        return self.nombre(Action.INCHANGE)

    @property
    def invitations(self) -> int:
        """Students invited to activate their account (sent once the import is confirmed)."""
        return sum(1 for o in self.operations if o.invitation)

    @property
    def resume(self) -> str:
        """ "2 créations, 1 mise à jour, 0 ligne sans changement" (French: 0 is singular)."""
        return ", ".join(
            (
                _compte(self.creations, "création", "créations"),
                _compte(self.mises_a_jour, "mise à jour", "mises à jour"),
                _compte(self.inchangees, "ligne sans changement", "lignes sans changement"),
            )
        )


def _compte(nombre: int, singulier: str, pluriel: str) -> str:
    return f"{nombre} {singulier if nombre <= 1 else pluriel}"


def problemes_de(erreur: ValidationError, colonnes: Mapping[str, str]) -> list[Probleme]:
    """A model's full_clean() errors, each under the column of its field (`colonnes`:
    field name -> column label); errors of other fields concern the row as a whole."""
    if not hasattr(erreur, "error_dict"):
        return [Probleme(None, message) for message in erreur.messages]
    problemes: list[Probleme] = []
    for champ, messages in erreur.message_dict.items():
        colonne = None if champ == NON_FIELD_ERRORS else colonnes.get(champ)
        problemes.extend(Probleme(colonne, message) for message in messages)
    return problemes
