"""Prospecting host companies: prospects, their history of contacts, campaigns and the personal
link each recipient gets (its token kept only as a hash, as public/jetons.py)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from core.recherche import normaliser


class Statut(models.TextChoices):
    A_CONTACTER = "a_contacter", "à contacter"
    CONTACTE = "contacte", "contacté"
    INTERESSE = "interesse", "intéressé"
    OFFRE = "offre", "offre reçue"
    PARTENAIRE = "partenaire", "partenaire"
    REFUS = "refus", "ne plus solliciter"


class Canal(models.TextChoices):
    TELEPHONE = "telephone", "téléphone"
    COURRIEL = "courriel", "courriel"
    VISITE = "visite", "visite"
    SALON = "salon", "salon, forum"
    AUTRE = "autre", "autre"


class Prospect(models.Model):
    organisme = models.ForeignKey(
        "organismes.OrganismeAccueil",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="prospects",
        verbose_name="organisme d'accueil",
    )
    nom = models.CharField("organisation", max_length=200)
    siren = models.CharField("SIREN", max_length=9, blank=True)
    ville = models.CharField("ville", max_length=100, blank=True)
    secteur = models.CharField("secteur", max_length=100, blank=True)
    contact_nom = models.CharField("contact", max_length=200, blank=True)
    contact_email = models.EmailField("adresse e-mail", blank=True)
    contact_telephone = models.CharField("téléphone", max_length=20, blank=True)
    statut = models.CharField(
        "statut", max_length=12, choices=Statut.choices, default=Statut.A_CONTACTER
    )
    # The past host's record, written when it is added from the hosts.
    stagiaires_accueillis = models.PositiveIntegerField("stagiaires accueillis", default=0)
    dernier_stage = models.DateField("dernier stage", null=True, blank=True)
    recherche = models.CharField(max_length=300, blank=True, editable=False)
    cree_le = models.DateTimeField("créé le", auto_now_add=True)

    class Meta:
        verbose_name = "prospect"
        ordering = ("nom", "id")

    def __str__(self) -> str:
        return self.nom

    def save(self, *args: object, **kwargs: object) -> None:
        self.recherche = normaliser(self.nom, self.ville, self.contact_nom)[:300]
        super().save(*args, **kwargs)  # type: ignore[arg-type]


class Echange(models.Model):
    prospect = models.ForeignKey(
        Prospect, on_delete=models.CASCADE, related_name="echanges", verbose_name="prospect"
    )
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, verbose_name="par"
    )
    le = models.DateField("le")
    canal = models.CharField("canal", max_length=10, choices=Canal.choices)
    resultat = models.TextField("résultat", max_length=2000)
    suite = models.CharField("prochaine étape", max_length=300, blank=True)
    echeance = models.DateField("à faire pour le", null=True, blank=True)

    class Meta:
        verbose_name = "échange"
        ordering = ("-le", "-id")

    def __str__(self) -> str:
        return f"{self.prospect} ({self.le:%d/%m/%Y})"


class Campagne(models.Model):
    titre = models.CharField("titre", max_length=150)
    message = models.TextField("message", max_length=5000)
    cree_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, verbose_name="créée par"
    )
    cree_le = models.DateTimeField("créée le", auto_now_add=True)
    envoyee_le = models.DateTimeField("envoyée le", null=True, blank=True)

    class Meta:
        verbose_name = "campagne"
        ordering = ("-cree_le", "-id")

    def __str__(self) -> str:
        return self.titre


class Destinataire(models.Model):
    campagne = models.ForeignKey(Campagne, on_delete=models.CASCADE, related_name="destinataires")
    prospect = models.ForeignKey(Prospect, on_delete=models.CASCADE, related_name="destinations")
    email = models.EmailField("adresse e-mail")
    # SHA-256 of the personal link's token: the link itself only lives in the mailbox.
    jeton_empreinte = models.CharField(max_length=64, unique=True, editable=False)
    envoye_le = models.DateTimeField("envoyé le", null=True, blank=True)
    ouvert_le = models.DateTimeField("ouvert le", null=True, blank=True)
    decline_le = models.DateTimeField("décliné le", null=True, blank=True)
    # The proposal that came from this link (the least invasive for public/: no field there).
    proposition = models.OneToOneField(
        "public.PropositionStage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="destinataire_campagne",
    )

    class Meta:
        ordering = ("prospect__nom", "id")
        constraints = [
            models.UniqueConstraint(fields=["campagne", "prospect"], name="destinataire_unique")
        ]

    def __str__(self) -> str:
        return f"{self.prospect} — {self.campagne}"
