"""The student's activity log: what they did on a day or a week of a stage, tied to the
missions of the catalogue and to the competences of the blocs, with optional attachments.

An entry hangs on a convention (the stage it tells about), never on the student alone: the
tutor who countersigns it and the référent who comments it are the convention's. Once the
tutor has countersigned, the entry is the host's word too, and the student can no longer
change it (journal.services refuses)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from core.validateurs import valider_date_bornee

# Bounds of what one entry may hold: a week's account, not a report.
ACTIVITES_MAX = 4000
COMMENTAIRE_MAX = 2000


class EntreeJournal(models.Model):
    convention = models.ForeignKey(
        "conventions.Convention",
        on_delete=models.CASCADE,
        related_name="entrees_journal",
        verbose_name="convention",
    )
    date_debut = models.DateField("du", validators=[valider_date_bornee])
    date_fin = models.DateField("au", validators=[valider_date_bornee])
    activites = models.TextField("ce que j'ai fait", max_length=ACTIVITES_MAX)
    missions = models.ManyToManyField(
        "referentiel.Mission", blank=True, related_name="entrees_journal", verbose_name="missions"
    )
    competences = models.ManyToManyField(
        "referentiel.Competence",
        blank=True,
        related_name="entrees_journal",
        verbose_name="compétences",
    )
    cree_le = models.DateTimeField("écrite le")
    modifie_le = models.DateTimeField("modifiée le")
    # The tutor's countersignature, through their space's link (no account): their name as
    # the link gave it, kept even if the link is later replaced.
    contresigne_le = models.DateTimeField("contresignée le", null=True, blank=True)
    contresigne_par = models.CharField("contresignée par", max_length=200, blank=True)
    commentaire_referent = models.TextField(
        "commentaire du référent", max_length=COMMENTAIRE_MAX, blank=True
    )
    commente_le = models.DateTimeField("commentée le", null=True, blank=True)
    commente_par = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="commentée par",
    )

    class Meta:
        verbose_name = "entrée du journal de stage"
        verbose_name_plural = "entrées du journal de stage"
        ordering = ("convention", "-date_debut", "-pk")
        constraints = [
            models.CheckConstraint(
                condition=Q(date_fin__gte=F("date_debut")),
                name="journal_entree_dates_ordonnees",
                violation_error_message="La fin doit suivre le début.",
            ),
        ]

    def __str__(self) -> str:
        if self.date_debut == self.date_fin:
            return f"Journal du {self.date_debut:%d/%m/%Y}"
        return f"Journal du {self.date_debut:%d/%m/%Y} au {self.date_fin:%d/%m/%Y}"

    @property
    def contresignee(self) -> bool:
        return self.contresigne_le is not None


def _chemin(piece: PieceJointe, nom: str) -> str:
    # One folder per convention; the name itself is drawn at random (journal.fichiers).
    return f"journal/convention-{piece.entree.convention_id}/{nom}"


class PieceJointe(models.Model):
    entree = models.ForeignKey(
        EntreeJournal, on_delete=models.CASCADE, related_name="pieces", verbose_name="entrée"
    )
    fichier = models.FileField("fichier", upload_to=_chemin, max_length=300)
    nom = models.CharField("nom du fichier", max_length=200)
    type_contenu = models.CharField("type", max_length=100)
    taille = models.PositiveIntegerField("taille (octets)")
    ajoutee_le = models.DateTimeField("ajoutée le")

    class Meta:
        verbose_name = "pièce jointe"
        verbose_name_plural = "pièces jointes"
        ordering = ("entree", "ajoutee_le", "pk")

    def __str__(self) -> str:
        return self.nom
