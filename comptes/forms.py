"""Login and password forms: Django's, with the DSFR markup and our French wording."""

from __future__ import annotations

import unicodedata
from typing import Any

from axes.utils import reset as lever_la_suspension
from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm

from comptes.models import Utilisateur
from core.forms import DsfrForm

_ADRESSE_INVALIDE = {"invalid": "Saisissez une adresse e-mail valide, au format nom@domaine.fr."}


class ConnexionForm(DsfrForm, AuthenticationForm):
    username = forms.EmailField(
        label="Adresse e-mail",
        help_text="Format attendu : nom@domaine.fr",
        error_messages=_ADRESSE_INVALIDE,
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )
    password = forms.CharField(
        label="Mot de passe",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    error_messages = {
        # Never say which of the two was wrong: that would tell who has an account.
        "invalid_login": (
            "Adresse e-mail ou mot de passe incorrect. Vérifiez les deux (le mot de passe "
            "distingue majuscules et minuscules), ou choisissez « Mot de passe oublié ? »."
        ),
        "inactive": "Ce compte est désactivé. Adressez-vous à l'administrateur de la section.",
    }

    def clean_username(self) -> str:
        # Addresses are stored in lower case (comptes.models); people type them as they like.
        email: str = self.cleaned_data["username"]
        return email.lower()


class MotDePasseOublieForm(DsfrForm, PasswordResetForm):
    """Django's form, which also serves an account created without a password (a student
    invited from the class import who lost the invitation): Django leaves those out, taking
    an unusable password for "never by password"; here it only means "not chosen yet"."""

    email = forms.EmailField(
        label="Adresse e-mail",
        help_text="Celle de votre compte. Format attendu : nom@domaine.fr",
        error_messages=_ADRESSE_INVALIDE,
        max_length=254,
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )

    def get_users(self, email: str) -> Any:
        # Django's own guard kept: the address must match once Unicode is folded, so that a
        # look-alike address cannot receive another account's link.
        return (
            compte
            for compte in Utilisateur.objects.filter(email__iexact=email, is_active=True)
            if _meme_adresse(email, compte.email)
        )


def _meme_adresse(une: str, autre: str) -> bool:
    """Django's comparison of the reset form (NFKC, then casefold)."""
    return (
        unicodedata.normalize("NFKC", une).casefold()
        == unicodedata.normalize("NFKC", autre).casefold()
    )


class NouveauMotDePasseForm(DsfrForm, SetPasswordForm):  # type: ignore[type-arg]
    def save(self, commit: bool = True) -> Any:
        # Whoever chose a new password through the e-mailed link owns the account: its
        # suspension after wrong passwords (comptes/verrous.py) ends with it.
        utilisateur = super().save(commit)
        lever_la_suspension(username=utilisateur.email)
        return utilisateur
