"""Who may generate a convention's documents: an administrator for every convention, a
teacher for the students they follow (the convention's référent or the student's), the same
rule as changing a convention. Every member of staff may download what was generated.

conventions/acces.py (in progress in the working tree when this was written) will hold the
project-wide helper; `peut_generer` should then delegate to it."""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from comptes.models import Utilisateur
from conventions.models import Convention


def peut_generer(utilisateur: AbstractBaseUser | AnonymousUser, convention: Convention) -> bool:
    if not isinstance(utilisateur, Utilisateur) or not utilisateur.is_active:
        return False
    if utilisateur.est_administrateur:
        return True
    if not utilisateur.est_enseignant:
        return False
    suivis = {convention.referent, convention.etudiant.referent}
    return any(e is not None and e.utilisateur_id == utilisateur.pk for e in suivis)


def exiger_generation(
    utilisateur: AbstractBaseUser | AnonymousUser, convention: Convention
) -> None:
    if not peut_generer(utilisateur, convention):
        raise PermissionDenied(
            "Seul le référent de l'étudiant ou un administrateur génère ses documents."
        )
