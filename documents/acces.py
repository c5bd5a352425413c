"""Who may generate a convention's documents and open their signature circuit: whoever may
change the convention (conventions/acces.py: an administrator, or the teacher who follows
the student). Every member of staff may download what was generated."""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser

from conventions.acces import exiger_modification, peut_modifier
from conventions.models import Convention


def peut_generer(utilisateur: AbstractBaseUser | AnonymousUser, convention: Convention) -> bool:
    return peut_modifier(utilisateur, convention.etudiant)


def exiger_generation(
    utilisateur: AbstractBaseUser | AnonymousUser, convention: Convention
) -> None:
    exiger_modification(utilisateur, convention.etudiant)
