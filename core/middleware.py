"""Content-Security-Policy header, without a dependency (Django 5.2 has no CSP support); and
NUL characters dropped from what a request sends, before any view reads it."""

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, QueryDict


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        politique: str = getattr(settings, "CONTENT_SECURITY_POLICY", "")
        # Django's debug error pages (DEBUG only) are built with inline styles and scripts:
        # under the policy they would be unreadable exactly when a developer needs them.
        page_de_debug = settings.DEBUG and response.status_code >= 400
        if politique and not page_de_debug:
            # A view may set its own, stricter policy (a PDF preview, say).
            response.headers.setdefault("Content-Security-Policy", politique)
        return response


NUL = "\x00"
_FORMULAIRES = ("application/x-www-form-urlencoded", "multipart/form-data")


class SansNulMiddleware:
    """Drop the NUL characters of the query string, the posted form and the cookies.

    No text a person types holds a NUL, and PostgreSQL refuses one in any text ("A string
    literal cannot contain NUL"): `?q=%00` on a list, or a NUL in a posted reason, would be a
    server error, wherever the value is read (a search, a filter, a form, request.POST)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # Before the session middleware reads its cookie: a session key is looked up as text.
        # (A cookie carries it escaped, as \000: only the parsed value shows it.)
        if any(NUL in cle or NUL in valeur for cle, valeur in request.COOKIES.items()):
            request.COOKIES = {
                cle: valeur
                for cle, valeur in request.COOKIES.items()
                if NUL not in cle and NUL not in valeur
            }
        return self.get_response(request)

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> None:
        requete = request.META.get("QUERY_STRING", "")
        if "%00" in requete or NUL in requete:
            request.GET = QueryDict(_sans_nul(request.GET))
        if request.method == "POST" and request.content_type in _FORMULAIRES:
            try:
                formulaire = request.POST
            except OSError:  # the client went away: the view meets it as before
                return
            if any(NUL in cle or NUL in "".join(v) for cle, v in formulaire.lists()):
                request.POST = QueryDict(_sans_nul(formulaire))


def _sans_nul(donnees: QueryDict) -> str:
    """The same fields, in the same order, without NUL: as a query string (UTF-8)."""
    return urlencode(
        [
            (cle.replace(NUL, ""), valeur.replace(NUL, ""))
            for cle, valeurs in donnees.lists()
            for valeur in valeurs
        ]
    )
