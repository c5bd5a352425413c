"""The evaluation forms the section configures, and the answers.

A questionnaire exists in versions: a published version is frozen (its questions never
change again), an edit makes a new draft version, published in its turn. An evaluation
keeps the version it was asked with, so past answers keep their questions whatever the
section edits later. Answers are a JSON object {question id: value}, the questions of a
version being frozen."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class TypeQuestionnaire(models.TextChoices):
    TUTEUR = "tuteur", "Évaluation du stagiaire par le tuteur"
    ETUDIANT = "etudiant", "Évaluation du stage et de l'organisme par l'étudiant"
    REFERENT = "referent", "Évaluation par l'enseignant référent"


class TypeReponse(models.TextChoices):
    OUI_NON = "oui_non", "Oui / non"
    CHOIX_UNIQUE = "choix_unique", "Choix unique"
    CHOIX_MULTIPLE = "choix_multiple", "Choix multiple"
    TEXTE = "texte", "Texte libre"
    ECHELLE = "echelle", "Échelle de 1 à 5"
    NIVEAU = "niveau", "Niveau TI / I / S / TS"


class Questionnaire(models.Model):
    """One version of a form. `publie_le` empty: the draft being edited (one per type at
    most); set: frozen."""

    type = models.CharField("formulaire", max_length=20, choices=TypeQuestionnaire.choices)
    version = models.PositiveSmallIntegerField("version")
    introduction = models.TextField("texte d'introduction", blank=True)
    publie_le = models.DateTimeField("publiée le", null=True, blank=True)
    cree_le = models.DateTimeField("créée le")
    cree_par = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="par",
    )

    class Meta:
        verbose_name = "version d'un questionnaire"
        verbose_name_plural = "versions des questionnaires"
        ordering = ("type", "-version")
        constraints = [
            models.UniqueConstraint(fields=("type", "version"), name="questionnaire_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.get_type_display()}, version {self.version}"

    @property
    def publie(self) -> bool:
        return self.publie_le is not None


class Question(models.Model):
    """A question of one version. `code` follows a question from version to version (the
    host's record gathers its answers across versions); `active` off keeps it in the
    editor but out of the form; `fiche_organisme` puts its answers on the host's record."""

    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="questions"
    )
    ordre = models.PositiveSmallIntegerField("ordre", default=0)
    code = models.SlugField("code", max_length=60)
    rubrique = models.CharField("rubrique", max_length=200, blank=True)
    libelle = models.CharField("question", max_length=300)
    aide = models.CharField("précision", max_length=300, blank=True)
    type_reponse = models.CharField("type de réponse", max_length=20, choices=TypeReponse.choices)
    choix = models.JSONField("choix proposés", default=list, blank=True)
    obligatoire = models.BooleanField("réponse obligatoire", default=False)
    active = models.BooleanField("posée", default=True)
    fiche_organisme = models.BooleanField("sur la fiche de l'organisme", default=False)

    class Meta:
        verbose_name = "question"
        ordering = ("ordre", "pk")
        constraints = [
            models.UniqueConstraint(fields=("questionnaire", "code"), name="question_code_unique")
        ]

    def __str__(self) -> str:
        return self.libelle


class ReglagesEvaluation(models.Model):
    """The section's settings of the evaluations (one row)."""

    pdf_tuteur_pour_etudiant = models.BooleanField(
        "l'étudiant reçoit l'évaluation de son tuteur (PDF)", default=False
    )
    modifie_le = models.DateTimeField("modifié le", null=True, blank=True)

    class Meta:
        verbose_name = "réglages des évaluations"
        verbose_name_plural = "réglages des évaluations"

    def __str__(self) -> str:
        return "Réglages des évaluations"


class Source(models.TextChoices):
    LIEN = "lien", "Remplie en ligne"
    PAPIER = "papier", "Formulaire papier saisi par la section"


class Evaluation(models.Model):
    """The evaluation of one period of a convention by one party: asked (e-mail sent, its
    reminders), then answered in the version it was asked with."""

    convention = models.ForeignKey(
        "conventions.Convention", on_delete=models.CASCADE, related_name="evaluations"
    )
    periode = models.ForeignKey(
        "conventions.PeriodeConvention", on_delete=models.CASCADE, related_name="evaluations"
    )
    type = models.CharField("formulaire", max_length=20, choices=TypeQuestionnaire.choices)
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.PROTECT, related_name="evaluations"
    )
    demandee_le = models.DateTimeField("demandée le", null=True, blank=True)
    relances = models.PositiveSmallIntegerField("relances envoyées", default=0)
    relancee_le = models.DateTimeField("dernière relance le", null=True, blank=True)
    reponses = models.JSONField("réponses", default=dict, blank=True)
    remplie_le = models.DateTimeField("remplie le", null=True, blank=True)
    remplie_par = models.CharField("remplie par", max_length=200, blank=True)
    source = models.CharField(max_length=10, choices=Source.choices, blank=True)
    saisie_par = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="saisie par",
    )

    class Meta:
        verbose_name = "évaluation"
        ordering = ("periode__debut", "type", "pk")
        constraints = [
            models.UniqueConstraint(fields=("periode", "type"), name="evaluation_unique")
        ]

    def __str__(self) -> str:
        return f"{self.get_type_display()} — convention n° {self.convention_id}"

    @property
    def remplie(self) -> bool:
        return self.remplie_le is not None
