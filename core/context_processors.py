"""What every page's layout (templates/base.html) needs from core: the school.

Values are callables, which the template engine calls only when a page uses them; each
result is kept on the request, so a page rendered twice (an error page, say) queries once.
The menu and the skip links come from the project (stages/context_processors.py).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from django.apps import apps
from django.db import DatabaseError, models
from django.http import HttpRequest


def interface(request: HttpRequest) -> dict[str, Any]:
    return {
        "etablissement": partial(par_requete, request, "etablissement", _etablissement),
    }


def par_requete(request: HttpRequest, nom: str, calcul: Callable[[HttpRequest], Any]) -> Any:
    """`calcul(request)`, computed once per request and kept on it under `nom`."""
    cache: dict[str, Any] = request.__dict__.setdefault("_interface", {})
    if nom not in cache:
        cache[nom] = calcul(request)
    return cache[nom]


def _etablissement(request: HttpRequest) -> models.Model | None:
    """The school (the first one: an installation serves one), or None if it is not set up yet."""
    if not apps.is_installed("etablissement"):
        return None
    try:
        Etablissement = apps.get_model("etablissement", "Etablissement")
        ecole: models.Model | None = Etablissement._default_manager.order_by("pk").first()
        return ecole
    except (LookupError, DatabaseError):
        # Not migrated yet (a fresh checkout, `manage.py migrate` still to run): the header
        # simply goes without the school's name rather than every page failing.
        return None
