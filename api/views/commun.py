"""What the routes share: one row by its number, or a 404 in French (never a database error
for a number beyond its integers)."""

from typing import Annotated, Any, TypeVar

from django.db.models import Model, QuerySet
from django.http import Http404
from ninja import Schema
from ninja.pagination import PageNumberPagination
from pydantic import Field

M = TypeVar("M", bound=Model)

# A row's number, as a query parameter: beyond a 64-bit integer PostgreSQL would fail.
NUMERO_MAX = 2**63 - 1
Numero = Annotated[int, Field(ge=1, le=NUMERO_MAX)]

PAR_PAGE = 50
PAGE_MAX = 1_000_000


def trouver(lignes: QuerySet[M], pk: int, quoi: str) -> M:
    ligne = lignes.filter(pk=pk).first() if 0 < pk <= NUMERO_MAX else None
    if ligne is None:
        raise Http404(f"{quoi} n° {pk} introuvable.")
    return ligne


class Pages(PageNumberPagination):
    """ninja's pages, their number bounded: a page far beyond the rows is an empty page,
    not an OFFSET PostgreSQL cannot hold. `page_size` is 1 to 200."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=PAGE_MAX)
        page_size: int | None = Field(None, ge=1, le=200)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(page_size=PAR_PAGE, max_page_size=200, **kwargs)
