"""The visitor's address behind a front server (nginx, a load balancer): gunicorn sees the
proxy's address in REMOTE_ADDR, the visitor's is in the X-Forwarded-For the proxy appends to.
Only when the request comes from a proxy named in the setting PROXIES_DE_CONFIANCE is that
header read: from its right end, the first address that is not one of those proxies becomes
REMOTE_ADDR, which every part of the application reads (rate limits of the public forms,
login lockout, the address recorded with a signature). A client writes what it likes at the
left end: it is never taken. Without PROXIES_DE_CONFIANCE nothing changes."""

from __future__ import annotations

import ipaddress
from collections.abc import Callable, Sequence

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

Reseau = ipaddress.IPv4Network | ipaddress.IPv6Network


def _dans(adresse: str, proxies: Sequence[Reseau]) -> bool:
    try:
        ip = ipaddress.ip_address(adresse)
    except ValueError:
        return False
    return any(ip in reseau for reseau in proxies)


def adresse_du_client(remote_addr: str, transmise: str, proxies: Sequence[Reseau]) -> str:
    if not proxies or not transmise or not _dans(remote_addr, proxies):
        return remote_addr
    for adresse in reversed([a.strip() for a in transmise.split(",")]):
        if not _dans(adresse, proxies):
            try:
                return str(ipaddress.ip_address(adresse))
            except ValueError:
                return remote_addr  # not an address: the header is not the proxy's
    return remote_addr


class AdresseDuClientMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response
        self.proxies: tuple[Reseau, ...] = settings.PROXIES_DE_CONFIANCE

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if self.proxies:
            request.META["REMOTE_ADDR"] = adresse_du_client(
                request.META.get("REMOTE_ADDR", ""),
                request.META.get("HTTP_X_FORWARDED_FOR", ""),
                self.proxies,
            )
        return self.get_response(request)
