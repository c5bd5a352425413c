from __future__ import annotations

from django.conf import settings
from django.db import models


class Depot(models.Model):
    """An uploaded list between its preview and its confirmation (echanges/imports/depot.py).

    The row, not the browser, holds the file: the confirmation re-reads the very bytes that
    were previewed. Once imported, the file is dropped and the row stays a little while,
    marked, so that a second confirmation of the same preview (a double click, a second
    tab) finds it already imported and writes nothing."""

    jeton = models.CharField(max_length=64, unique=True)
    auteur = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sorte = models.CharField(max_length=20)  # which import: "etudiants", "organismes"
    nom_fichier = models.CharField(max_length=255)
    contenu = models.BinaryField()
    parametres = models.JSONField()  # what the form chose: the promotion, the month…
    depose_le = models.DateTimeField()
    importe_le = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "fichier en attente d'import"
        verbose_name_plural = "fichiers en attente d'import"

    def __str__(self) -> str:
        return f"{self.nom_fichier} ({self.depose_le:%d/%m/%Y %H:%M})"
