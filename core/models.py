from __future__ import annotations

from django.conf import settings
from django.db import models

from core import audit


class CourrielEnvoye(models.Model):
    """A copy of an e-mail the application sent, kept by core.courrier only where
    settings.COURRIELS_LISIBLES (the demo), to be read in the browser with its links. Never
    kept elsewhere: its text may hold a personal link (signature, follow-up, password)."""

    envoye_le = models.DateTimeField("envoyé le")
    expediteur = models.CharField("expéditeur", max_length=254)
    destinataires = models.TextField("destinataires")
    sujet = models.CharField("objet", max_length=255)
    corps = models.TextField("texte")

    class Meta:
        verbose_name = "courriel envoyé"
        verbose_name_plural = "courriels envoyés"
        ordering = ("-envoye_le", "-pk")

    def __str__(self) -> str:
        return f"{self.sujet} à {self.destinataires} le {self.envoye_le:%d/%m/%Y}"


class EvenementBase(models.Model):
    """One row of the audit trail: what happened (an Action of core.audit), who did it
    (nobody: the system or a company by its link), when, why, and the details (before/after).

    Each concrete trail adds the foreign key to what it describes, with on_delete=PROTECT:
    a record with a history is not deleted behind its history's back."""

    action = models.CharField("action", max_length=40, choices=audit.choix)
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="par",
    )
    horodatage = models.DateTimeField("le", auto_now_add=True)
    commentaire = models.TextField("commentaire", blank=True)
    donnees = models.JSONField("détails", default=dict, blank=True)

    class Meta:
        abstract = True
        ordering = ("horodatage", "pk")

    @property
    def libelle(self) -> str:
        return audit.libelle(self.action)
