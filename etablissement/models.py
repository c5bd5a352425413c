"""The school, its cohorts and their stage calendar, its students and teachers.

One installation serves one school (`Etablissement`, seeded with the Lycée Gustave Eiffel);
the records below do not point at it. The school year's start, the number of years of study
and the days expected per year are settings of `regles/parametres/reglages/`, read at the
cohort's start: nothing here writes 40 or 1 September down.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import (
    FileExtensionValidator,
    MaxValueValidator,
    MinValueValidator,
    RegexValidator,
)
from django.db import models
from django.db.models import Q

from comptes.models import Role
from core.recherche import avec_recherche, normaliser
from core.validateurs import valider_date_bornee
from etablissement.validators import valider_ine, valider_uai
from referentiel.models import Formation, VersionReferentiel
from referentiel.selectors import version_en_vigueur
from regles.bornes import DATE_MAX
from regles.mineurs import est_mineur
from regles.parametres import parametres
from regles.presence import bornes_annee_scolaire, rentree

_code_postal = RegexValidator(r"^[0-9]{5}$", "Le code postal compte 5 chiffres.")

# A training of a few years must end within the bounds of every date (31/12/2100).
ANNEE_DEBUT_MAX = DATE_MAX.year - 5


class Etablissement(models.Model):
    nom = models.CharField("nom", max_length=200)
    uai = models.CharField(
        "code UAI",
        max_length=8,
        unique=True,
        validators=[valider_uai],
        help_text="Immatriculation de l'établissement : 7 chiffres et une lettre clé.",
    )
    academie = models.CharField("académie", max_length=100, blank=True)
    adresse = models.TextField(
        "adresse", help_text="Voie, boîte postale ou CS, sur une ou plusieurs lignes."
    )
    code_postal = models.CharField("code postal", max_length=5, validators=[_code_postal])
    ville = models.CharField("ville", max_length=100)
    telephone = models.CharField("téléphone", max_length=20, blank=True)
    email = models.EmailField("adresse e-mail", blank=True)
    site = models.URLField("site web", blank=True)
    # A FileField rather than an ImageField: no Pillow dependency for one picture.
    logo = models.FileField(
        "logo",
        upload_to="etablissement/",
        blank=True,
        validators=[FileExtensionValidator(["png", "jpg", "jpeg", "svg", "webp"])],
    )
    chef_etablissement_nom = models.CharField(
        "chef d'établissement",
        max_length=200,
        blank=True,
        help_text="Signe les conventions au nom de l'établissement.",
    )
    chef_etablissement_qualite = models.CharField(
        "qualité du chef d'établissement",
        max_length=100,
        blank=True,
        help_text="Proviseur, proviseure…",
    )
    # The section's contact, printed for companies (brochure, mails to hosts).
    chef_travaux_nom = models.CharField("chef de travaux", max_length=200, blank=True)
    chef_travaux_fonction = models.CharField(
        "fonction du chef de travaux", max_length=200, blank=True
    )
    chef_travaux_telephone = models.CharField(
        "téléphone du chef de travaux", max_length=20, blank=True
    )
    chef_travaux_email = models.EmailField("e-mail du chef de travaux", blank=True)

    class Meta:
        verbose_name = "établissement"
        verbose_name_plural = "établissements"
        ordering = ("nom",)

    def __str__(self) -> str:
        return self.nom


class Promotion(models.Model):
    formation = models.ForeignKey(
        Formation, on_delete=models.PROTECT, related_name="promotions", verbose_name="formation"
    )
    version_referentiel = models.ForeignKey(
        VersionReferentiel,
        on_delete=models.PROTECT,
        related_name="promotions",
        verbose_name="version du référentiel",
        # Blank in a form: clean() takes the version that governs the cohort's exam session.
        blank=True,
        help_text="Vide : la version qui régit la session d'examen de la promotion.",
    )
    libelle = models.CharField(
        "libellé", max_length=100, unique=True, help_text="Par exemple NDRC 2025-2027."
    )
    annee_debut = models.PositiveSmallIntegerField(
        "année de début",
        validators=[MinValueValidator(2000), MaxValueValidator(ANNEE_DEBUT_MAX)],
        help_text="Année civile de la rentrée en 1re année.",
    )
    # Blank in a form: clean() fills it with the setting in force when the training starts.
    objectif_jours_par_annee = models.PositiveSmallIntegerField(
        "objectif de jours de stage par année",
        blank=True,
        help_text="Vide : le réglage de l'établissement en vigueur au début de la formation.",
    )

    class Meta:
        verbose_name = "promotion"
        verbose_name_plural = "promotions"
        ordering = ("-annee_debut", "libelle")

    def __str__(self) -> str:
        return self.libelle

    @property
    def debut_formation(self) -> date:
        """The first day of year 1 (the school year's start, a setting)."""
        return rentree(self.annee_debut, parametres())

    @property
    def nombre_annees(self) -> int:
        return parametres().entier("reglages.ndrc_annees", self.debut_formation)

    @property
    def session_examen(self) -> int:
        """The exam session at the end of the last year of study."""
        return self.annee_debut + self.nombre_annees

    def bornes_annee(self, annee_formation: int) -> tuple[date, date]:
        """First and last day of the school year of year of study `annee_formation` (1, 2)."""
        return bornes_annee_scolaire(self.annee_debut + annee_formation - 1, parametres())

    def clean(self) -> None:
        if self.annee_debut is None or self.annee_debut > ANNEE_DEBUT_MAX:
            return  # an impossible year: its field says so, no date is built from it
        if self.objectif_jours_par_annee is None:
            self.objectif_jours_par_annee = parametres().entier(
                "reglages.ndrc_jours_par_annee", self.debut_formation
            )
        if self.formation_id is None:
            return
        if self.version_referentiel_id is None:
            en_vigueur = version_en_vigueur(formation=self.formation, session=self.session_examen)
            if en_vigueur is None:
                raise ValidationError(
                    {
                        "version_referentiel": (
                            f"Aucune version du référentiel de la formation {self.formation.code} "
                            f"ne régit la session {self.session_examen}."
                        )
                    }
                )
            self.version_referentiel = en_vigueur
        version = self.version_referentiel
        if version.formation_id != self.formation_id:
            raise ValidationError(
                {
                    "version_referentiel": "Cette version du référentiel est celle d'une autre formation."
                }
            )
        if not version.en_vigueur_pour(self.session_examen):
            raise ValidationError(
                {
                    "version_referentiel": (
                        f"La version {version.code} ne régit pas la session {self.session_examen} "
                        "que passera cette promotion."
                    )
                }
            )


class PeriodePromotion(models.Model):
    """A stage window of the school calendar (the brochure's Annexe 1), editable each year."""

    promotion = models.ForeignKey(
        Promotion, on_delete=models.CASCADE, related_name="periodes", verbose_name="promotion"
    )
    annee_formation = models.PositiveSmallIntegerField(
        "année de formation", validators=[MinValueValidator(1)], help_text="1 ou 2."
    )
    libelle = models.CharField("libellé", max_length=100, help_text="Par exemple Stage de janvier.")
    debut = models.DateField("début", validators=[valider_date_bornee])
    fin = models.DateField("fin", validators=[valider_date_bornee])
    jours_vises = models.PositiveSmallIntegerField("jours visés")

    class Meta:
        verbose_name = "période de stage de la promotion"
        verbose_name_plural = "périodes de stage de la promotion"
        ordering = ("promotion", "debut")
        constraints = [
            models.CheckConstraint(
                condition=Q(fin__gte=models.F("debut")),
                name="etablissement_periode_fin_apres_debut",
                violation_error_message="La fin de la période précède son début.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.libelle} ({self.debut:%d/%m/%Y} – {self.fin:%d/%m/%Y})"

    def clean(self) -> None:
        if self.promotion_id is None or self.annee_formation is None:
            return
        promotion = self.promotion
        if self.annee_formation > promotion.nombre_annees:
            raise ValidationError(
                {"annee_formation": f"La formation compte {promotion.nombre_annees} années."}
            )
        if self.debut is None or self.fin is None:
            return
        premier, dernier = promotion.bornes_annee(self.annee_formation)
        if not (premier <= self.debut and self.fin <= dernier):
            rang = "1re" if self.annee_formation == 1 else f"{self.annee_formation}e"
            raise ValidationError(
                f"Une période de {rang} année doit se situer dans l'année scolaire "
                f"{premier.year}-{dernier.year}, du {premier:%d/%m/%Y} au {dernier:%d/%m/%Y}."
            )


class Enseignant(models.Model):
    nom = models.CharField("nom", max_length=100)
    prenom = models.CharField("prénom", max_length=100)
    email = models.EmailField("adresse e-mail", unique=True)
    telephone = models.CharField("téléphone", max_length=20, blank=True)
    utilisateur = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="enseignant",
        verbose_name="compte",
    )
    actif = models.BooleanField("en poste", default=True)

    class Meta:
        verbose_name = "enseignant"
        verbose_name_plural = "enseignants"
        ordering = ("nom", "prenom")

    def __str__(self) -> str:
        return f"{self.prenom} {self.nom}"

    def clean(self) -> None:
        if self.utilisateur is not None and self.utilisateur.role == Role.ETUDIANT:
            raise ValidationError({"utilisateur": "Ce compte est un compte étudiant."})


class Etudiant(models.Model):
    promotion = models.ForeignKey(
        Promotion, on_delete=models.PROTECT, related_name="etudiants", verbose_name="promotion"
    )
    nom = models.CharField("nom", max_length=100)
    prenom = models.CharField("prénom", max_length=100)
    # "prénom nom" lowercase without accents (core/recherche.py), written by save().
    recherche = models.CharField("texte de recherche", max_length=201, blank=True, editable=False)
    ine = models.CharField(
        "INE",
        max_length=11,
        blank=True,
        validators=[valider_ine],
        help_text="Identifiant national élève ou étudiant, 11 caractères.",
    )
    date_naissance = models.DateField("date de naissance", validators=[valider_date_bornee])
    email = models.EmailField("adresse e-mail", blank=True)
    telephone = models.CharField("téléphone", max_length=20, blank=True)
    # A minor's convention is also signed by the legal representative.
    representant_legal_nom = models.CharField("représentant légal", max_length=200, blank=True)
    representant_legal_email = models.EmailField("e-mail du représentant légal", blank=True)
    representant_legal_telephone = models.CharField(
        "téléphone du représentant légal", max_length=20, blank=True
    )
    classe = models.CharField("classe", max_length=50, blank=True, help_text="Par exemple NDRC1 A.")
    # One référent per student, changed over time; a convention keeps the référent it was
    # signed with, so the history lives there, not here.
    referent = models.ForeignKey(
        Enseignant,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="etudiants_suivis",
        verbose_name="enseignant référent",
    )
    utilisateur = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="etudiant",
        verbose_name="compte",
    )
    archive = models.BooleanField(
        "archivé", default=False, help_text="Parti ou diplômé : masqué des listes."
    )

    class Meta:
        verbose_name = "étudiant"
        verbose_name_plural = "étudiants"
        ordering = ("nom", "prenom")
        constraints = [
            models.UniqueConstraint(
                fields=("ine",),
                condition=~Q(ine=""),
                name="etablissement_etudiant_ine_unique",
                violation_error_message="Un autre étudiant a déjà cet INE.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.prenom} {self.nom}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.recherche = normaliser(self.prenom, self.nom)
        kwargs["update_fields"] = avec_recherche(kwargs.get("update_fields"), {"nom", "prenom"})
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if self.utilisateur is not None and self.utilisateur.role != Role.ETUDIANT:
            raise ValidationError({"utilisateur": "Ce compte n'est pas un compte étudiant."})

    def est_mineur_le(self, jour: date) -> bool:
        return est_mineur(self.date_naissance, parametres(), le=jour)
