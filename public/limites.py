"""Anti-abuse for the public forms, per client IP and per hour: how many proposals one may
send, and how many SIRETs one may look up in the company directory (the public API limits
us, not each visitor: a script must not spend it for everyone).

A fixed one-hour window in Django's default cache, which every worker shares (settings.CACHES:
a database table unless CACHE_BACKEND names another): good enough against a script posting
in a loop, and no friction for a company."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

FENETRE = 60 * 60  # seconds
RECHERCHES_PAR_HEURE = 30  # a company looks up its SIRET once or twice


def _cle(request: HttpRequest, quoi: str) -> str:
    # REMOTE_ADDR only: X-Forwarded-For is whatever the client writes unless a trusted proxy
    # rewrites it, and then the proxy should set REMOTE_ADDR.
    return f"public:{quoi}:{request.META.get('REMOTE_ADDR', '')}"


def _epuise(request: HttpRequest, quoi: str, limite: int) -> bool:
    return int(cache.get(_cle(request, quoi), 0)) >= limite


def _compter(request: HttpRequest, quoi: str) -> None:
    cle = _cle(request, quoi)
    cache.add(cle, 0, FENETRE)  # starts the window; a no-op while it runs
    try:
        cache.incr(cle)
    except ValueError:  # expired between add and incr
        cache.set(cle, 1, FENETRE)


def propositions_epuisees(request: HttpRequest) -> bool:
    limite: int = settings.PROPOSITIONS_PAR_HEURE
    return _epuise(request, "propositions", limite)


def proposition_comptee(request: HttpRequest) -> None:
    _compter(request, "propositions")


def recherches_epuisees(request: HttpRequest) -> bool:
    return _epuise(request, "recherches", RECHERCHES_PAR_HEURE)


def recherche_comptee(request: HttpRequest) -> None:
    _compter(request, "recherches")
