"""Single sign-on through OpenID Connect (the académie's ENT, an EduConnect-like provider),
by mozilla-django-oidc, when the environment names a provider (settings.OIDC_RP_CLIENT_ID;
README « Connexion par l'ENT »).

An identity from the provider opens the Stages account with the same e-mail address, if
there is exactly one and it is active; it never creates an account: accounts are created by
the section (an unknown address is refused with a message that says so). Local accounts and
passwords keep working beside it."""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)

from comptes.acces import page_d_arrivee
from comptes.models import Utilisateur

logger = logging.getLogger(__name__)

# Why an identity was refused, kept on the request by the backend for the callback's message.
_MOTIF = "stages_motif_refus_sso"


def sans_compte(email: str) -> str:
    """Why an identity from the ENT (OIDC or CAS) opens nothing: no active account has its
    address."""
    return (
        f"Aucun compte Stages actif n'a l'adresse {email}. Les comptes sont créés par la "
        "section : demandez-lui de vous inviter avec cette adresse, ou connectez-vous avec "
        "votre mot de passe."
    )


def actif() -> bool:
    """Whether a provider is configured (the login page then offers it)."""
    return bool(settings.OIDC_RP_CLIENT_ID)


class Backend(OIDCAuthenticationBackend):  # type: ignore[misc]
    def verify_claims(self, claims: dict[str, Any]) -> bool:
        if not claims.get("email"):
            setattr(
                self.request,
                _MOTIF,
                "Le fournisseur d'identité n'a pas transmis d'adresse e-mail : "
                "la connexion par l'ENT est impossible pour ce compte.",
            )
            return False
        return True

    def filter_users_by_claims(self, claims: dict[str, Any]) -> Any:
        email = str(claims.get("email", "")).strip()
        comptes = Utilisateur.objects.filter(email__iexact=email, is_active=True)
        if not comptes.exists():
            setattr(
                self.request,
                _MOTIF,
                sans_compte(email),
            )
        return comptes


def _configure(request: HttpRequest) -> None:
    if not actif():
        raise Http404("La connexion par l'ENT n'est pas proposée ici.")


class Demande(OIDCAuthenticationRequestView):  # type: ignore[misc]
    """« Se connecter avec l'ENT »: off to the provider (state, nonce and PKCE kept in the
    session by the library)."""

    def get(self, request: HttpRequest) -> HttpResponse:
        _configure(request)
        return super().get(request)  # type: ignore[no-any-return]


class Retour(OIDCAuthenticationCallbackView):  # type: ignore[misc]
    """The provider's answer: logged in and landing where the role works, or back to the
    login page with the reason."""

    def get(self, request: HttpRequest) -> HttpResponse:
        _configure(request)
        try:
            return super().get(request)  # type: ignore[no-any-return]
        except SuspiciousOperation as refus:
            # An answer that is not for this browser's request (an unknown state, an ID token
            # with another nonce, an old link used again): logged, and refused in words.
            logger.warning("Connexion par l'ENT refusée : %s", refus)
            return self.login_failure()

    @property
    def success_url(self) -> str:
        demandee = self.request.session.get("oidc_login_next")
        return str(demandee) if demandee else page_d_arrivee(self.user)

    def login_failure(self) -> HttpResponse:
        messages.error(
            self.request,
            getattr(
                self.request,
                _MOTIF,
                "La connexion par l'ENT n'a pas abouti (refusée ou interrompue). "
                "Réessayez, ou connectez-vous avec votre adresse e-mail et votre mot de passe.",
            ),
        )
        return super().login_failure()  # type: ignore[no-any-return]
