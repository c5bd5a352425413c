"""The section's brochure for companies as a PDF, printed on the day it is asked for: the
section's page (public/views/section.py) in print, never out of date.

Printing costs about a second; the page's HTML costs milliseconds. So the PDF is kept in the
cache under the digest of its HTML: the same day, the same calendar and the same school give
the same HTML and the same PDF, served from the cache; any change (a new day's figures, a
period added, a new phone number) gives another digest and a fresh print."""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from documents.rendu import logo_en_data_uri, pdf_depuis_html
from etablissement.selectors import etablissement_principal
from public.selectors import catalogue_public, periodes_a_venir
from regles.cadre import cadre_au

DUREE_CACHE = 24 * 60 * 60  # seconds; a digest never serves another HTML, this only frees room


@require_GET
def plaquette(request: HttpRequest) -> HttpResponse:
    # The view decides the day the law is read at: today, in Paris.
    aujourdhui = timezone.localdate()
    ecole = etablissement_principal()
    html = render_to_string(
        "public/plaquette/pdf.html",
        {
            "ecole": ecole,
            "logo": logo_en_data_uri(ecole),
            "cadre": cadre_au(aujourdhui),
            "periodes": periodes_a_venir(le=aujourdhui),
            "catalogue": catalogue_public(le=aujourdhui),
            "adresse_simulateur": request.build_absolute_uri(reverse("public:simulateur")),
            "adresse_proposer": request.build_absolute_uri(reverse("public:proposer")),
        },
    )
    cle = "plaquette:" + hashlib.sha256(html.encode()).hexdigest()
    pdf = cache.get(cle)
    if pdf is None:
        pdf = pdf_depuis_html(html)
        cache.set(cle, pdf, DUREE_CACHE)
    reponse = HttpResponse(pdf, content_type="application/pdf")
    reponse["Content-Disposition"] = (
        f'inline; filename="plaquette-bts-ndrc-{aujourdhui:%Y-%m-%d}.pdf"'
    )
    return reponse
