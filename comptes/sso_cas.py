"""Single sign-on through CAS (the lycées' ENT), by django-cas-ng, when the environment names
a CAS server (settings.CAS_SERVER_URL; README « Connexion par l'ENT »).

The same promise as OpenID Connect (comptes/sso.py): the e-mail the server vouches for (an
attribute, settings.CAS_USERNAME_ATTRIBUTE) opens the active Stages account with that
address, never creates one; a refusal comes back to the login page in words."""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django_cas_ng.backends import CASBackend
from django_cas_ng.views import LoginView

from comptes.acces import page_d_arrivee
from comptes.sso import sans_compte

logger = logging.getLogger(__name__)

_MOTIF = "stages_motif_refus_cas"


def actif() -> bool:
    """Whether a CAS server is configured (the login page then offers it)."""
    return bool(settings.CAS_SERVER_URL)


class Backend(CASBackend):
    def clean_username(self, username: str) -> str:
        # The address the server vouches for, kept to say which one has no account.
        self._email = str(username).strip()
        return self._email

    def authenticate(  # type: ignore[override]
        self, request: HttpRequest, ticket: str, service: str
    ) -> Any:
        self._email = ""
        utilisateur = super().authenticate(request, ticket, service)
        if utilisateur is None and request is not None:
            if self._email:
                motif = sans_compte(self._email)
            else:
                motif = (
                    "Le serveur CAS n'a pas confirmé votre identité ou n'a pas transmis "
                    "d'adresse e-mail : la connexion par l'ENT n'a pas abouti."
                )
            setattr(request, _MOTIF, motif)
        return utilisateur


class Connexion(LoginView):
    """Off to the CAS server, and back with its ticket: logged in and landing where the role
    works, or back to the login page with the reason."""

    def get(self, request: HttpRequest) -> HttpResponse:
        if not actif():
            raise Http404("La connexion par l'ENT (CAS) n'est pas proposée ici.")
        try:
            return super().get(request)
        except PermissionDenied:
            messages.error(
                request,
                getattr(
                    request,
                    _MOTIF,
                    "La connexion par l'ENT n'a pas abouti. Réessayez, ou connectez-vous "
                    "avec votre adresse e-mail et votre mot de passe.",
                ),
            )
            return HttpResponseRedirect("/connexion/")

    def post(self, request: HttpRequest) -> HttpResponse:
        # django-cas-ng's POST is the server's single-logout call; sessions are local here.
        raise Http404("Méthode non proposée.")

    def successful_login(self, request: HttpRequest, next_page: str) -> HttpResponse:
        if next_page in ("", settings.CAS_REDIRECT_URL):
            next_page = page_d_arrivee(request.user)
        return HttpResponseRedirect(next_page)
