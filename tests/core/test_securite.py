"""Headers every response carries: a self-only Content-Security-Policy, no framing."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.test import Client, RequestFactory, override_settings

from core.middleware import ContentSecurityPolicyMiddleware


def test_every_page_forbids_foreign_code_and_framing(db: None) -> None:
    page = Client().get("/connexion/")
    politique = page["Content-Security-Policy"]
    assert "default-src 'self'" in politique
    assert "script-src 'self';" in politique and "unsafe-inline" not in politique
    assert "frame-ancestors 'none'" in politique
    assert page["X-Frame-Options"] == "DENY"


def _reponse(statut: int, **entetes: str) -> HttpResponse:
    def vue(request: HttpRequest) -> HttpResponse:
        return HttpResponse(status=statut, headers=entetes)

    return ContentSecurityPolicyMiddleware(vue)(RequestFactory().get("/"))


def test_a_view_may_set_its_own_policy() -> None:
    reponse = _reponse(200, **{"Content-Security-Policy": "default-src 'none'"})
    assert reponse["Content-Security-Policy"] == "default-src 'none'"


@override_settings(DEBUG=True)
def test_django_debug_error_pages_keep_their_inline_styles() -> None:
    assert "Content-Security-Policy" not in _reponse(500)
    assert "Content-Security-Policy" in _reponse(200)
