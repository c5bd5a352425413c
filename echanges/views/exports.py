"""Exports of the conventions and the students, CSV or XLSX, filtered by the list's query
string (a list page links here with its own `?q=…&statut=…&promotion=…`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.utils import timezone

from comptes.acces import personnel_requis
from echanges.exports import conventions, etudiants
from echanges.exports.tableur import Champ, classeur_xlsx, lignes_csv

M = TypeVar("M", bound=Model)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Rows fetched per query (and per prefetch): the queries grow with chunks, not rows.
PAQUET = 500


@personnel_requis
def export_conventions(request: HttpRequest, format: str) -> HttpResponse | StreamingHttpResponse:
    qs = conventions.conventions_a_exporter(request.GET)
    return _exporter(qs, conventions.CHAMPS, nom="conventions", format_=format)


@personnel_requis
def export_etudiants(request: HttpRequest, format: str) -> HttpResponse | StreamingHttpResponse:
    qs = etudiants.etudiants_a_exporter(request.GET)
    return _exporter(qs, etudiants.CHAMPS, nom="etudiants", format_=format)


def _exporter(
    qs: QuerySet[M], champs: Sequence[Champ[Any]], *, nom: str, format_: str
) -> HttpResponse | StreamingHttpResponse:
    fichier = f"{nom}-{timezone.localdate():%Y-%m-%d}.{format_}"
    objets = qs.iterator(chunk_size=PAQUET)
    reponse: HttpResponse | StreamingHttpResponse
    if format_ == "csv":
        # Streamed: the first lines leave before the last rows are read.
        reponse = StreamingHttpResponse(
            lignes_csv(champs, objets), content_type="text/csv; charset=utf-8"
        )
    elif format_ == "xlsx":
        # A XLSX is a zip, complete only at the end: built whole, in a write-only workbook.
        reponse = HttpResponse(
            classeur_xlsx(champs, objets, feuille=nom.capitalize()), content_type=XLSX
        )
    else:
        raise Http404("Format d'export inconnu.")
    reponse["Content-Disposition"] = f'attachment; filename="{fichier}"'
    return reponse
