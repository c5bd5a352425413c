"""Rate limit per token (ninja's throttling, counted in Django's cache): `API_LIMITE`, such
as "300/min", read at each request so a setting changed in tests or by the environment
applies at once."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest
from ninja.throttling import AuthRateThrottle


class ParJeton(AuthRateThrottle):
    scope = "jeton"

    def __init__(self) -> None:
        # A wrong setting stops the start (the URLs build the API), not every request.
        try:
            super().__init__(settings.API_LIMITE)
        except (ValueError, KeyError):
            raise ImproperlyConfigured(
                f"API_LIMITE={settings.API_LIMITE!r} : écrivez un nombre de requêtes par "
                "période, par exemple 300/min (s, min, h ou d)."
            ) from None

    def allow_request(self, request: HttpRequest) -> bool:
        self.rate = settings.API_LIMITE
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)
