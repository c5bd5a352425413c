"""Accounts: staff and students log in with their e-mail address; the role decides access."""

from __future__ import annotations

from typing import Any, ClassVar

from django.contrib.auth.base_user import BaseUserManager
from django.contrib.auth.models import AbstractUser
from django.db import models


class Role(models.TextChoices):
    ADMINISTRATEUR = "administrateur", "Administrateur"  # the whole section (chef de travaux)
    ENSEIGNANT = "enseignant", "Enseignant"  # writes for the students they follow
    ETUDIANT = "etudiant", "Étudiant"  # their own data, read-only


class UtilisateurManager(BaseUserManager["Utilisateur"]):
    use_in_migrations = True

    def _creer(self, email: str, password: str | None, **champs: Any) -> Utilisateur:
        if not email:
            raise ValueError("L'adresse e-mail est obligatoire")
        utilisateur = self.model(email=self.normalize_email(email).lower(), **champs)
        utilisateur.set_password(password)
        utilisateur.full_clean(exclude=["password"])
        utilisateur.save(using=self._db)
        return utilisateur

    def create_user(self, email: str, password: str | None = None, **champs: Any) -> Utilisateur:
        champs.setdefault("is_staff", False)
        champs.setdefault("is_superuser", False)
        return self._creer(email, password, **champs)

    def create_superuser(
        self, email: str, password: str | None = None, **champs: Any
    ) -> Utilisateur:
        champs.update(is_staff=True, is_superuser=True, role=Role.ADMINISTRATEUR)
        return self._creer(email, password, **champs)


class Utilisateur(AbstractUser):
    username = None  # type: ignore[assignment]
    email = models.EmailField("adresse e-mail", unique=True)
    role = models.CharField("rôle", max_length=20, choices=Role.choices, default=Role.ENSEIGNANT)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    objects = UtilisateurManager()  # type: ignore[assignment, misc]

    class Meta:
        verbose_name = "utilisateur"
        verbose_name_plural = "utilisateurs"
        ordering = ("last_name", "first_name", "email")

    def __str__(self) -> str:
        nom = self.get_full_name()
        return f"{nom} <{self.email}>" if nom else self.email

    @property
    def est_administrateur(self) -> bool:
        return self.is_superuser or self.role == Role.ADMINISTRATEUR

    @property
    def est_enseignant(self) -> bool:
        return self.role == Role.ENSEIGNANT

    @property
    def est_etudiant(self) -> bool:
        return self.role == Role.ETUDIANT
