"""Host organisations: the legal entity (SIREN), its sites (SIRET), and what the quota needs.

The quota of interns, the hours towards gratification and the waiting period all add up over
the legal entity, so the organisme is keyed by its SIREN; a convention names the site where
the stage takes place. The headcount month by month (R124-12), the interns the host takes
from other schools and its closures are declared by the host and fed to the rules engine
through `organismes.selectors.organisme_pour_regles`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from core.models import EvenementBase
from core.recherche import avec_recherche, normaliser
from core.validateurs import valider_date_bornee
from organismes.validators import valider_naf, valider_siren, valider_siret
from regles import format as fmt
from regles.bornes import EFFECTIF_MAX

_taux = [MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(1))]


class OrganismeAccueil(models.Model):
    siren = models.CharField(
        "SIREN",
        max_length=9,
        unique=True,
        validators=[valider_siren],
        error_messages={"unique": "Un organisme d'accueil avec ce SIREN existe déjà."},
    )
    raison_sociale = models.CharField("raison sociale", max_length=200)
    # The raison sociale lowercase without accents (core/recherche.py), written by save().
    recherche = models.CharField("texte de recherche", max_length=200, blank=True, editable=False)
    naf = models.CharField(
        "code NAF (APE)",
        max_length=6,
        blank=True,
        validators=[valider_naf],
        help_text="Par exemple 47.11F.",
    )
    adresse = models.TextField("adresse du siège", blank=True)
    code_postal = models.CharField("code postal", max_length=10, blank=True)
    ville = models.CharField("ville", max_length=100, blank=True)
    # The host's own rates for the contributions on the excess of gratification; empty AT/MP:
    # the national average rate of the parameters.
    taux_atmp = models.DecimalField(
        "taux AT/MP",
        max_digits=6,
        decimal_places=5,
        null=True,
        blank=True,
        validators=_taux,
        help_text="En fraction : 0,0208 pour 2,08 %. Vide : le taux moyen national.",
    )
    taux_versement_mobilite = models.DecimalField(
        "taux du versement mobilité",
        max_digits=6,
        decimal_places=5,
        default=Decimal(0),
        validators=_taux,
        help_text="En fraction : 0,02 pour 2 %.",
    )

    class Meta:
        verbose_name = "organisme d'accueil"
        verbose_name_plural = "organismes d'accueil"
        ordering = ("raison_sociale",)

    def __str__(self) -> str:
        return f"{self.raison_sociale} ({self.siren})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.recherche = normaliser(self.raison_sociale)
        kwargs["update_fields"] = avec_recherche(kwargs.get("update_fields"), {"raison_sociale"})
        super().save(*args, **kwargs)


class EtablissementAccueil(models.Model):
    """A site of the organisme (SIRET), where the stage takes place."""

    organisme = models.ForeignKey(
        OrganismeAccueil,
        on_delete=models.CASCADE,
        related_name="etablissements",
        verbose_name="organisme d'accueil",
    )
    siret = models.CharField(
        "SIRET",
        max_length=14,
        unique=True,
        validators=[valider_siret],
        error_messages={"unique": "Un établissement d'accueil avec ce SIRET existe déjà."},
    )
    enseigne = models.CharField("enseigne", max_length=200, blank=True)
    # The enseigne lowercase without accents (core/recherche.py), written by save().
    recherche = models.CharField("texte de recherche", max_length=200, blank=True, editable=False)
    adresse = models.TextField("adresse")
    code_postal = models.CharField("code postal", max_length=10, blank=True)
    ville = models.CharField("ville", max_length=100)

    class Meta:
        verbose_name = "établissement d'accueil"
        verbose_name_plural = "établissements d'accueil"
        ordering = ("organisme", "siret")

    def __str__(self) -> str:
        return f"{self.enseigne or self.organisme.raison_sociale} — {self.ville} ({self.siret})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.recherche = normaliser(self.enseigne)
        kwargs["update_fields"] = avec_recherche(kwargs.get("update_fields"), {"enseigne"})
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if self.organisme_id is None or not self.siret:
            return
        siren = self.organisme.siren
        if not self.siret.startswith(siren):
            raise ValidationError(
                {"siret": f"Le SIRET doit commencer par le SIREN de l'organisme, {siren}."}
            )


class EffectifMensuel(models.Model):
    """R124-12 headcount: natural persons employed on the last day of the month."""

    organisme = models.ForeignKey(
        OrganismeAccueil,
        on_delete=models.CASCADE,
        related_name="effectifs",
        verbose_name="organisme d'accueil",
    )
    mois = models.DateField(
        "mois", help_text="Le premier jour du mois.", validators=[valider_date_bornee]
    )
    personnes = models.PositiveIntegerField(
        "personnes employées",
        help_text="Au dernier jour du mois, stagiaires exclus.",
        validators=[
            MaxValueValidator(
                EFFECTIF_MAX,
                message=f"L'effectif ne peut pas dépasser {fmt.nombre(EFFECTIF_MAX, 0)} personnes.",
            )
        ],
    )

    class Meta:
        verbose_name = "effectif mensuel"
        verbose_name_plural = "effectifs mensuels"
        ordering = ("organisme", "-mois")
        constraints = [
            models.UniqueConstraint(
                fields=("organisme", "mois"),
                name="organismes_effectif_un_par_mois",
                violation_error_message="L'effectif de ce mois est déjà enregistré.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.mois:%m/%Y} : {self.personnes}"

    def clean(self) -> None:
        if self.mois is not None and self.mois.day != 1:
            raise ValidationError({"mois": "Le mois se note par son premier jour."})


class StagiairesAutresEcoles(models.Model):
    """Interns from other schools the host declares for a civil week: they count in its quota."""

    organisme = models.ForeignKey(
        OrganismeAccueil,
        on_delete=models.CASCADE,
        related_name="autres_stagiaires",
        verbose_name="organisme d'accueil",
    )
    lundi = models.DateField("semaine du lundi", validators=[valider_date_bornee])
    nombre = models.PositiveSmallIntegerField("stagiaires d'autres écoles")

    class Meta:
        verbose_name = "stagiaires d'autres écoles"
        verbose_name_plural = "stagiaires d'autres écoles"
        ordering = ("organisme", "lundi")
        constraints = [
            models.UniqueConstraint(
                fields=("organisme", "lundi"),
                name="organismes_autres_stagiaires_un_par_semaine",
                violation_error_message="Cette semaine est déjà déclarée.",
            ),
        ]

    def __str__(self) -> str:
        return f"semaine du {self.lundi:%d/%m/%Y} : {self.nombre}"

    def clean(self) -> None:
        if self.lundi is not None and self.lundi.weekday() != 0:
            raise ValidationError({"lundi": "La semaine civile se note par son lundi."})


class FermetureOrganisme(models.Model):
    organisme = models.ForeignKey(
        OrganismeAccueil,
        on_delete=models.CASCADE,
        related_name="fermetures",
        verbose_name="organisme d'accueil",
    )
    debut = models.DateField("début", validators=[valider_date_bornee])
    fin = models.DateField("fin", validators=[valider_date_bornee])
    libelle = models.CharField(
        "libellé", max_length=200, blank=True, help_text="Par exemple congés d'été."
    )

    class Meta:
        verbose_name = "fermeture"
        verbose_name_plural = "fermetures"
        ordering = ("organisme", "debut")
        constraints = [
            models.CheckConstraint(
                condition=Q(fin__gte=models.F("debut")),
                name="organismes_fermeture_fin_apres_debut",
                violation_error_message="La fin de la fermeture précède son début.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.libelle or 'Fermeture'} ({self.debut:%d/%m/%Y} – {self.fin:%d/%m/%Y})"


class Tuteur(models.Model):
    organisme = models.ForeignKey(
        OrganismeAccueil,
        on_delete=models.CASCADE,
        related_name="tuteurs",
        verbose_name="organisme d'accueil",
    )
    nom = models.CharField("nom", max_length=100)
    prenom = models.CharField("prénom", max_length=100)
    fonction = models.CharField("fonction", max_length=200, blank=True)
    email = models.EmailField("adresse e-mail", blank=True)
    telephone = models.CharField("téléphone", max_length=20, blank=True)

    class Meta:
        verbose_name = "tuteur"
        verbose_name_plural = "tuteurs"
        ordering = ("organisme", "nom", "prenom")

    def __str__(self) -> str:
        return f"{self.prenom} {self.nom}"


class RoleContact(models.TextChoices):
    SIGNATAIRE = "signataire", "Signataire des conventions"
    RESSOURCES_HUMAINES = "ressources_humaines", "Ressources humaines"
    COMPTABILITE = "comptabilite", "Comptabilité (gratification)"
    AUTRE = "autre", "Autre"


class ContactOrganisme(models.Model):
    organisme = models.ForeignKey(
        OrganismeAccueil,
        on_delete=models.CASCADE,
        related_name="contacts",
        verbose_name="organisme d'accueil",
    )
    nom = models.CharField("nom", max_length=100)
    prenom = models.CharField("prénom", max_length=100, blank=True)
    fonction = models.CharField("fonction", max_length=200, blank=True)
    email = models.EmailField("adresse e-mail", blank=True)
    telephone = models.CharField("téléphone", max_length=20, blank=True)
    role = models.CharField(
        "rôle", max_length=30, choices=RoleContact.choices, default=RoleContact.AUTRE
    )

    class Meta:
        verbose_name = "contact"
        verbose_name_plural = "contacts"
        ordering = ("organisme", "nom")

    def __str__(self) -> str:
        return f"{self.prenom} {self.nom}".strip() + f" ({self.get_role_display()})"


class EvenementOrganisme(EvenementBase):
    """The audit trail of a host's counts the quotas read: a month's headcount or a week's
    interns from other schools, before and after (donnees: "mois" or "lundi", "avant",
    "apres"). A concrete model rather than a generic one: its foreign key can PROTECT."""

    organisme = models.ForeignKey(
        OrganismeAccueil,
        on_delete=models.PROTECT,
        related_name="evenements",
        verbose_name="organisme d'accueil",
    )

    class Meta(EvenementBase.Meta):
        verbose_name = "événement d'un organisme"
        verbose_name_plural = "événements des organismes"

    def __str__(self) -> str:
        return f"{self.libelle} ({self.organisme_id})"
