"""The exam dossier of a BTS NDRC candidate (referentiel-ndrc.md §2.2–2.7).

- `SessionExamen`: one exam session of a cohort, with the deposit deadline the académie
  publishes (set by the section).
- `Fiche`: a fiche descriptive d'activité professionnelle (E4: négociation-vente or
  évènement; E6: one network type) or the E4 « fiche sujet candidat », numbered per candidate
  and per exam. Its text lives in versions: a version sent for review is frozen
  (`VersionFiche.soumise_le`), the référent reviews it field by field (`AvisChamp`), a fix
  is a new version. The schema of each type (sections, fields, bounds) is data:
  examens/modeles_fiches.yaml.
- `DepotDossier`: the day the candidate's dossier was handed in for a session.
- `Pack`: one generation of the commission's pack (a candidate's PDF or a cohort's archive),
  run in the background with its progress.
- `AccesCommission`: a personal, read-only link for a member of the commission.
- `AlerteDossier`: each alert sent about a dossier, so that none is sent twice.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from core.models import EvenementBase
from core.validateurs import valider_date_bornee

# Bounds of what a fiche may hold (a field of an official form is a few paragraphs).
TITRE_MAX = 200
COMMENTAIRE_MAX = 2000


class TypeFiche(models.TextChoices):
    E4_NEGO = "E4_NEGO", "E4 — Négociation-vente et accompagnement de la relation client"
    E4_EVENEMENT = "E4_EVENEMENT", "E4 — Organisation et animation d'un évènement commercial"
    E6_DISTRIBUTEURS = "E6_DISTRIBUTEURS", "E6 — Réseau de distributeurs"
    E6_PARTENAIRES = "E6_PARTENAIRES", "E6 — Réseau de partenaires"
    E6_VENTE_DIRECTE = "E6_VENTE_DIRECTE", "E6 — Réseau de vente directe"
    E4_SUJET = "E4_SUJET", "E4 — Fiche sujet candidat (situation B)"


class StatutFiche(models.TextChoices):
    BROUILLON = "brouillon", "Brouillon"
    SOUMISE = "soumise", "En relecture"
    A_CORRIGER = "a_corriger", "À corriger"
    CONFORME = "conforme", "Conforme"


class AvisChampChoix(models.TextChoices):
    CONFORME = "conforme", "Conforme"
    A_CORRIGER = "a_corriger", "À corriger"


class SessionExamen(models.Model):
    """The exam session of a cohort (its second year) and its deposit deadline."""

    promotion = models.OneToOneField(
        "etablissement.Promotion",
        on_delete=models.CASCADE,
        related_name="examen",
        verbose_name="promotion",
    )
    annee = models.PositiveSmallIntegerField("session", help_text="Par exemple 2027.")
    date_limite_depot = models.DateField(
        "date limite de dépôt des dossiers",
        validators=[valider_date_bornee],
        help_text="Publiée par l'académie pour la session.",
    )
    modifie_le = models.DateTimeField("modifiée le", auto_now=True)

    class Meta:
        verbose_name = "session d'examen"
        verbose_name_plural = "sessions d'examen"
        ordering = ("-annee", "promotion")

    def __str__(self) -> str:
        return f"Session {self.annee} — {self.promotion}"


class Fiche(models.Model):
    etudiant = models.ForeignKey(
        "etablissement.Etudiant",
        on_delete=models.CASCADE,
        related_name="fiches_examen",
        verbose_name="candidat",
    )
    type = models.CharField("type de fiche", max_length=20, choices=TypeFiche.choices)
    # Numbered per candidate and per exam (E4 fiches 1, 2…; E6 fiches 1, 2, 3), as on the form.
    numero = models.PositiveSmallIntegerField("numéro")
    titre = models.CharField("intitulé", max_length=TITRE_MAX)
    # The stage it tells about (the host's frame is taken from it); empty for an activity
    # developed in training (E6 allows it, referentiel §2.6).
    convention = models.ForeignKey(
        "conventions.Convention",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="fiches_examen",
        verbose_name="stage",
    )
    # E6: « activité réelle vécue : oui / non ».
    activite_reelle = models.BooleanField("activité réelle vécue", default=True)
    # E4: the mandatory annex describing the commercial offer (2 pages recto-verso), a PDF.
    annexe_offre = models.FileField(
        "annexe : présentation de l'offre", upload_to="examens/annexes/", blank=True
    )
    statut = models.CharField(
        "état", max_length=12, choices=StatutFiche.choices, default=StatutFiche.BROUILLON
    )
    # The entries of the activity log the draft was built from (provenance).
    entrees = models.ManyToManyField(
        "journal.EntreeJournal", blank=True, related_name="fiches_examen", verbose_name="entrées"
    )
    cree_le = models.DateTimeField("créée le")
    modifie_le = models.DateTimeField("modifiée le")

    class Meta:
        verbose_name = "fiche d'examen"
        verbose_name_plural = "fiches d'examen"
        ordering = ("etudiant", "type", "numero")
        constraints = [
            models.UniqueConstraint(
                fields=["etudiant", "type", "numero"], name="fiche_numero_unique"
            )
        ]

    def __str__(self) -> str:
        return f"Fiche {self.epreuve} n° {self.numero} — {self.titre}"

    @property
    def epreuve(self) -> str:
        return self.type[:2]


class VersionFiche(models.Model):
    """One version of a fiche's text: `contenu` maps each field key of the type's schema
    (examens/modeles_fiches.yaml) to its text. Frozen once sent for review."""

    fiche = models.ForeignKey(Fiche, on_delete=models.CASCADE, related_name="versions")
    numero = models.PositiveSmallIntegerField("version")
    contenu = models.JSONField("contenu", default=dict)
    cree_le = models.DateTimeField("créée le")
    soumise_le = models.DateTimeField("envoyée en relecture le", null=True, blank=True)
    relue_le = models.DateTimeField("relue le", null=True, blank=True)
    relue_par = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="relue par",
    )

    class Meta:
        verbose_name = "version d'une fiche"
        verbose_name_plural = "versions des fiches"
        ordering = ("fiche", "-numero")
        constraints = [
            models.UniqueConstraint(fields=["fiche", "numero"], name="fiche_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.fiche}, version {self.numero}"


class AvisChamp(models.Model):
    """The référent's word on one field of a version sent for review."""

    version = models.ForeignKey(VersionFiche, on_delete=models.CASCADE, related_name="avis")
    champ = models.CharField("champ", max_length=60)
    avis = models.CharField("avis", max_length=12, choices=AvisChampChoix.choices)
    commentaire = models.TextField("commentaire", max_length=COMMENTAIRE_MAX, blank=True)
    par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    le = models.DateTimeField("le")

    class Meta:
        verbose_name = "avis sur un champ"
        verbose_name_plural = "avis sur les champs"
        ordering = ("version", "champ")
        constraints = [
            models.UniqueConstraint(fields=["version", "champ"], name="avis_un_par_champ")
        ]

    def __str__(self) -> str:
        return f"{self.champ} : {self.get_avis_display()}"


class EvenementFiche(EvenementBase):
    """The trail of a fiche: created, sent for review, reviewed (its verdict), reopened;
    who and when, and the version concerned in `donnees`."""

    fiche = models.ForeignKey(Fiche, on_delete=models.PROTECT, related_name="evenements")

    class Meta(EvenementBase.Meta):
        verbose_name = "événement d'une fiche"
        verbose_name_plural = "événements des fiches"

    def __str__(self) -> str:
        return f"{self.libelle} — {self.fiche}"


class DepotDossier(models.Model):
    """The candidate's dossier handed in for the session (by the section, on a date)."""

    session = models.ForeignKey(SessionExamen, on_delete=models.CASCADE, related_name="depots")
    etudiant = models.ForeignKey(
        "etablissement.Etudiant", on_delete=models.CASCADE, related_name="depots_dossier"
    )
    depose_le = models.DateField("déposé le", validators=[valider_date_bornee])
    enregistre_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = "dépôt de dossier"
        verbose_name_plural = "dépôts de dossier"
        constraints = [
            models.UniqueConstraint(fields=["session", "etudiant"], name="depot_un_par_session")
        ]

    def __str__(self) -> str:
        return f"Dossier de {self.etudiant} déposé le {self.depose_le:%d/%m/%Y}"


class EtatPack(models.TextChoices):
    EN_ATTENTE = "en_attente", "En attente"
    EN_COURS = "en_cours", "En cours"
    TERMINE = "termine", "Prêt"
    ECHEC = "echec", "Échec"


class Pack(models.Model):
    """One generation of a pack: a candidate's PDF (`etudiant` set) or the archive of a whole
    session (`etudiant` empty), run as a background task; its progress for the page that polls."""

    session = models.ForeignKey(SessionExamen, on_delete=models.CASCADE, related_name="packs")
    etudiant = models.ForeignKey(
        "etablissement.Etudiant",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="packs_examen",
    )
    etat = models.CharField(
        "état", max_length=12, choices=EtatPack.choices, default=EtatPack.EN_ATTENTE
    )
    faits = models.PositiveIntegerField("candidats traités", default=0)
    total = models.PositiveIntegerField("candidats", default=0)
    fichier = models.FileField("fichier", upload_to="examens/packs/", blank=True)
    sha256 = models.CharField("empreinte SHA-256", max_length=64, blank=True)
    erreur = models.TextField("message d'échec", blank=True)
    demande_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    demande_le = models.DateTimeField("demandé le")
    termine_le = models.DateTimeField("terminé le", null=True, blank=True)

    class Meta:
        verbose_name = "pack pour la commission"
        verbose_name_plural = "packs pour la commission"
        ordering = ("-demande_le", "-pk")

    def __str__(self) -> str:
        qui = str(self.etudiant) if self.etudiant_id else "toute la promotion"
        return f"Pack {self.session.annee} — {qui} ({self.get_etat_display()})"


class AccesCommission(models.Model):
    """A read-only link for a member of the commission: the session's fiches and attestations,
    never the evaluation grids. Only the SHA-256 of its secret is kept."""

    session = models.ForeignKey(
        SessionExamen, on_delete=models.CASCADE, related_name="acces_commission"
    )
    nom = models.CharField("nom", max_length=200)
    email = models.EmailField("adresse e-mail")
    jeton_sha256 = models.CharField("empreinte du lien", max_length=64, unique=True)
    expire_le = models.DateTimeField("valable jusqu'au")
    cree_le = models.DateTimeField("créé le")
    cree_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    revoque_le = models.DateTimeField("révoqué le", null=True, blank=True)
    dernier_acces_le = models.DateTimeField("dernière visite le", null=True, blank=True)

    class Meta:
        verbose_name = "accès de la commission"
        verbose_name_plural = "accès de la commission"
        ordering = ("-cree_le", "-pk")

    def __str__(self) -> str:
        return f"{self.nom} (commission, session {self.session.annee})"


class AlerteDossier(models.Model):
    """One alert sent about a dossier (`jours_avant` the deadline; `destinataire`: the
    candidate, the référent, or the staff the day before). Unique: never sent twice."""

    session = models.ForeignKey(SessionExamen, on_delete=models.CASCADE, related_name="alertes")
    etudiant = models.ForeignKey(
        "etablissement.Etudiant", on_delete=models.CASCADE, related_name="alertes_dossier"
    )
    jours_avant = models.PositiveSmallIntegerField("jours avant la date limite")
    destinataire = models.CharField("destinataire", max_length=20)
    envoyee_le = models.DateTimeField("envoyée le")

    class Meta:
        verbose_name = "alerte sur un dossier"
        verbose_name_plural = "alertes sur les dossiers"
        constraints = [
            models.UniqueConstraint(
                fields=["session", "etudiant", "jours_avant", "destinataire"],
                name="alerte_une_seule_fois",
            ),
            models.CheckConstraint(condition=Q(jours_avant__lte=366), name="alerte_jours_bornes"),
        ]

    def __str__(self) -> str:
        return f"Alerte J-{self.jours_avant} — {self.etudiant} ({self.destinataire})"
