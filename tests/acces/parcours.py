"""Walk the URLconf and check one page against its line of the access table."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import quote

from django.conf import settings
from django.http import HttpResponseBase
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.acces.matrice import CONNEXION, ESPACES_IGNORES, Acces, Attendu


@dataclass(frozen=True)
class Motif:
    """One URL pattern of the project, by its full name (`namespace:name`) and route."""

    nom: str
    route: str
    arguments: bool  # the URL needs kwargs to be reversed


def motifs_du_projet(urlconf: str | None = None) -> list[Motif]:
    """Every page of the project, minus the admin and the static and media files."""
    return sorted(_parcourir(get_resolver(urlconf), "", [], False), key=lambda m: m.route)


def _parcourir(
    resolver: URLResolver, prefixe: str, espaces: list[str], arguments: bool
) -> Iterator[Motif]:
    for motif in resolver.url_patterns:
        route = prefixe + str(motif.pattern)
        avec_arguments = arguments or motif.pattern.regex.groups > 0
        if isinstance(motif, URLResolver):
            if motif.namespace in ESPACES_IGNORES:
                continue
            sous_espaces = [*espaces, motif.namespace] if motif.namespace else espaces
            yield from _parcourir(motif, route, sous_espaces, avec_arguments)
        elif isinstance(motif, URLPattern) and not _fichier(route):
            nom = ":".join([*espaces, motif.name]) if motif.name else ""
            yield Motif(nom=nom, route=route, arguments=avec_arguments)


def _fichier(route: str) -> bool:
    prefixes = [p.lstrip("/") for p in (settings.STATIC_URL, settings.MEDIA_URL) if p]
    return any(p and route.lstrip("^").startswith(p) for p in prefixes)


def url_de(motif: Motif, acces: Acces) -> str:
    kwargs = acces.kwargs() if callable(acces.kwargs) else acces.kwargs
    return reverse(motif.nom, kwargs=kwargs)


def ecart(client: Client, url: str, acces: Acces, persona: str) -> str | None:
    """Request the page as this persona; say how the answer differs from the table, if it does."""
    attendu: Attendu = getattr(acces, persona)
    reponse: HttpResponseBase = getattr(client, acces.methode)(url)
    obtenu = _lire(reponse, url)
    if obtenu == attendu:
        return None
    return f"{persona} : attendu {attendu!r}, obtenu {obtenu!r}"


def _lire(reponse: HttpResponseBase, url: str) -> Attendu:
    if reponse.status_code == 302:
        connexion = f"{resolve_url(settings.LOGIN_URL)}?next={quote(url)}"
        if reponse.headers["Location"] == connexion:
            return CONNEXION
    return reponse.status_code
