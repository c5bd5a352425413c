"""A student's account, and the e-mail « Activez votre compte Stages » that lets them in.

The account is created (or an existing student account with the same address is linked)
without a usable password: nobody knows one. The e-mail carries Django's password-reset
token (PasswordResetTokenGenerator: nothing stored, it expires after
settings.PASSWORD_RESET_TIMEOUT and dies once the password is chosen) to the activation page
(comptes:activer, the « mot de passe oublié » page with the invitation's words), which logs
the student in to « Mon stage ». It goes only to the account's address (the student's record's), after
the commit (core.courrier.apres_validation). Sent again on request (the staff's button on
the student's page): a new link, the old one still valid until it expires or is used.
Used by the class import (echanges/imports/etudiants.py) and the student's page.
"""

from __future__ import annotations

from functools import partial

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from comptes.models import Role, Utilisateur
from comptes.services import utilisateur_creer
from core.courrier import apres_validation
from etablissement.models import Etudiant


def _compte(etudiant: Etudiant) -> Utilisateur:
    """The account to link to `etudiant`: a student account of that address not linked to
    another student, else a new one. Raises ValidationError for a staff member's address."""
    compte = Utilisateur.objects.filter(email__iexact=etudiant.email).first()
    if compte is None:
        return utilisateur_creer(
            email=etudiant.email, role=Role.ETUDIANT, prenom=etudiant.prenom, nom=etudiant.nom
        )
    if compte.role != Role.ETUDIANT or compte.is_superuser:
        raise ValidationError(
            f"L'adresse {etudiant.email} est celle d'un compte du personnel : corrigez "
            "l'adresse e-mail de l'étudiant."
        )
    autre = Etudiant.objects.filter(utilisateur=compte).exclude(pk=etudiant.pk).first()
    if autre is not None:
        raise ValidationError(
            f"L'adresse {etudiant.email} est déjà celle du compte de {autre} : corrigez "
            "l'adresse e-mail de l'étudiant."
        )
    return compte


def etudiant_inviter(*, etudiant: Etudiant) -> Utilisateur:
    """Create or link the student's account and send the invitation after the commit.
    Raises ValidationError (no e-mail, an address already someone else's)."""
    with transaction.atomic():
        etudiant = (
            Etudiant.objects.select_for_update(of=("self",))
            .select_related("utilisateur")
            .get(pk=etudiant.pk)
        )
        if not etudiant.email:
            raise ValidationError(
                f"{etudiant} n'a pas d'adresse e-mail : ajoutez-la à sa fiche pour l'inviter."
            )
        compte = etudiant.utilisateur
        if compte is None:
            compte = _compte(etudiant)
            etudiant.utilisateur = compte
            etudiant.full_clean()
            etudiant.save(update_fields=["utilisateur"])
        if not compte.is_active:
            raise ValidationError(
                f"Le compte de {etudiant} est désactivé : un administrateur doit le réactiver."
            )
        apres_validation(partial(_envoyer, compte.pk))
    return compte


def lien_activation(compte: Utilisateur) -> str:
    uid = urlsafe_base64_encode(force_bytes(compte.pk))
    jeton = default_token_generator.make_token(compte)
    chemin = reverse("comptes:activer", kwargs={"uidb64": uid, "token": jeton})
    return f"{settings.SITE_URL}{chemin}"


def _envoyer(pk: int) -> None:
    compte = Utilisateur.objects.get(pk=pk)
    jours = max(1, settings.PASSWORD_RESET_TIMEOUT // (24 * 3600))
    lignes = [
        f"Bonjour {compte.first_name},".replace(" ,", ","),
        "",
        "La section de BTS de votre lycée suit vos stages avec Stages : vos conventions, "
        "vos jours de stage, vos documents, et vos demandes de convention.",
        "",
        "Pour activer votre compte, choisissez votre mot de passe en ouvrant ce lien "
        f"(il ne sert qu'une fois et reste valable {jours} jour{'s' if jours > 1 else ''}) :",
        lien_activation(compte),
        "",
        f"Votre identifiant de connexion est votre adresse e-mail : {compte.email}",
        "",
        "Lien expiré ? Demandez à votre enseignant référent de vous renvoyer l'invitation.",
        "",
        "Stages",
    ]
    send_mail(
        subject="Activez votre compte Stages",
        message="\n".join(lignes),
        from_email=None,
        recipient_list=[compte.email],
    )
