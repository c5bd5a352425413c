"""The clause templates the section edits (`ModeleDocument`, one row per version) and every PDF
generated from a convention (`Document`): its file, its number among the documents of the same
kind, the template version it was written with and its SHA-256.

Nothing is overwritten: a new template version or a new generation adds a row, so a document
sent to a host can always be shown again exactly as it was."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class TypeDocument(models.TextChoices):
    CONVENTION = "convention", "Convention de stage"
    AVENANT = "avenant", "Avenant"
    ATTESTATION = "attestation", "Attestation de stage"


class ModeleDocument(models.Model):
    """One version of the editable text of a kind of document (Django template syntax,
    rendered against plain data only: see documents/bac_a_sable.py)."""

    type = models.CharField("document", max_length=20, choices=TypeDocument.choices)
    version = models.PositiveIntegerField("version")
    corps = models.TextField(
        "texte",
        help_text="Variables entre doubles accolades, par exemple {{ etudiant.nom }}.",
    )
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    cree_le = models.DateTimeField("créé le", auto_now_add=True)

    class Meta:
        verbose_name = "modèle de document"
        verbose_name_plural = "modèles de documents"
        ordering = ("type", "-version")
        constraints = [
            models.UniqueConstraint(fields=["type", "version"], name="modele_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.get_type_display()}, version {self.version}"


def _chemin(document: Document, nom: str) -> str:
    # One folder per convention: the documents of a stage stay together on disk.
    return f"documents/convention-{document.convention_id}/{nom}"


def _chemin_copie(copie: CopieSignee, nom: str) -> str:
    return f"documents/convention-{copie.document.convention_id}/{nom}"


def objet_periode(periode_pk: int) -> str:
    """The `objet` of a period's attestation (Document.objet): one subject per period."""
    return f"{_PREFIXE_PERIODE}{periode_pk}"


def periode_de_l_objet(objet: str) -> int | None:
    """The period an attestation's `objet` names, None for another subject."""
    numero = objet.removeprefix(_PREFIXE_PERIODE)
    return int(numero) if numero != objet and numero.isdigit() else None


_PREFIXE_PERIODE = "periode-"


class OrdreSignature(models.TextChoices):
    PARALLELE = "parallele", "Tous en même temps"
    SEQUENTIEL = "sequentiel", "Chacun à son tour, dans l'ordre"


class Document(models.Model):
    convention = models.ForeignKey(
        "conventions.Convention", on_delete=models.PROTECT, related_name="documents"
    )
    type = models.CharField("document", max_length=20, choices=TypeDocument.choices)
    # What the document is about within its convention: "" for the convention itself, the
    # avenant's number or the period's id; each subject has its own numbering of versions.
    objet = models.CharField("objet", max_length=40, blank=True)
    version = models.PositiveIntegerField("version")
    modele = models.ForeignKey(
        ModeleDocument, on_delete=models.PROTECT, related_name="documents", verbose_name="modèle"
    )
    fichier = models.FileField("fichier", upload_to=_chemin)
    sha256 = models.CharField("empreinte SHA-256", max_length=64)
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    cree_le = models.DateTimeField("généré le", auto_now_add=True)
    # Once every signatory has signed: the same PDF followed by the signature page (each
    # signer, date, address, browser and the SHA-256 of the PDF they signed).
    fichier_signe = models.FileField("fichier signé", upload_to=_chemin, blank=True)
    sha256_fichier_signe = models.CharField(
        "empreinte SHA-256 du fichier signé", max_length=64, blank=True
    )
    # How its signature circuit runs: every link at once, or each signatory's link once the
    # ones before (Signature.rang) have signed.
    ordre_signature = models.CharField(
        "ordre des signatures",
        max_length=12,
        choices=OrdreSignature.choices,
        default=OrdreSignature.PARALLELE,
    )
    # Everyone signed, but the convention could not move to "signée" (the engine found a
    # blocking rule at the last signature): why, for the staff, until it moves.
    conclusion_refusee = models.TextField("passage à « signée » refusé", blank=True)

    class Meta:
        verbose_name = "document"
        verbose_name_plural = "documents"
        ordering = ("convention", "type", "objet", "-version")
        constraints = [
            models.UniqueConstraint(
                fields=["convention", "type", "objet", "version"], name="document_version_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_type_display()} v{self.version} — convention n° {self.convention_id}"

    @property
    def nom_fichier(self) -> str:
        suffixe = f"-{self.objet}" if self.objet else ""
        return f"{self.type}-{self.convention_id}{suffixe}-v{self.version}.pdf"

    @property
    def fichier_signe_nom(self) -> str:
        return self.nom_fichier.removesuffix(".pdf") + "-signe.pdf"


class RoleSignataire(models.TextChoices):
    ETUDIANT = "etudiant", "Le stagiaire"
    REPRESENTANT_LEGAL = "representant_legal", "Son représentant légal"
    ORGANISME = "organisme", "Le représentant de l'organisme d'accueil"
    TUTEUR = "tuteur", "Le tuteur"
    ETABLISSEMENT = "etablissement", "Le chef d'établissement"
    REFERENT = "referent", "L'enseignant référent"


class Signature(models.Model):
    """One signatory of one stored document, reached by a personal link, and the evidence of
    their signature. Only the SHA-256 of the link's secret is kept: a database leak gives no
    link. The document's hash is recorded as it was when signed."""

    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="signatures")
    role = models.CharField("signataire", max_length=30, choices=RoleSignataire.choices)
    rang = models.PositiveSmallIntegerField("rang dans l'ordre des signatures", default=0)
    nom = models.CharField("nom", max_length=200)
    email = models.EmailField("adresse e-mail", blank=True)
    jeton_sha256 = models.CharField("empreinte du lien", max_length=64, unique=True)
    expire_le = models.DateTimeField("lien valable jusqu'au")
    signe_le = models.DateTimeField("signé le", null=True, blank=True)
    sha256_signe = models.CharField("empreinte du document signé", max_length=64, blank=True)
    adresse_ip = models.GenericIPAddressField("adresse IP", null=True, blank=True)
    navigateur = models.CharField("navigateur", max_length=300, blank=True)
    # The staff member who opened the circuit: the actor of the convention's move to
    # "signée" when the last signatory signs.
    ouvert_par = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="circuit ouvert par",
    )
    # A signature given on a version replaced since: kept as evidence, no longer counts.
    invalidee_le = models.DateTimeField("invalidée le", null=True, blank=True)
    # Signed in ink: the confirmed scanned copy that stands for this signature.
    copie = models.ForeignKey(
        "CopieSignee", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    cree_le = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "signature"
        verbose_name_plural = "signatures"
        ordering = ("document", "rang", "pk")
        constraints = [
            models.UniqueConstraint(
                fields=["document", "role"], name="signature_un_role_par_document"
            )
        ]

    def __str__(self) -> str:
        etat = f"signé le {self.signe_le:%d/%m/%Y %H:%M}" if self.signe_le else "à signer"
        return f"{self.get_role_display()} ({self.nom}) — {etat}"


class CopieSignee(models.Model):
    """The paper (or hybrid) path: a scanned copy of the document signed in ink, uploaded by
    the staff for one signatory or for every one still to sign (`signature` empty), then
    confirmed by the staff; only the confirmation counts as those signatures."""

    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="copies")
    signature = models.ForeignKey(
        Signature,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="copies",
        verbose_name="pour le signataire",
    )
    fichier = models.FileField("copie numérisée", upload_to=_chemin_copie)
    sha256 = models.CharField("empreinte SHA-256 de la copie", max_length=64)
    deposee_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    deposee_le = models.DateTimeField("déposée le")
    confirmee_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    confirmee_le = models.DateTimeField("confirmée le", null=True, blank=True)

    class Meta:
        verbose_name = "copie signée"
        verbose_name_plural = "copies signées"
        ordering = ("document", "pk")

    def __str__(self) -> str:
        pour = self.signature.get_role_display() if self.signature else "tous les signataires"
        return f"Copie papier de {self.document} ({pour})"


class TypeCourriel(models.TextChoices):
    LIEN = "lien", "Lien de signature"
    RELANCE = "relance", "Relance"
    RELANCE_URGENTE = "relance_urgente", "Relance avant le début du stage"
    ATTESTATION = "attestation", "Demande d'attestation"
    EXEMPLAIRE = "exemplaire", "Exemplaire signé"
    SIGNALEMENT = "signalement", "Erreur signalée par un signataire"
    REPRISE = "reprise", "Reprise de la signature après une erreur signalée"


class Courriel(models.Model):
    """The journal of the e-mails of the documents (signature links, reminders, attestation
    requests): one row per e-mail sent, at the moment the caller gave. It tells the staff
    who was written to, about what and when, and tells the reminders when to write again. It
    keeps no text, so no personal link: the demo reads the e-mails themselves in « Courriels
    envoyés » (core.CourrielEnvoye)."""

    type = models.CharField("courriel", max_length=20, choices=TypeCourriel.choices)
    destinataire = models.EmailField("destinataire")
    sujet = models.CharField("objet", max_length=200)
    envoye_le = models.DateTimeField("envoyé le")
    convention = models.ForeignKey(
        "conventions.Convention", on_delete=models.CASCADE, related_name="courriels"
    )
    signature = models.ForeignKey(
        Signature, on_delete=models.CASCADE, null=True, blank=True, related_name="courriels"
    )
    # An attestation request is about one period of the convention, asked once.
    periode = models.ForeignKey(
        "conventions.PeriodeConvention",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="courriels",
    )

    class Meta:
        verbose_name = "courriel des documents"
        verbose_name_plural = "courriels des documents"
        ordering = ("-envoye_le", "-pk")

    def __str__(self) -> str:
        return f"{self.get_type_display()} à {self.destinataire} le {self.envoye_le:%d/%m/%Y}"


class Signalement(models.Model):
    """« Signaler une erreur »: a signatory tells the section the document they were asked
    to sign is wrong. While a report of a document is open, nobody signs it (signatures.
    signer refuses); it closes when the staff mark it handled, or by itself when a new
    version of the document replaces the one reported (signatures.circuit_reporter)."""

    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="signalements")
    signature = models.ForeignKey(
        Signature,
        on_delete=models.PROTECT,
        related_name="signalements",
        verbose_name="signalé par",
    )
    message = models.TextField("message", max_length=2000)
    cree_le = models.DateTimeField("signalé le")
    traite_le = models.DateTimeField("traité le", null=True, blank=True)
    traite_par = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="traité par",
    )
    # Closed by a new version of the document (its signatories then sign that one).
    nouvelle_version = models.ForeignKey(
        Document,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="corrigé par la version",
    )

    class Meta:
        verbose_name = "erreur signalée"
        verbose_name_plural = "erreurs signalées"
        ordering = ("document", "cree_le", "pk")

    def __str__(self) -> str:
        etat = f"traitée le {self.traite_le:%d/%m/%Y}" if self.traite_le else "ouverte"
        return f"Erreur signalée sur {self.document} ({etat})"
