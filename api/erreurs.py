"""Pydantic's validation errors of a request, in French: one sentence per wrong value, with
its place (« paramètre « du » : date AAAA-MM-JJ attendue »)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

_MESSAGES = {
    "missing": "valeur obligatoire",
    "int_parsing": "nombre entier attendu",
    "int_type": "nombre entier attendu",
    "int_from_float": "nombre entier attendu",
    "greater_than_equal": "valeur trop petite",
    "less_than_equal": "valeur trop grande",
    "date_parsing": "date AAAA-MM-JJ attendue",
    "date_from_datetime_parsing": "date AAAA-MM-JJ attendue",
    "date_from_datetime_inexact": "date AAAA-MM-JJ attendue",
    "date_type": "date AAAA-MM-JJ attendue",
    "enum": "valeur inconnue",
    "literal_error": "valeur inconnue",
    "string_too_long": "texte trop long",
    "string_type": "texte attendu",
}

_LIEUX = {"query": "paramètre", "path": "adresse", "body": "contenu", "file": "fichier"}


def _place(lieu: Iterable[Any]) -> str:
    parties = [str(p) for p in lieu]
    if not parties:
        return "requête"
    genre = _LIEUX.get(parties[0])
    nom = ".".join(parties[1:]) if genre else ".".join(parties)
    return f"{genre} « {nom} »" if genre and nom else (genre or f"« {nom} »")


def en_francais(erreurs: Iterable[Mapping[str, Any]]) -> str:
    phrases = [
        f"{_place(e.get('loc', ()))} : {_MESSAGES.get(str(e.get('type')), 'valeur invalide')}"
        for e in erreurs
    ]
    return "Requête invalide — " + " ; ".join(phrases[:10]) + "."
