"""Cache-Control: no-store on what the application builds, so no browser or proxy cache keeps a
page, a PDF or an export once read: nearly all of them carry personal data (a convention, a
signing or follow-up page reached by a private link, a student's list), and the few public
ones gain nothing from a cache. A view that sets its own Cache-Control keeps it. Static files
(served by WhiteNoise, ahead of this middleware, hashed and cached for a year) are not
concerned."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponseBase
from django.utils.cache import add_never_cache_headers


class PasDeCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if not response.has_header("Cache-Control"):
            add_never_cache_headers(response)
        return response
