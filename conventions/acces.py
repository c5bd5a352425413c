"""Who may change a convention. Every member of staff reads every convention (a colleague
stands in, the chef de travaux steers the section); a teacher changes only those of the
students they follow (`Etudiant.referent` → `Enseignant.utilisateur`), an administrator
every one. Pages stay behind `comptes.acces.personnel_requis`; this rule decides, inside
them, which buttons show and which requests get a 403.

Every view that writes (form, transition, acknowledgement, presence log, avenant) calls
`exiger_modification` before it touches anything: one rule, one place."""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from comptes.models import Utilisateur
from etablissement.models import Etudiant


def peut_modifier(utilisateur: AbstractBaseUser | AnonymousUser, etudiant: Etudiant) -> bool:
    """Whether this user may change the conventions of `etudiant` (no query when the
    student's référent was loaded with it: `select_related("etudiant__referent")`)."""
    if not isinstance(utilisateur, Utilisateur) or not utilisateur.is_active:
        return False
    if utilisateur.est_administrateur:
        return True
    if not utilisateur.est_enseignant or etudiant.referent_id is None:
        return False
    referent = etudiant.referent
    return referent is not None and referent.utilisateur_id == utilisateur.pk


def exiger_modification(utilisateur: AbstractBaseUser | AnonymousUser, etudiant: Etudiant) -> None:
    """Refuse (403) a change by someone who does not follow this student."""
    if not peut_modifier(utilisateur, etudiant):
        raise PermissionDenied(
            f"Vous pouvez consulter les conventions de {etudiant} ; seuls son enseignant "
            "référent et les administrateurs de la section peuvent les modifier."
        )


def etudiants_modifiables(
    utilisateur: AbstractBaseUser | AnonymousUser, etudiants: QuerySet[Etudiant]
) -> QuerySet[Etudiant]:
    """`etudiants` narrowed by the same rule: a teacher chooses among those they follow."""
    if not isinstance(utilisateur, Utilisateur) or not utilisateur.is_active:
        return etudiants.none()
    if utilisateur.est_administrateur:
        return etudiants
    if not utilisateur.est_enseignant:
        return etudiants.none()
    return etudiants.filter(referent__utilisateur=utilisateur)
