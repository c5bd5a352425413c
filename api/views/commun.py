"""What the routes share: one row by its number, or a 404 in French (never a database error
for a number beyond its integers)."""

from typing import Annotated, TypeVar

from django.db.models import Model, QuerySet
from django.http import Http404
from pydantic import Field

M = TypeVar("M", bound=Model)

# A row's number, as a query parameter: beyond a 64-bit integer PostgreSQL would fail.
NUMERO_MAX = 2**63 - 1
Numero = Annotated[int, Field(ge=1, le=NUMERO_MAX)]


def trouver(lignes: QuerySet[M], pk: int, quoi: str) -> M:
    ligne = lignes.filter(pk=pk).first() if 0 < pk <= NUMERO_MAX else None
    if ligne is None:
        raise Http404(f"{quoi} n° {pk} introuvable.")
    return ligne
