"""The students' search for a place: the applications a student logs (to a company found on
their own or through the section), and their interest in the section's offers, which the
staff may pass on to the company (« proposé à l'entreprise »).

An application names the stage period it is for (one of the student's cohort): the class
counters of a period read them (candidatures.selectors)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from core.validateurs import valider_date_bornee

# Bounds of what a student types: a line, not a letter.
NOM_MAX = 200
CONTACT_MAX = 200
NOTES_MAX = 2000


class Canal(models.TextChoices):
    COURRIEL = "courriel", "Courriel"
    TELEPHONE = "telephone", "Téléphone"
    SUR_PLACE = "sur_place", "Sur place"
    PLATEFORME = "plateforme", "Plateforme d'offres"
    RESEAU = "reseau", "Réseau (famille, relations, anciens)"


class Reponse(models.TextChoices):
    EN_ATTENTE = "en_attente", "En attente"
    ENTRETIEN = "entretien", "Entretien"
    ACCEPTEE = "acceptee", "Acceptée"
    REFUSEE = "refusee", "Refusée"
    SANS_REPONSE = "sans_reponse", "Sans réponse"


class Candidature(models.Model):
    etudiant = models.ForeignKey(
        "etablissement.Etudiant",
        on_delete=models.CASCADE,
        related_name="candidatures",
        verbose_name="étudiant",
    )
    periode = models.ForeignKey(
        "etablissement.PeriodePromotion",
        on_delete=models.PROTECT,
        related_name="candidatures",
        verbose_name="période de stage",
    )
    organisme_nom = models.CharField("entreprise ou organisme", max_length=NOM_MAX)
    # Linked when the name is one the section already knows (candidatures.services).
    organisme = models.ForeignKey(
        "organismes.OrganismeAccueil",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="candidatures",
        verbose_name="organisme connu de la section",
    )
    contact = models.CharField("contact", max_length=CONTACT_MAX, blank=True)
    canal = models.CharField("canal", max_length=12, choices=Canal.choices)
    date = models.DateField("date", validators=[valider_date_bornee])
    reponse = models.CharField(
        "réponse", max_length=12, choices=Reponse.choices, default=Reponse.EN_ATTENTE
    )
    notes = models.TextField("notes", max_length=NOTES_MAX, blank=True)
    cree_le = models.DateTimeField("notée le")
    modifie_le = models.DateTimeField("modifiée le")

    class Meta:
        verbose_name = "candidature"
        verbose_name_plural = "candidatures"
        ordering = ("etudiant", "-date", "-pk")
        indexes = [models.Index(fields=["periode", "etudiant"], name="candidature_periode")]

    def __str__(self) -> str:
        return f"{self.organisme_nom} ({self.date:%d/%m/%Y})"


class InteretOffre(models.Model):
    """A student's « Cette offre m'intéresse » on an accepted offer; the staff may propose
    the student to the company, whose follow-up page then shows their first name."""

    etudiant = models.ForeignKey(
        "etablissement.Etudiant",
        on_delete=models.CASCADE,
        related_name="interets",
        verbose_name="étudiant",
    )
    proposition = models.ForeignKey(
        "public.PropositionStage",
        on_delete=models.CASCADE,
        related_name="interets",
        verbose_name="offre",
    )
    cree_le = models.DateTimeField("marqué le")
    propose_le = models.DateTimeField("proposé à l'entreprise le", null=True, blank=True)
    propose_par = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="proposé par",
    )

    class Meta:
        verbose_name = "intérêt pour une offre"
        verbose_name_plural = "intérêts pour une offre"
        ordering = ("proposition", "cree_le", "pk")
        constraints = [
            models.UniqueConstraint(
                fields=["etudiant", "proposition"], name="interet_unique_par_offre"
            )
        ]

    def __str__(self) -> str:
        return f"{self.etudiant} → {self.proposition}"

    @property
    def propose(self) -> bool:
        return self.propose_le is not None


class RappelRecherche(models.Model):
    """A day the section sets for a period: from that day on, `manage.py relances` writes once
    to each student of the cohort who still has no place for it (candidatures.rappels)."""

    periode = models.ForeignKey(
        "etablissement.PeriodePromotion",
        on_delete=models.CASCADE,
        related_name="rappels_recherche",
        verbose_name="période de stage",
    )
    jour = models.DateField("jour du rappel", validators=[valider_date_bornee])
    cree_par = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="prévu par",
    )

    class Meta:
        verbose_name = "rappel aux étudiants sans place"
        verbose_name_plural = "rappels aux étudiants sans place"
        ordering = ("jour", "pk")
        constraints = [
            models.UniqueConstraint(fields=["periode", "jour"], name="rappel_unique_par_jour")
        ]

    def __str__(self) -> str:
        return f"Rappel du {self.jour:%d/%m/%Y}"


class RappelEnvoye(models.Model):
    """One reminder sent to one student: never twice (unique), written in the same transaction
    as the e-mail is queued."""

    rappel = models.ForeignKey(RappelRecherche, on_delete=models.CASCADE, related_name="envois")
    etudiant = models.ForeignKey(
        "etablissement.Etudiant", on_delete=models.CASCADE, related_name="+"
    )
    envoye_le = models.DateTimeField("envoyé le")

    class Meta:
        verbose_name = "rappel envoyé"
        verbose_name_plural = "rappels envoyés"
        constraints = [
            models.UniqueConstraint(fields=["rappel", "etudiant"], name="rappel_envoye_unique")
        ]

    def __str__(self) -> str:
        return f"{self.rappel} à {self.etudiant}"
