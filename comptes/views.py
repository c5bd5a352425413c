"""Logging in (Django's view, landing where each role works) and logging out. The password
reset is Django's views (see comptes/urls.py)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import LoginView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, resolve_url
from django.views.decorators.http import require_POST

from comptes.acces import PERSONNEL, peut_acceder


class Connexion(LoginView):
    """Without a page asked for, the staff land on their dashboard, the others on the home
    page."""

    def get_default_redirect_url(self) -> str:
        if self.next_page is None and peut_acceder(self.request.user, PERSONNEL):
            return resolve_url("pilotage:tableau_de_bord")
        return super().get_default_redirect_url()


@require_POST  # a GET link could log people out from an <img> on another site
def deconnexion(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.info(request, "Vous êtes déconnecté.")
    return redirect(settings.LOGIN_URL)
