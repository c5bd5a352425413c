"""Logging in (Django's view, landing where each role works), the page of a locked-out login
(comptes/verrous.py) and logging out. The password reset is Django's views (see
comptes/urls.py)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import LoginView, PasswordResetConfirmView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.views.decorators.http import require_POST

from comptes import sso, sso_cas
from comptes.acces import PERSONNEL, page_d_arrivee, peut_acceder
from comptes.forms import ConnexionForm, NouveauMotDePasseForm
from comptes.models import Role
from comptes.verrous import adresse_saisie


class Connexion(LoginView):
    """Without a page asked for, the staff land on their dashboard, a student on « Mon
    stage », anyone else on the home page."""

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        contexte = super().get_context_data(**kwargs)
        if sso.actif():
            contexte["sso_libelle"] = settings.OIDC_LIBELLE
        if sso_cas.actif():
            contexte["sso_cas_libelle"] = settings.CAS_LIBELLE
        return contexte

    def get_default_redirect_url(self) -> str:
        if self.next_page is None:
            return page_d_arrivee(self.request.user)
        return super().get_default_redirect_url()


class Activation(PasswordResetConfirmView):
    """« Activez votre compte Stages »: the password-reset page and token (Django's), with the
    invitation's words; once the password is chosen the account is logged in and lands where
    its role works (a student: « Mon stage »)."""

    template_name = "comptes/activer.html"
    form_class = NouveauMotDePasseForm
    post_reset_login = True
    # Named: with django-axes first in AUTHENTICATION_BACKENDS, login() needs to be told.
    post_reset_login_backend = "django.contrib.auth.backends.ModelBackend"

    def form_valid(self, form: Any) -> HttpResponse:
        reponse = super().form_valid(form)
        messages.success(self.request, "Votre compte est activé : bienvenue dans Stages.")
        return reponse

    def get_success_url(self) -> str:
        if peut_acceder(self.request.user, {Role.ETUDIANT}):
            return resolve_url("etablissement:mon_stage")
        if peut_acceder(self.request.user, PERSONNEL):
            return resolve_url("pilotage:tableau_de_bord")
        return resolve_url("accueil")


@require_POST  # a GET link could log people out from an <img> on another site
def deconnexion(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.info(request, "Vous êtes déconnecté.")
    return redirect(settings.LOGIN_URL)


def connexion_bloquee(
    request: HttpRequest, reponse: HttpResponse | None, credentials: dict[str, Any] | None
) -> HttpResponse:
    """The login page again, saying the login is suspended (settings.AXES_LOCKOUT_CALLABLE).
    The same words whether the address has an account or not."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    form = ConnexionForm(request, initial={"username": adresse_saisie(request, credentials)})
    contexte = {"form": form, "bloque_minutes": minutes, "next": request.POST.get("next", "")}
    return render(request, "comptes/connexion.html", contexte, status=429)
