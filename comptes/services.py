"""Writes on accounts. Errors are `ValidationError`s keyed by the arguments' names, in French."""

from __future__ import annotations

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from comptes.models import Role, Utilisateur

# Model field → argument of `utilisateur_creer`, so a form can put each error next to its field.
_ARGUMENTS = {"first_name": "prenom", "last_name": "nom", "password": "mot_de_passe"}


def utilisateur_creer(
    *, email: str, role: Role | str, prenom: str, nom: str, mot_de_passe: str | None = None
) -> Utilisateur:
    """Create an account; without a password it cannot log in until "Mot de passe oublié ?"."""
    email = Utilisateur.objects.normalize_email(email.strip()).lower()
    utilisateur = Utilisateur(
        email=email, role=role, first_name=prenom.strip(), last_name=nom.strip()
    )
    erreurs: dict[str, list[str]] = {}
    if not utilisateur.first_name:
        erreurs["prenom"] = ["Le prénom est obligatoire."]
    if not utilisateur.last_name:
        erreurs["nom"] = ["Le nom est obligatoire."]
    # The unique constraint is case-sensitive; an address is not.
    if email and Utilisateur.objects.filter(email__iexact=email).exists():
        erreurs["email"] = [f"Un compte existe déjà avec l'adresse {email}."]
    if mot_de_passe is None:
        utilisateur.set_unusable_password()
    else:
        try:
            validate_password(mot_de_passe, utilisateur)
        except ValidationError as exc:
            erreurs["mot_de_passe"] = exc.messages
        utilisateur.set_password(mot_de_passe)
    try:
        utilisateur.full_clean(exclude=["password"])
    except ValidationError as exc:
        for champ, messages in exc.message_dict.items():
            erreurs.setdefault(_ARGUMENTS.get(champ, champ), messages)
    if erreurs:
        raise ValidationError(erreurs)
    utilisateur.save()
    return utilisateur
