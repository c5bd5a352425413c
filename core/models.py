from __future__ import annotations

from django.db import models


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
