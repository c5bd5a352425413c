"""The columns an import expects, recognised by name whatever the spelling of the header.

Student information systems and spreadsheets write the same column many ways ("Prénom",
"PRENOM", "Né(e) le", "Mail"): a header is compared without case, accents, spaces or
punctuation, against a list of known spellings per column.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass


def cle_comparaison(texte: str) -> str:
    """ "Né(e) le" -> "neele": lower case, accents dropped, letters and digits only (for
    headers, and for names a student information system writes in capitals)."""
    sans_accents = unicodedata.normalize("NFKD", texte).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", sans_accents.lower())


@dataclass(frozen=True)
class Colonne:
    cle: str  # the name the import code reads
    libelle: str  # the name the messages print: « date de naissance »
    alias: tuple[str, ...] = ()  # other spellings, in plain words
    aide: str = ""  # what the cell holds, for the upload page

    def reconnait(self, entete: str) -> bool:
        cle = cle_comparaison(entete)
        return bool(cle) and cle in {cle_comparaison(nom) for nom in (self.libelle, *self.alias)}


def reperer(entetes: Sequence[str], colonnes: Sequence[Colonne]) -> dict[str, int]:
    """Column key -> its position in `entetes`; the first matching header wins."""
    positions: dict[str, int] = {}
    for position, entete in enumerate(entetes):
        for colonne in colonnes:
            if colonne.cle not in positions and colonne.reconnait(entete):
                positions[colonne.cle] = position
                break
    return positions
