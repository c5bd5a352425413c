"""The training referential as versioned data: blocs, competences, and the mission catalogue.

A référentiel changes by arrêté, and a cohort keeps the one it started with: blocs and
competences hang on a `VersionReferentiel`, never on the formation itself. The mission
catalogue belongs to the formation (companies pick missions whatever the version); each
mission is mapped to the competences of one or more versions through `MissionCompetence`.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q


class Formation(models.Model):
    code = models.CharField("code", max_length=30, unique=True, help_text="Par exemple BTS-NDRC.")
    intitule = models.CharField("intitulé", max_length=200)
    # D124-4 asks the convention to state the curriculum's teaching volume per year; unknown
    # until the school fills it in (the brochure does not give it).
    volume_horaire_annuel = models.PositiveIntegerField(
        "volume horaire annuel (heures)",
        null=True,
        blank=True,
        help_text="Heures d'enseignement par année, mentionnées dans la convention de stage.",
    )

    class Meta:
        verbose_name = "formation"
        verbose_name_plural = "formations"
        ordering = ("code",)

    def __str__(self) -> str:
        return self.intitule


class VersionReferentiel(models.Model):
    formation = models.ForeignKey(
        Formation,
        on_delete=models.PROTECT,
        related_name="versions",
        verbose_name="formation",
    )
    code = models.CharField("code", max_length=30, unique=True, help_text="Par exemple NDRC-2018.")
    libelle = models.CharField("libellé", max_length=200)
    texte_source = models.TextField("texte source", help_text="Arrêté, date et Journal officiel.")
    session_debut = models.PositiveSmallIntegerField(
        "première session d'examen", help_text="Année de la première session régie par ce texte."
    )
    session_fin = models.PositiveSmallIntegerField(
        "dernière session d'examen",
        null=True,
        blank=True,
        help_text="Vide tant que le texte est en vigueur.",
    )

    class Meta:
        verbose_name = "version du référentiel"
        verbose_name_plural = "versions du référentiel"
        ordering = ("formation", "-session_debut")
        constraints = [
            models.CheckConstraint(
                condition=Q(session_fin__isnull=True)
                | Q(session_fin__gte=models.F("session_debut")),
                name="referentiel_version_sessions_ordonnees",
                violation_error_message="La dernière session précède la première.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} — {self.libelle}"

    def en_vigueur_pour(self, session: int) -> bool:
        return self.session_debut <= session and (
            self.session_fin is None or session <= self.session_fin
        )


class Bloc(models.Model):
    version = models.ForeignKey(
        VersionReferentiel,
        on_delete=models.CASCADE,
        related_name="blocs",
        verbose_name="version du référentiel",
    )
    code = models.CharField("code", max_length=10, help_text="B1, B2, B3…")
    libelle = models.CharField("libellé", max_length=200)
    unite = models.CharField("unité", max_length=10, help_text="U4, U5, U6…")
    epreuve = models.CharField("épreuve", max_length=10, help_text="E4, E5, E6…")
    coefficient = models.PositiveSmallIntegerField("coefficient")

    class Meta:
        verbose_name = "bloc de compétences"
        verbose_name_plural = "blocs de compétences"
        ordering = ("version", "code")
        constraints = [
            models.UniqueConstraint(
                fields=("version", "code"),
                name="referentiel_bloc_code_unique",
                violation_error_message="Ce code de bloc existe déjà dans cette version.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.libelle}"


class Competence(models.Model):
    bloc = models.ForeignKey(
        Bloc, on_delete=models.CASCADE, related_name="competences", verbose_name="bloc"
    )
    code = models.CharField("code", max_length=10, help_text="B1.1, B1.2…")
    libelle = models.CharField("libellé", max_length=200)
    # The official texts do not always agree on the wording ("piloter" / "animer"): keep the
    # other one so that a search by either finds the competence.
    variante_libelle = models.CharField("autre libellé officiel", max_length=200, blank=True)

    class Meta:
        verbose_name = "compétence"
        verbose_name_plural = "compétences"
        ordering = ("bloc", "code")
        constraints = [
            models.UniqueConstraint(
                fields=("bloc", "code"),
                name="referentiel_competence_code_unique",
                violation_error_message="Ce code de compétence existe déjà dans ce bloc.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.libelle}"


class SourceFamille(models.TextChoices):
    PLAQUETTE = "plaquette", "Plaquette de l'établissement"
    AJOUT = "ajout", "Ajout de l'équipe pédagogique"


class FamilleMission(models.Model):
    formation = models.ForeignKey(
        Formation,
        on_delete=models.PROTECT,
        related_name="familles_missions",
        verbose_name="formation",
    )
    code = models.CharField("code", max_length=40)
    libelle = models.CharField("libellé", max_length=200)
    ordre = models.PositiveSmallIntegerField("ordre", default=0)
    source = models.CharField(
        "source", max_length=20, choices=SourceFamille.choices, default=SourceFamille.AJOUT
    )

    class Meta:
        verbose_name = "famille de missions"
        verbose_name_plural = "familles de missions"
        ordering = ("formation", "ordre", "code")
        constraints = [
            models.UniqueConstraint(
                fields=("formation", "code"),
                name="referentiel_famille_code_unique",
                violation_error_message="Ce code de famille existe déjà pour cette formation.",
            ),
        ]

    def __str__(self) -> str:
        return self.libelle


class Canal(models.TextChoices):
    OMNICANAL = "omnicanal", "Plusieurs canaux"
    FACE_A_FACE = "face_a_face", "Face à face"
    TELEPHONE = "telephone", "Téléphone"
    EMAIL = "email", "E-mail"
    COURRIER = "courrier", "Courrier, publipostage"
    WEB = "web", "Site web, e-commerce"
    RESEAUX_SOCIAUX = "reseaux_sociaux", "Blogs et réseaux sociaux"
    POINT_DE_VENTE = "point_de_vente", "Point de vente"
    EVENEMENT = "evenement", "Évènement commercial"


class TypeReseau(models.TextChoices):
    """The three network types of an E6 fiche."""

    DISTRIBUTEURS = "distributeurs", "Réseau de distributeurs"
    PARTENAIRES = "partenaires", "Réseau de partenaires"
    VENTE_DIRECTE = "vente_directe", "Réseau de vente directe"


class Mission(models.Model):
    famille = models.ForeignKey(
        FamilleMission, on_delete=models.PROTECT, related_name="missions", verbose_name="famille"
    )
    code = models.CharField("code", max_length=60)
    libelle = models.CharField("libellé", max_length=300)
    description = models.TextField("description", blank=True)
    canal = models.CharField(
        "canal habituel", max_length=20, choices=Canal.choices, default=Canal.OMNICANAL
    )
    type_reseau = models.CharField(
        "type de réseau (E6)",
        max_length=20,
        choices=TypeReseau.choices,
        blank=True,
        help_text="Pour les missions qui nourrissent une fiche E6.",
    )
    ordre = models.PositiveSmallIntegerField("ordre", default=0)
    actif = models.BooleanField(
        "proposée", default=True, help_text="Décocher pour retirer la mission du catalogue."
    )
    competences: models.ManyToManyField[Competence, MissionCompetence] = models.ManyToManyField(
        Competence,
        through="MissionCompetence",
        related_name="missions",
        verbose_name="compétences",
    )

    class Meta:
        verbose_name = "mission"
        verbose_name_plural = "missions"
        ordering = ("famille", "ordre", "code")
        constraints = [
            models.UniqueConstraint(
                fields=("famille", "code"),
                name="referentiel_mission_code_unique",
                violation_error_message="Ce code de mission existe déjà dans cette famille.",
            ),
        ]

    def __str__(self) -> str:
        return self.libelle


class Force(models.TextChoices):
    PRINCIPALE = "principale", "Principale"
    SECONDAIRE = "secondaire", "Secondaire"


class MissionCompetence(models.Model):
    """A mission trains a competence, mainly or incidentally (referentiel-ndrc.md §1.1)."""

    mission = models.ForeignKey(
        Mission, on_delete=models.CASCADE, related_name="liens_competences", verbose_name="mission"
    )
    competence = models.ForeignKey(
        Competence,
        on_delete=models.PROTECT,
        related_name="liens_missions",
        verbose_name="compétence",
    )
    force = models.CharField("force", max_length=20, choices=Force.choices)

    class Meta:
        verbose_name = "compétence travaillée"
        verbose_name_plural = "compétences travaillées"
        ordering = ("mission", "competence")
        constraints = [
            models.UniqueConstraint(
                fields=("mission", "competence"),
                name="referentiel_mission_competence_unique",
                violation_error_message="Cette compétence est déjà liée à cette mission.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.mission} → {self.competence.code} ({self.get_force_display()})"
