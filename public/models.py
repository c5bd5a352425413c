"""A stage offered by a company from the public space: the section's staff follow it up.

Kept apart from the host organisations (organismes/): a proposal is what a visitor typed,
unchecked; the staff create the organisation and the convention from it."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from etablissement.models import PeriodePromotion
from organismes.validators import valider_siren
from referentiel.models import Mission


class PropositionStage(models.Model):
    cree_le = models.DateTimeField("reçue le", auto_now_add=True)
    entreprise = models.CharField("entreprise", max_length=200)
    siren = models.CharField(
        "SIREN",
        max_length=9,
        blank=True,
        validators=[valider_siren],
        help_text="9 chiffres, facultatif.",
    )
    ville = models.CharField("ville", max_length=100)
    contact_nom = models.CharField("nom du contact", max_length=200)
    contact_fonction = models.CharField("fonction", max_length=200, blank=True)
    contact_email = models.EmailField("adresse e-mail")
    contact_telephone = models.CharField("téléphone", max_length=20, blank=True)
    nombre_stagiaires = models.PositiveSmallIntegerField(
        "nombre de stagiaires",
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
    )
    periodes = models.ManyToManyField(
        PeriodePromotion, blank=True, related_name="propositions", verbose_name="périodes"
    )
    missions = models.ManyToManyField(
        Mission, blank=True, related_name="propositions", verbose_name="missions envisagées"
    )
    message = models.TextField("précisions", blank=True)
    traitee = models.BooleanField("traitée", default=False)

    class Meta:
        verbose_name = "proposition de stage"
        verbose_name_plural = "propositions de stage"
        ordering = ("-cree_le",)

    def __str__(self) -> str:
        return f"{self.entreprise} ({self.cree_le:%d/%m/%Y})"
