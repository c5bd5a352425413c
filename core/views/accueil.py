"""The home page: the visitor learns what Stages is for the section; a logged-in user is sent
on to the home of their role (the dashboard for the staff, their own stage for a student)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from comptes.acces import PERSONNEL, peut_acceder
from comptes.models import Role
from public.selectors import periodes_a_venir
from regles.cadre import cadre_au

PERIODES_MONTREES = 3  # the next periods the home page lists; the companies' page has them all


def _page_etudiant() -> str | None:
    """The student's own page, once its screen exists."""
    try:
        return reverse("etablissement:mon_stage")
    except NoReverseMatch:
        return None


def accueil(request: HttpRequest) -> HttpResponse:
    if peut_acceder(request.user, PERSONNEL):
        return redirect("pilotage:tableau_de_bord")
    if peut_acceder(request.user, {Role.ETUDIANT}):
        page = _page_etudiant()
        if page:
            return redirect(page)
    # The view decides the day the law is read at: today, in Paris.
    aujourdhui = timezone.localdate()
    # The school is the layout's `etablissement` (read once per request, core.context_processors).
    contexte = {
        "cadre": cadre_au(aujourdhui),
        "periodes": periodes_a_venir(le=aujourdhui)[:PERIODES_MONTREES],
    }
    return render(request, "core/accueil.html", contexte)
