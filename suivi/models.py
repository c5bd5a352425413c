"""The référent's follow-up of a stage: each contact with the host (call, e-mail, visit,
meeting), and the visits, proposed as slots the tutor picks in their space, then reported.

The law asks the référent to check on the stage with the tutor (L124-2 3°, D124-3: R-REF-1);
the convention promises how (clause 7° « modalités d'encadrement et de suivi »). The log is
the evidence; suivi/echeances.py says which promised contact is late."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from core.validateurs import valider_date_bornee


class Nature(models.TextChoices):
    APPEL = "appel", "Appel"
    COURRIEL = "courriel", "E-mail"
    VISITE = "visite", "Visite"
    RENCONTRE = "rencontre", "Rencontre"


class Contact(models.Model):
    """One contact of the référent (or a colleague) with the host about a convention."""

    convention = models.ForeignKey(
        "conventions.Convention", on_delete=models.CASCADE, related_name="contacts_suivi"
    )
    nature = models.CharField("nature", max_length=20, choices=Nature.choices)
    le = models.DateField("date", validators=[valider_date_bornee])
    avec = models.CharField("avec qui", max_length=200)
    note = models.TextField("note", blank=True)
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="noté par",
    )
    visite = models.OneToOneField(
        "suivi.Visite",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contact",
    )
    cree_le = models.DateTimeField("noté le")

    class Meta:
        verbose_name = "contact de suivi"
        verbose_name_plural = "contacts de suivi"
        ordering = ("-le", "-pk")

    def __str__(self) -> str:
        return f"{self.get_nature_display()} du {self.le:%d/%m/%Y} ({self.convention_id})"


class EtatVisite(models.TextChoices):
    PROPOSEE = "proposee", "Créneaux proposés"
    PLANIFIEE = "planifiee", "Créneau choisi"
    FAITE = "faite", "Visite faite"
    ANNULEE = "annulee", "Annulée"


class AvisAccueil(models.TextChoices):
    TRES_SATISFAISANT = "tres_satisfaisant", "Très satisfaisant"
    SATISFAISANT = "satisfaisant", "Satisfaisant"
    PEU_SATISFAISANT = "peu_satisfaisant", "Peu satisfaisant"
    INSATISFAISANT = "insatisfaisant", "Insatisfaisant"


class AccueilPossible(models.TextChoices):
    OUI = "oui", "Oui"
    NON = "non", "Non"
    RESERVES = "reserves", "Oui, avec réserves"


class Visite(models.Model):
    """A visit of the référent to the host: slots proposed, one picked by the tutor, then the
    report written after it (which marks it done and adds a Contact « visite »)."""

    convention = models.ForeignKey(
        "conventions.Convention", on_delete=models.CASCADE, related_name="visites"
    )
    referent = models.ForeignKey(
        "etablissement.Enseignant",
        on_delete=models.PROTECT,
        related_name="visites",
        verbose_name="enseignant référent",
    )
    etat = models.CharField("état", max_length=20, choices=EtatVisite.choices)
    creneau = models.OneToOneField(
        "suivi.Creneau",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="créneau choisi",
    )
    proposee_le = models.DateTimeField("proposée le")
    choisie_le = models.DateTimeField("créneau choisi le", null=True, blank=True)
    annulee_le = models.DateTimeField("annulée le", null=True, blank=True)
    kilometres = models.DecimalField(
        "kilomètres parcourus (aller-retour)",
        max_digits=6,
        decimal_places=1,
        null=True,
        blank=True,
    )
    # The report, on a phone after the visit.
    personnes_rencontrees = models.CharField("personnes rencontrées", max_length=300, blank=True)
    avis_accueil = models.CharField(
        "avis de l'organisme sur le stagiaire",
        max_length=20,
        choices=AvisAccueil.choices,
        blank=True,
    )
    commentaire_accueil = models.TextField("commentaires de l'organisme", blank=True)
    avis_referent = models.TextField("avis du référent", blank=True)
    accueil_possible = models.CharField(
        "peut accueillir à nouveau", max_length=20, choices=AccueilPossible.choices, blank=True
    )
    compte_rendu_le = models.DateTimeField("compte rendu écrit le", null=True, blank=True)

    class Meta:
        verbose_name = "visite"
        verbose_name_plural = "visites"
        ordering = ("-proposee_le", "-pk")

    def __str__(self) -> str:
        return f"Visite n° {self.pk} ({self.get_etat_display().lower()})"


class Creneau(models.Model):
    """One slot proposed to the tutor: a day, a start time, a duration, a place (the host
    site's address unless the référent wrote another)."""

    visite = models.ForeignKey(Visite, on_delete=models.CASCADE, related_name="creneaux")
    jour = models.DateField("jour", validators=[valider_date_bornee])
    heure = models.TimeField("heure de début")
    duree_minutes = models.PositiveSmallIntegerField("durée (minutes)")
    lieu = models.CharField("lieu", max_length=300)

    class Meta:
        verbose_name = "créneau de visite"
        verbose_name_plural = "créneaux de visite"
        ordering = ("jour", "heure", "pk")

    def __str__(self) -> str:
        return f"{self.jour:%d/%m/%Y} à {self.heure:%H:%M}"
