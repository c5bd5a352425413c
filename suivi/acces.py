"""Who writes a convention's follow-up: its référent (the convention's, or the student's
as conventions/acces.py says) and the administrators. Every member of staff reads it."""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from comptes.models import Utilisateur
from conventions.acces import peut_modifier
from conventions.models import Convention


def peut_suivre(utilisateur: AbstractBaseUser | AnonymousUser, convention: Convention) -> bool:
    if not isinstance(utilisateur, Utilisateur) or not utilisateur.is_active:
        return False
    referent = convention.referent
    if referent is not None and referent.utilisateur_id == utilisateur.pk:
        return True
    return peut_modifier(utilisateur, convention.etudiant)


def exiger_suivi(utilisateur: AbstractBaseUser | AnonymousUser, convention: Convention) -> None:
    if not peut_suivre(utilisateur, convention):
        raise PermissionDenied(
            "Seuls l'enseignant référent de ce stage et les administrateurs de la section "
            "écrivent son suivi."
        )
