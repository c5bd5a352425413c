"""Anti-abuse for the public forms: how many proposals one client IP may send per hour.

A fixed one-hour window in Django's cache (LocMem by default, shared cache in production):
good enough against a script posting in a loop, and no friction for a company."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

FENETRE = 60 * 60  # seconds


def _cle(request: HttpRequest) -> str:
    # REMOTE_ADDR only: X-Forwarded-For is whatever the client writes unless a trusted proxy
    # rewrites it, and then the proxy should set REMOTE_ADDR.
    return f"public:propositions:{request.META.get('REMOTE_ADDR', '')}"


def propositions_epuisees(request: HttpRequest) -> bool:
    limite: int = settings.PROPOSITIONS_PAR_HEURE
    return int(cache.get(_cle(request), 0)) >= limite


def proposition_comptee(request: HttpRequest) -> None:
    cle = _cle(request)
    cache.add(cle, 0, FENETRE)  # starts the window; a no-op while it runs
    try:
        cache.incr(cle)
    except ValueError:  # expired between add and incr
        cache.set(cle, 1, FENETRE)
