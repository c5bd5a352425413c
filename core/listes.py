"""List pages: search, filters, sorting and pagination read from the query string, the same
way on every list (students, hosts, conventions). The page runs a constant number of
queries: the count and the slice; the view prefetches what its rows show."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from django.core.paginator import Page, Paginator
from django.db.models import Model, QuerySet
from django.http import HttpRequest, QueryDict

M = TypeVar("M", bound=Model)
PAR_PAGE = 25
_IDENTIFIANT = re.compile(r"[0-9]{1,9}")  # a primary key in the query string


def identifiant(valeur: str) -> int | None:
    """A row's id read from the query string: 1 to 9 ASCII digits, else None
    (str.isdigit() accepts "²", which int() refuses; a 5,000-digit number overflows)."""
    return int(valeur) if _IDENTIFIANT.fullmatch(valeur) else None


@dataclass
class Liste:
    page: Page[Any]
    recherche: str
    tri: str
    tris: Mapping[str, str]  # sort key shown in the URL → label
    parametres: QueryDict

    def url(self, **changements: str | int | None) -> str:
        """The query string of this list with some parameters changed (None removes)."""
        parametres = self.parametres.copy()
        for cle, valeur in changements.items():
            if valeur is None or valeur == "":
                parametres.pop(cle, None)
            else:
                parametres[cle] = str(valeur)
        if "page" not in changements:
            parametres.pop("page", None)  # a new search or sort starts on page 1
        texte = parametres.urlencode()
        return f"?{texte}" if texte else "?"

    def url_tri(self, cle: str) -> str:
        """Sort by `cle`, or reverse it when it is already the sort."""
        return self.url(tri=f"-{cle}" if self.tri == cle else cle)

    def sens(self, cle: str) -> str:
        """aria-sort value of a column header."""
        if self.tri == cle:
            return "ascending"
        if self.tri == f"-{cle}":
            return "descending"
        return "none"


def lister(
    request: HttpRequest,
    qs: QuerySet[M],
    *,
    tris: Mapping[str, tuple[str, tuple[str, ...]]],
    tri_defaut: str,
    rechercher: Callable[[QuerySet[M], str], QuerySet[M]] | None = None,
    par_page: int = PAR_PAGE,
) -> Liste:
    """`tris`: key → (label, order_by fields). An unknown sort or page falls back quietly."""
    recherche = request.GET.get("q", "").strip()
    if recherche and rechercher is not None:
        qs = rechercher(qs, recherche)
    tri = request.GET.get("tri", tri_defaut)
    cle = tri.removeprefix("-")
    if cle not in tris:
        tri, cle = tri_defaut, tri_defaut.removeprefix("-")
    champs = tris[cle][1]
    if tri.startswith("-"):
        champs = tuple(c[1:] if c.startswith("-") else f"-{c}" for c in champs)
    # The primary key last, in the sort's direction: a stable order (pages never repeat or
    # skip a row) that an index on (sort fields, id) serves without sorting the table.
    qs = qs.order_by(*champs, "-pk" if tri.startswith("-") else "pk")
    page = Paginator(qs, par_page).get_page(request.GET.get("page"))
    return Liste(
        page=page,
        recherche=recherche,
        tri=tri,
        tris={k: v[0] for k, v in tris.items()},
        parametres=request.GET.copy(),
    )
