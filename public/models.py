"""A stage offered by a company from the public space: the section's staff follow it up.

Kept apart from the host organisations (organismes/): a proposal is what a visitor typed,
unchecked; the staff create the organisation and the convention from it."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from core.models import EvenementBase
from etablissement.models import PeriodePromotion
from organismes.validators import valider_naf, valider_siret
from referentiel.models import Mission


class StatutProposition(models.TextChoices):
    RECUE = "recue", "reçue"
    ACCEPTEE = "acceptee", "acceptée"
    REFUSEE = "refusee", "refusée"
    RETIREE = "retiree", "retirée"


# Who may move a proposal where: the staff accept or refuse a received offer, the company
# withdraws it as long as it is not refused. Nothing leaves « refusée » or « retirée ».
TRANSITIONS: dict[str, frozenset[str]] = {
    StatutProposition.RECUE: frozenset(
        {StatutProposition.ACCEPTEE, StatutProposition.REFUSEE, StatutProposition.RETIREE}
    ),
    StatutProposition.ACCEPTEE: frozenset({StatutProposition.RETIREE}),
    StatutProposition.REFUSEE: frozenset(),
    StatutProposition.RETIREE: frozenset(),
}


class TrancheEffectif(models.TextChoices):
    """INSEE's headcount bands (SIRENE), as the company directory gives them."""

    NN = "NN", "aucun salarié"
    T00 = "00", "0 salarié"
    T01 = "01", "1 ou 2 salariés"
    T02 = "02", "3 à 5 salariés"
    T03 = "03", "6 à 9 salariés"
    T11 = "11", "10 à 19 salariés"
    T12 = "12", "20 à 49 salariés"
    T21 = "21", "50 à 99 salariés"
    T22 = "22", "100 à 199 salariés"
    T31 = "31", "200 à 249 salariés"
    T32 = "32", "250 à 499 salariés"
    T41 = "41", "500 à 999 salariés"
    T42 = "42", "1 000 à 1 999 salariés"
    T51 = "51", "2 000 à 4 999 salariés"
    T52 = "52", "5 000 à 9 999 salariés"
    T53 = "53", "10 000 salariés et plus"


class IntentionGratification(models.TextChoices):
    """What the company means to pay; the law decides whether it must (regles/cadre.py)."""

    MINIMUM = "minimum", "le minimum légal"
    AU_DELA = "au_dela", "plus que le minimum légal"
    AUCUNE = "aucune", "pas de gratification"
    A_VOIR = "a_voir", "à voir avec la section"


class PropositionStage(models.Model):
    cree_le = models.DateTimeField("reçue le", auto_now_add=True)
    entreprise = models.CharField("entreprise", max_length=200)
    # Blank only for the proposals sent before the form asked for it (they had a SIREN).
    siret = models.CharField("SIRET", max_length=14, blank=True, validators=[valider_siret])
    adresse = models.TextField("adresse", blank=True)
    code_postal = models.CharField("code postal", max_length=10, blank=True)
    ville = models.CharField("ville", max_length=100)
    naf = models.CharField("code NAF (APE)", max_length=6, blank=True, validators=[valider_naf])
    tranche_effectif = models.CharField(
        "effectif", max_length=2, blank=True, choices=TrancheEffectif.choices
    )
    contact_nom = models.CharField("nom du contact", max_length=200)
    contact_fonction = models.CharField("fonction", max_length=200, blank=True)
    contact_email = models.EmailField("adresse e-mail")
    contact_telephone = models.CharField("téléphone", max_length=20, blank=True)
    tuteur_nom = models.CharField("nom du tuteur", max_length=200, blank=True)
    tuteur_fonction = models.CharField("fonction du tuteur", max_length=200, blank=True)
    tuteur_email = models.EmailField("adresse e-mail du tuteur", blank=True)
    gratification = models.CharField(
        "gratification envisagée",
        max_length=10,
        choices=IntentionGratification.choices,
        default=IntentionGratification.A_VOIR,
    )
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
    statut = models.CharField(
        "statut", max_length=10, choices=StatutProposition.choices, default=StatutProposition.RECUE
    )
    # SHA-256 of the private follow-up link's token, like a password reset: the link itself
    # only lives in the company's mailbox. NULL rather than "" for the proposals sent before
    # the links existed: unique must not see them as duplicates.
    jeton_empreinte = models.CharField(  # noqa: DJ001
        max_length=64, unique=True, null=True, editable=False
    )

    class Meta:
        verbose_name = "proposition de stage"
        verbose_name_plural = "propositions de stage"
        ordering = ("-cree_le",)

    def __str__(self) -> str:
        return f"{self.entreprise} ({self.cree_le:%d/%m/%Y})"


class EvenementProposition(EvenementBase):
    """One change of a proposal: its status (action PROPOSITION_STATUT) or its content, by the
    company (PROPOSITION_MODIFICATION); who (nobody = the company, by its link), when, why
    (the commentaire: the reason of a refusal)."""

    proposition = models.ForeignKey(
        PropositionStage, on_delete=models.PROTECT, related_name="evenements"
    )
    avant = models.CharField("avant", max_length=10, choices=StatutProposition.choices)
    apres = models.CharField("après", max_length=10, choices=StatutProposition.choices)

    class Meta(EvenementBase.Meta):
        verbose_name = "suivi de proposition"
        verbose_name_plural = "suivis de proposition"

    def __str__(self) -> str:
        return f"{self.proposition} : {self.avant} → {self.apres}"
