"""Conventions de stage, their periods and schedule, the presence log, the audit trail of
their life cycle, the acknowledged warnings and the avenants."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models

from core.models import EvenementBase
from core.validateurs import valider_date_bornee
from regles import format as fmt
from regles.bornes import MONTANT_MAX
from regles.modele import SEMAINE, Initiative, Methode, ModeGratification, TypeAbsence

MESSAGE_MONTANT = f"Le montant ne peut pas dépasser {fmt.euros(MONTANT_MAX)}."


class Statut(models.TextChoices):
    BROUILLON = "brouillon", "Brouillon"
    A_VALIDER = "a_valider", "À valider"
    VALIDEE = "validee", "Validée"
    EN_SIGNATURE = "en_signature", "En signature"
    SIGNEE = "signee", "Signée"
    EN_COURS = "en_cours", "En cours"
    TERMINEE = "terminee", "Terminée"
    ATTESTEE = "attestee", "Attestée"
    ANNULEE = "annulee", "Annulée"
    ROMPUE = "rompue", "Rompue"


def _choix(
    enum: type[ModeGratification] | type[Methode] | type[Initiative], libelles: dict[str, str]
) -> list[tuple[str, str]]:
    return [(e.value, libelles[e.value]) for e in enum]


MODES = [(m.value, m.libelle) for m in ModeGratification]
METHODES = _choix(Methode, {"reelle": "Heures réelles", "lissee": "Lissée sur la durée"})
INITIATIVES = _choix(
    Initiative,
    {
        "stagiaire": "Le stagiaire",
        "organisme": "L'organisme d'accueil",
        "etablissement": "L'établissement",
    },
)
ABSENCES = [(t.value, t.libelle) for t in TypeAbsence]


class Convention(models.Model):
    etudiant = models.ForeignKey(
        "etablissement.Etudiant",
        on_delete=models.PROTECT,
        related_name="conventions",
        verbose_name="étudiant",
    )
    etablissement_accueil = models.ForeignKey(
        "organismes.EtablissementAccueil",
        on_delete=models.PROTECT,
        related_name="conventions",
        verbose_name="établissement d'accueil",
    )
    tuteur = models.ForeignKey(
        "organismes.Tuteur",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="conventions",
    )
    referent = models.ForeignKey(
        "etablissement.Enseignant",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="conventions",
        verbose_name="enseignant référent",
    )
    statut = models.CharField(max_length=20, choices=Statut.choices, default=Statut.BROUILLON)
    poste = models.CharField(
        "poste",
        max_length=200,
        blank=True,
        help_text="Le même poste d'un stagiaire à l'autre impose un délai de carence.",
    )
    date_signature = models.DateField(
        "date de signature", null=True, blank=True, validators=[valider_date_bornee]
    )
    date_effet_tuteur = models.DateField(
        "désignation du tuteur à compter du",
        null=True,
        blank=True,
        validators=[valider_date_bornee],
    )
    # Weekly schedule, in minutes per day (hours are shown to people).
    minutes_lundi = models.PositiveSmallIntegerField(default=420)
    minutes_mardi = models.PositiveSmallIntegerField(default=420)
    minutes_mercredi = models.PositiveSmallIntegerField(default=420)
    minutes_jeudi = models.PositiveSmallIntegerField(default=420)
    minutes_vendredi = models.PositiveSmallIntegerField(default=420)
    minutes_samedi = models.PositiveSmallIntegerField(default=0)
    minutes_dimanche = models.PositiveSmallIntegerField(default=0)
    travail_nuit = models.BooleanField("présence de nuit", default=False)
    travail_dimanche = models.BooleanField("présence le dimanche", default=False)
    travail_feries = models.BooleanField("présence les jours fériés", default=False)
    gratification_mode = models.CharField(
        "gratification", max_length=20, choices=MODES, default="aucune"
    )
    gratification_montant = models.DecimalField(
        "montant",
        max_digits=9,
        decimal_places=2,
        default=0,
        validators=[MaxValueValidator(MONTANT_MAX, message=MESSAGE_MONTANT)],
    )
    gratification_methode = models.CharField(
        "versement", max_length=10, choices=METHODES, default="reelle"
    )
    missions = models.ManyToManyField("referentiel.Mission", blank=True, related_name="conventions")
    competences = models.ManyToManyField(
        "referentiel.Competence", blank=True, related_name="conventions"
    )
    objectifs = models.TextField("objectifs et activités libres", blank=True)
    # The clauses of D124-4 that are texts (regles/contenus.py lists their codes).
    contenus = models.JSONField("clauses", default=dict, blank=True)
    # First and last day of the periods, written by the services with the periods: a list of
    # an académie's conventions sorts and shows them without aggregating every period.
    debut = models.DateField(
        "premier jour", null=True, editable=False, validators=[valider_date_bornee]
    )
    fin = models.DateField(
        "dernier jour", null=True, editable=False, validators=[valider_date_bornee]
    )
    rupture_dernier_jour = models.DateField(
        "dernier jour (fin anticipée)", null=True, blank=True, validators=[valider_date_bornee]
    )
    rupture_initiative = models.CharField(
        "à l'initiative de", max_length=20, choices=INITIATIVES, blank=True
    )
    cree_le = models.DateTimeField(auto_now_add=True)
    modifie_le = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "convention"
        verbose_name_plural = "conventions"
        ordering = ("-cree_le",)
        indexes = [
            # Dashboard and lists filter by status.
            models.Index(fields=["statut"], name="convention_statut"),
            # The list's default order: the latest stages first.
            models.Index(fields=["-debut", "-fin", "-id"], name="convention_dates"),
        ]

    def __str__(self) -> str:
        return f"Convention n° {self.pk} — {self.etudiant}"

    @property
    def horaire(self) -> tuple[int, ...]:
        return tuple(getattr(self, f"minutes_{jour}") for jour in SEMAINE)

    def clean(self) -> None:
        if (
            ModeGratification.demande_un_montant(self.gratification_mode)
            and not self.gratification_montant
        ):
            raise ValidationError(
                {"gratification_montant": "Indiquez le montant de la gratification."}
            )
        if bool(self.rupture_dernier_jour) != bool(self.rupture_initiative):
            raise ValidationError(
                {
                    "rupture_initiative": "Une fin anticipée demande son dernier jour et qui en a pris l'initiative."
                }
            )
        if any(m > 24 * 60 for m in self.horaire):
            raise ValidationError("Une journée ne peut pas dépasser 24 heures.")


class PeriodeConvention(models.Model):
    convention = models.ForeignKey(Convention, on_delete=models.CASCADE, related_name="periodes")
    debut = models.DateField("début", validators=[valider_date_bornee])
    fin = models.DateField("fin", validators=[valider_date_bornee])
    prolongation = models.BooleanField(
        "prolongation après interruption (L124-15)",
        default=False,
        help_text="Une prolongation ne compte pas dans le quota de stagiaires.",
    )

    class Meta:
        verbose_name = "période"
        ordering = ("debut",)

    def __str__(self) -> str:
        return f"du {self.debut:%d/%m/%Y} au {self.fin:%d/%m/%Y}"

    def clean(self) -> None:
        if self.debut and self.fin and self.fin < self.debut:
            raise ValidationError({"fin": "La fin doit suivre le début."})


class ExceptionHoraire(models.Model):
    """A day whose planned time differs from the weekly schedule (0: not worked)."""

    convention = models.ForeignKey(Convention, on_delete=models.CASCADE, related_name="exceptions")
    jour = models.DateField(validators=[valider_date_bornee])
    minutes = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["convention", "jour"], name="exception_unique_par_jour")
        ]

    def __str__(self) -> str:
        return f"{self.jour:%d/%m/%Y} : {self.minutes} min"


class OriginePointage(models.TextChoices):
    """Who a day of the presence log comes from: what the tutor confirms is the record
    (L124-14: the host keeps the log); staff may still type it, from the tutor's signed
    paper sheet (and say so) or on their own word."""

    PERSONNEL = "personnel", "Saisi par la section"
    FEUILLE = "feuille", "Saisi par la section d'après la feuille signée par le tuteur"
    TUTEUR = "tuteur", "Confirmé par le tuteur dans son espace"


# The origins that stand for the host's word: a week recorded so needs no confirmation.
ORIGINES_CONFIRMEES = (OriginePointage.TUTEUR, OriginePointage.FEUILLE)


class Pointage(models.Model):
    """One day of the presence log kept by the host (L124-14): confirmed by the tutor through
    their space (`tuteur`), or typed by the staff (`saisi_par`), from a signed paper sheet or
    not (`origine`)."""

    convention = models.ForeignKey(Convention, on_delete=models.CASCADE, related_name="pointages")
    jour = models.DateField(validators=[valider_date_bornee])
    minutes_presence = models.PositiveSmallIntegerField("présence (minutes)", default=0)
    absence = models.CharField(max_length=40, choices=ABSENCES, blank=True)
    minutes_absence = models.PositiveSmallIntegerField("absence (minutes)", default=0)
    saisi_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    saisi_le = models.DateTimeField(auto_now=True)
    origine = models.CharField(
        max_length=12, choices=OriginePointage.choices, default=OriginePointage.PERSONNEL
    )
    tuteur = models.ForeignKey(
        "organismes.Tuteur",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="pointages_confirmes",
        verbose_name="confirmé par le tuteur",
    )

    class Meta:
        ordering = ("jour",)
        constraints = [
            models.UniqueConstraint(fields=["convention", "jour"], name="pointage_unique_par_jour")
        ]

    def __str__(self) -> str:
        return f"{self.jour:%d/%m/%Y} : {self.minutes_presence} min de présence"

    def clean(self) -> None:
        if self.minutes_presence + self.minutes_absence > 24 * 60:
            raise ValidationError("Une journée ne peut pas dépasser 24 heures.")
        if self.minutes_absence and not self.absence:
            raise ValidationError({"absence": "Indiquez le motif de l'absence."})


class EvenementConvention(EvenementBase):
    """The audit trail: one row per change of a convention's life (who, when, from, to, why)."""

    convention = models.ForeignKey(Convention, on_delete=models.PROTECT, related_name="evenements")
    statut_avant = models.CharField(max_length=20, choices=Statut.choices, blank=True)
    statut_apres = models.CharField(max_length=20, choices=Statut.choices, blank=True)

    class Meta(EvenementBase.Meta):
        verbose_name = "événement"

    def __str__(self) -> str:
        return f"{self.action} ({self.statut_avant} → {self.statut_apres})"


class Acquittement(models.Model):
    """A warning of the engine acknowledged by a named user before validation or signature."""

    convention = models.ForeignKey(
        Convention, on_delete=models.CASCADE, related_name="acquittements"
    )
    code = models.CharField(max_length=40)
    message = models.TextField()
    auteur = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    horodatage = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["convention", "code"], name="acquittement_unique_par_code"
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} acquitté par {self.auteur}"


class Avenant(models.Model):
    """A change to a signed convention: what changes, from when; the before/after is kept."""

    convention = models.ForeignKey(Convention, on_delete=models.CASCADE, related_name="avenants")
    numero = models.PositiveSmallIntegerField()
    date_effet = models.DateField("à compter du", validators=[valider_date_bornee])
    motif = models.TextField()
    changements = models.JSONField(default=dict)  # {champ: {"avant": …, "apres": …}}
    auteur = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True)
    cree_le = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("numero",)
        constraints = [
            models.UniqueConstraint(fields=["convention", "numero"], name="avenant_numero_unique")
        ]

    def __str__(self) -> str:
        return f"Avenant n° {self.numero}"


class TexteParDefaut(models.Model):
    """The text a new convention starts with for one D124-4 clause: the section's (no
    promotion), or a cohort's, which takes precedence for its students. An empty cohort text
    is no row: the section's applies."""

    promotion = models.ForeignKey(
        "etablissement.Promotion",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="textes_par_defaut",
    )
    code = models.CharField("clause", max_length=40)
    texte = models.TextField()
    modifie_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    modifie_le = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "texte par défaut d'une clause"
        verbose_name_plural = "textes par défaut des clauses"
        constraints = [
            models.UniqueConstraint(
                fields=["promotion", "code"], name="texte_par_defaut_unique_par_promotion"
            ),
            models.UniqueConstraint(
                fields=["code"],
                condition=models.Q(promotion__isnull=True),
                name="texte_par_defaut_unique_pour_la_section",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} ({self.promotion or 'section'})"
