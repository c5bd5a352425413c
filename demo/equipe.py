"""The demo's accounts and teaching team: the head of the tertiary section (administrator),
three teachers with their accounts, each référent of a third of the students."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from django.contrib.auth.hashers import PBKDF2PasswordHasher, get_hasher, make_password

from comptes.models import Role, Utilisateur
from comptes.services import utilisateur_creer
from demo.personnes import (
    ADMINISTRATRICE,
    CHEF_ETABLISSEMENT,
    ENSEIGNANTS,
    MOTS_DE_PASSE,
    Personne,
)
from etablissement.models import Enseignant, Etablissement
from etablissement.services import enseignant_creer


@dataclass
class Equipe:
    administratrice: Utilisateur
    enseignants: list[Enseignant]

    def compte(self, referent_id: int | None) -> Utilisateur:
        """The account that acts for the référent `referent_id` (the administrator when there
        is none); by id, so that a convention just refreshed is not queried for its référent."""
        for enseignant in self.enseignants:
            if enseignant.pk == referent_id and enseignant.utilisateur is not None:
                return enseignant.utilisateur
        return self.administratrice


@functools.cache
def _empreinte(mot_de_passe: str) -> str:
    """One hash per role's password, at a low work factor: these passwords are printed for
    anyone to read, so a slow hash would protect nothing and cost seconds at each build.
    Django hashes again at full strength when the account first logs in (`must_update`)."""
    hasher = get_hasher()
    if isinstance(hasher, PBKDF2PasswordHasher):
        return hasher.encode(mot_de_passe, hasher.salt(), iterations=1_000)
    return make_password(mot_de_passe)


def compte_creer(personne: Personne, role: Role) -> Utilisateur:
    compte = utilisateur_creer(
        email=personne.email, role=role, prenom=personne.prenom, nom=personne.nom
    )
    compte.password = _empreinte(MOTS_DE_PASSE[role])
    compte.save(update_fields=["password"])
    return compte


def equipe_creer() -> Equipe:
    Etablissement.objects.filter(chef_etablissement_nom="").update(
        chef_etablissement_nom=CHEF_ETABLISSEMENT
    )
    administratrice = compte_creer(ADMINISTRATRICE, Role.ADMINISTRATEUR)
    enseignants = [
        enseignant_creer(
            nom=p.nom,
            prenom=p.prenom,
            email=p.email,
            telephone=f"05 56 00 00 {rang + 11}",
            utilisateur=compte_creer(p, Role.ENSEIGNANT),
        )
        for rang, p in enumerate(ENSEIGNANTS)
    ]
    return Equipe(administratrice=administratrice, enseignants=enseignants)
