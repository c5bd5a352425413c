"""Login throttling, django-axes configured for us (settings: AXES_*, CONNEXION_*).

Failures are counted per account (the e-mail typed) and per client IP, over the last
CONNEXION_BLOCAGE_MINUTES. An account is locked at CONNEXION_ECHECS_COMPTE failures; an IP,
which a whole school may share, only at CONNEXION_ECHECS_IP. Axes compares every count with
one limit: the IP's count is scaled to it."""

from __future__ import annotations

from typing import Any

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest


def adresse_saisie(request: HttpRequest | None, credentials: dict[str, Any] | None) -> str:
    """The account a login attempt is for: the address as stored (lower case, no spaces), so
    that typing it differently does not open a new count."""
    credentials = credentials or {}
    saisie = credentials.get("username") or credentials.get("email")
    if not saisie and request is not None:
        saisie = request.POST.get("username", "")
    return str(saisie or "").strip().lower()


class Verrous(AxesDatabaseHandler):  # type: ignore[misc]  # axes has no types
    def get_failures(self, request: HttpRequest, credentials: dict[str, Any] | None = None) -> int:
        # One queryset per AXES_LOCKOUT_PARAMETERS, in its order: username, ip_address.
        par_compte, par_ip = (
            qs.aggregate(n=Sum("failures_since_start"))["n"] or 0
            for qs in self.get_user_attempts(request, credentials)
        )
        limite_compte: int = settings.CONNEXION_ECHECS_COMPTE
        limite_ip: int = settings.CONNEXION_ECHECS_IP
        # An IP reaches the account's limit exactly when it reaches its own.
        return max(par_compte, par_ip * limite_compte // limite_ip)
