"""The personal links to the spaces without an account (a tutor, a host's signatory, the head
of school) and what a host answers there about a convention's data.

A link follows the rules of the signature links (documents/signatures.py): its secret is
e-mailed once to the address on record and never stored (only its SHA-256), it expires, and a
new one revokes the previous one."""

from __future__ import annotations

from django.db import models

from core.models import EvenementBase


class Qualite(models.TextChoices):
    TUTEUR = "tuteur", "Tuteur"
    SIGNATAIRE = "signataire", "Signataire de l'organisme d'accueil"
    CHEF_ETABLISSEMENT = "chef_etablissement", "Chef d'établissement"


class LienEspace(models.Model):
    """One personal link to a space. The host's links name their organisme (a tutor's, also
    their tutor row; a signatory's, their contact row): the page shows that organisme only.
    The head of school's names none: their page shows the school's signatures."""

    qualite = models.CharField("qualité", max_length=20, choices=Qualite.choices)
    nom = models.CharField("nom", max_length=200)
    email = models.EmailField("adresse e-mail")
    organisme = models.ForeignKey(
        "organismes.OrganismeAccueil",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="liens_espace",
        verbose_name="organisme d'accueil",
    )
    tuteur = models.ForeignKey(
        "organismes.Tuteur",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="liens_espace",
    )
    contact = models.ForeignKey(
        "organismes.ContactOrganisme",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="liens_espace",
    )
    jeton_sha256 = models.CharField("empreinte du lien", max_length=64, unique=True)
    expire_le = models.DateTimeField("valable jusqu'au")
    cree_le = models.DateTimeField("créé le")
    envoye_le = models.DateTimeField("envoyé le", null=True, blank=True)
    dernier_acces_le = models.DateTimeField("dernière visite le", null=True, blank=True)
    revoque_le = models.DateTimeField("remplacé le", null=True, blank=True)

    class Meta:
        verbose_name = "lien d'espace"
        verbose_name_plural = "liens d'espace"
        ordering = ("-cree_le", "-pk")

    def __str__(self) -> str:
        return f"{self.nom} ({self.get_qualite_display().lower()})"


class ConfirmationAccueil(models.Model):
    """A host's answer about a convention's data before validation: confirmed as shown
    (`confirme_le`), or a correction to make (`correction`, in the host's words)."""

    convention = models.ForeignKey(
        "conventions.Convention", on_delete=models.CASCADE, related_name="confirmations_accueil"
    )
    lien = models.ForeignKey(
        LienEspace, on_delete=models.PROTECT, related_name="confirmations", verbose_name="par"
    )
    confirme_le = models.DateTimeField("confirmé le", null=True, blank=True)
    correction = models.TextField("correction signalée", blank=True)
    cree_le = models.DateTimeField("le")

    class Meta:
        verbose_name = "réponse de l'organisme d'accueil"
        verbose_name_plural = "réponses des organismes d'accueil"
        ordering = ("-cree_le", "-pk")

    def __str__(self) -> str:
        quoi = "confirmé" if self.confirme_le else "correction signalée"
        return f"Convention n° {self.convention_id} : {quoi} le {self.cree_le:%d/%m/%Y}"


class EvenementEspace(EvenementBase):
    """The audit trail of the links: sent by a member of staff (auteur), or a new one asked
    by its holder on an expired page (nobody). The secret is never in it."""

    lien = models.ForeignKey(
        LienEspace, on_delete=models.PROTECT, related_name="evenements", verbose_name="lien"
    )

    class Meta(EvenementBase.Meta):
        verbose_name = "événement d'un espace"
        verbose_name_plural = "événements des espaces"

    def __str__(self) -> str:
        return f"{self.libelle} ({self.lien_id})"
