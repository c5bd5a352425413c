"""Who may open which page: one helper, `peut_acceder`, and the two view decorators built on it.

An anonymous visitor is sent to the login page; a logged-in user without the role gets a 403
(French page `templates/403.html`). The administrator runs the whole section, so they pass
wherever a teacher may go, but not into a student-only page (there is nothing of theirs there).
Every page is also listed in `tests/acces/matrice.py`, which checks these rules page by page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps
from typing import Concatenate, ParamSpec

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponseBase
from django.shortcuts import resolve_url

from comptes.models import Role, Utilisateur

PERSONNEL: frozenset[Role] = frozenset({Role.ADMINISTRATEUR, Role.ENSEIGNANT})

P = ParamSpec("P")
Vue = Callable[Concatenate[HttpRequest, P], HttpResponseBase]


def peut_acceder(utilisateur: AbstractBaseUser | AnonymousUser, roles: Iterable[Role]) -> bool:
    """Say whether this user holds one of `roles` (the administrator holds every staff role)."""
    if not isinstance(utilisateur, Utilisateur) or not utilisateur.is_active:
        return False
    admis = frozenset(roles)
    if utilisateur.role in admis:
        return True
    return utilisateur.est_administrateur and not admis.isdisjoint(PERSONNEL)


def role_requis(*roles: Role) -> Callable[[Vue[P]], Vue[P]]:
    """Open the view to the users holding one of `roles`: `@role_requis(Role.ETUDIANT)`."""
    inconnus = [role for role in roles if role not in Role.values]
    if not roles or inconnus:
        # Fail at import, not at the first request: a typo here would lock everybody out.
        raise ValueError(f"role_requis attend des rôles parmi {Role.values}, pas {inconnus}")
    exiges = frozenset(Role(role) for role in roles)

    def decorateur(vue: Vue[P]) -> Vue[P]:
        @wraps(vue)
        def vue_gardee(
            request: HttpRequest, /, *args: P.args, **kwargs: P.kwargs
        ) -> HttpResponseBase:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not peut_acceder(request.user, exiges):
                raise PermissionDenied("Votre compte ne donne pas accès à cette page.")
            return vue(request, *args, **kwargs)

        return vue_gardee

    return decorateur


personnel_requis = role_requis(Role.ADMINISTRATEUR, Role.ENSEIGNANT)
personnel_requis.__doc__ = "Open the view to the section's staff: administrators and teachers."


def page_d_arrivee(utilisateur: AbstractBaseUser | AnonymousUser) -> str:
    """Where a login without a page asked for lands: the staff on their dashboard, a student
    on « Mon stage », anyone else on the home page."""
    if peut_acceder(utilisateur, PERSONNEL):
        return resolve_url("pilotage:tableau_de_bord")
    if peut_acceder(utilisateur, {Role.ETUDIANT}):
        return resolve_url("etablissement:mon_stage")
    return resolve_url(settings.LOGIN_REDIRECT_URL)
