"""Personal API tokens: a member of staff's key for scripts and other systems, kept only as
its SHA-256 hash with a short visible prefix, revocable, optionally expiring."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone

from core.validateurs import valider_date_bornee


class Portee(models.TextChoices):
    LECTURE = "lecture", "Lecture seule"
    ECRITURE = "ecriture", "Lecture et écriture"


class JetonApi(models.Model):
    utilisateur = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="jetons_api"
    )
    libelle = models.CharField("libellé", max_length=100)
    # The clear key is shown once at creation and never stored: its hash finds it back.
    empreinte = models.CharField("empreinte SHA-256", max_length=64, unique=True)
    prefixe = models.CharField("début de la clé", max_length=12)
    portee = models.CharField("portée", max_length=10, choices=Portee.choices)
    cree_le = models.DateTimeField("créé le", auto_now_add=True)
    utilise_le = models.DateTimeField("dernière utilisation", null=True, blank=True)
    revoque_le = models.DateTimeField("révoqué le", null=True, blank=True)
    expire_le = models.DateField(
        "valable jusqu'au", null=True, blank=True, validators=[valider_date_bornee]
    )

    class Meta:
        verbose_name = "jeton d'API"
        verbose_name_plural = "jetons d'API"
        ordering = ("-cree_le", "-pk")

    def __str__(self) -> str:
        # Also the key of the rate limit (ninja hashes str(request.auth)): never the secret.
        return f"jeton d'API n° {self.pk}"

    def valide(self, *, le: datetime) -> bool:
        """Neither revoked nor past its last day (`le` is the request's time)."""
        return self.revoque_le is None and (
            self.expire_le is None or timezone.localdate(le) <= self.expire_le
        )

    @property
    def ecriture(self) -> bool:
        return self.portee == Portee.ECRITURE
