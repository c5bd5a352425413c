"""Content-Security-Policy header, without a dependency (Django 5.2 has no CSP support)."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse


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
