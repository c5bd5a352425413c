"""The searchable form of a name: lowercase, without accents, single spaces. Stored in a
column by the models' save() (`recherche`), compared with the words typed in the same form:
"ines" and "INÈS" find Inès, on SQLite (whose LIKE folds ASCII letters only) as on
PostgreSQL, with one plain column and no extension."""

from __future__ import annotations

import unicodedata


def normaliser(*morceaux: str) -> str:
    texte = unicodedata.normalize("NFKD", " ".join(morceaux))
    sans_accents = "".join(c for c in texte if not unicodedata.combining(c))
    return " ".join(sans_accents.casefold().split())


def avec_recherche(update_fields: object, sources: set[str]) -> object:
    """A save()'s update_fields with `recherche` added when one of its sources is saved."""
    if update_fields is None:
        return None
    champs = set(update_fields)  # type: ignore[call-overload]
    return champs | {"recherche"} if champs & sources else champs
