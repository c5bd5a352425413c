"""Reminders (relances): whoever has not signed is written to again at fixed intervals, and
once more a few days before the stage begins; when a period of a stage is over, its host is
asked for the attestation (D124-9), once. Every e-mail goes in the journal (`Courriel`), which
is also what tells the next pass whom to write to: a pass run twice the same day sends
nothing twice.

The intervals are settings (RELANCES_JOURS, RELANCES_PUIS_JOURS, RELANCE_URGENTE_JOURS) and
are counted in calendar days, so the hour at which the pass runs does not matter. The pass
never reads the clock: `manage.py relances` gives it the moment (`le`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from django.conf import settings
from django.db.models import F, Prefetch, Q
from django.utils import timezone

from conventions.models import Convention, PeriodeConvention
from conventions.workflow import A_ATTESTER, AVENANT_POSSIBLE, SIGNATURE_ATTENDUE
from documents.courriels import envoyer
from documents.models import (
    Courriel,
    OrdreSignature,
    Signalement,
    Signature,
    TypeCourriel,
    TypeDocument,
)
from documents.signatures import lien_renouveler
from etablissement.selectors import etablissement_principal
from organismes.models import ContactOrganisme, RoleContact

# Whose signature is still worth asking for: a convention on its way to signature, an
# avenant of a convention signed or running. Not a draft sent back, not a cancelled stage.
# The statuses are the workflow's (conventions.workflow).
STATUTS_A_RELANCER = {
    TypeDocument.CONVENTION: SIGNATURE_ATTENDUE,
    TypeDocument.AVENANT: AVENANT_POSSIBLE,
}
RELANCES = (TypeCourriel.RELANCE, TypeCourriel.RELANCE_URGENTE)


@dataclass(frozen=True)
class Cadence:
    jours: tuple[int, ...]  # reminders so many days after the link: (3, 7) is J+3 and J+7
    puis: int  # then one every so many days
    urgence: int  # and one so many days before the stage begins

    @classmethod
    def reglee(cls) -> Cadence:
        return cls(
            jours=tuple(settings.RELANCES_JOURS),
            puis=settings.RELANCES_PUIS_JOURS,
            urgence=settings.RELANCE_URGENTE_JOURS,
        )

    def __str__(self) -> str:
        jours = ", ".join(str(j) for j in self.jours[:-1])
        jours = f"{jours} et {self.jours[-1]}" if jours else str(self.jours[-1])
        return (
            f"{jours} jours après le lien, puis tous les {self.puis} jours, et "
            f"{self.urgence} jours avant le début du stage"
        )

    def ecart(self, rang: int) -> int:
        """Days between the previous e-mail and reminder number `rang` (0 is the first)."""
        if rang >= len(self.jours):
            return self.puis
        precedent = self.jours[rang - 1] if rang else 0
        return max(1, self.jours[rang] - precedent)


@dataclass(frozen=True)
class Envoi:
    type: str
    le: datetime


def _jour(moment: datetime) -> date:
    return timezone.localdate(moment)


def relance_due(
    *,
    envois: Sequence[Envoi],
    ouvert_le: datetime,
    debut: date | None,
    le: datetime,
    cadence: Cadence,
) -> TypeCourriel | None:
    """Which reminder a signatory who has not signed is owed at `le`, if any, given the
    e-mails already sent to them (`envois`, a link first), the moment their circuit was
    opened (for a circuit older than the journal) and the first day of the stage (None for
    an avenant). At most one e-mail a day."""
    envois = sorted(envois, key=lambda e: e.le)
    dernier = envois[-1].le if envois else ouvert_le
    ecoules = (_jour(le) - _jour(dernier)).days
    if ecoules < 1:
        return None
    if (
        debut is not None
        and 0 <= (debut - _jour(le)).days <= cadence.urgence
        and not any(e.type == TypeCourriel.RELANCE_URGENTE for e in envois)
    ):
        return TypeCourriel.RELANCE_URGENTE
    liens = [i for i, e in enumerate(envois) if e.type == TypeCourriel.LIEN]
    depuis_le_lien = envois[liens[-1] + 1 :] if liens else envois
    rang = sum(1 for e in depuis_le_lien if e.type == TypeCourriel.RELANCE)
    return TypeCourriel.RELANCE if ecoules >= cadence.ecart(rang) else None


def _a_relancer() -> list[Signature]:
    """The signatures still awaited whose turn has come (in a sequential circuit, only the
    first one still to sign: the others have not been written to yet)."""
    signatures = []
    for type_, statuts in STATUTS_A_RELANCER.items():
        signatures += list(
            Signature.objects.filter(
                signe_le__isnull=True,
                invalidee_le__isnull=True,
                document__type=type_,
                document__convention__statut__in=statuts,
            )
            # A circuit stopped by a reported error: nobody can sign, nobody is reminded.
            .exclude(
                document__in=Signalement.objects.filter(traite_le__isnull=True).values("document")
            )
            .select_related("document__convention")
            .prefetch_related(
                Prefetch("courriels", queryset=Courriel.objects.order_by("envoye_le"))
            )
            .order_by("document_id", "rang", "pk")
        )
    vus: set[int] = set()
    retenues = []
    for s in signatures:  # each document's in the circuit's order
        premiere = s.document_id not in vus
        vus.add(s.document_id)
        if s.email and (premiere or s.document.ordre_signature != OrdreSignature.SEQUENTIEL):
            retenues.append(s)
    return retenues


def signatures_relancer(*, le: datetime, cadence: Cadence | None = None) -> int:
    """Send every reminder due at `le` (a new personal link each time: only its hash is
    kept, so the old one cannot be sent again). Returns how many were sent."""
    cadence = cadence or Cadence.reglee()
    envoyees = 0
    for signature in _a_relancer():
        document = signature.document
        due = relance_due(
            envois=[Envoi(c.type, c.envoye_le) for c in signature.courriels.all()],
            ouvert_le=signature.cree_le,
            debut=document.convention.debut if document.type == TypeDocument.CONVENTION else None,
            le=le,
            cadence=cadence,
        )
        if due is not None:
            lien_renouveler(signature=signature, le=le, type_=due)
            envoyees += 1
    return envoyees


def _destinataire(convention: Convention) -> tuple[str, str] | None:
    """The tutor, else the host's signatory: (name, e-mail)."""
    tuteur = convention.tuteur
    if tuteur and tuteur.email:
        return f"{tuteur.prenom} {tuteur.nom}".strip(), tuteur.email
    contact = (
        ContactOrganisme.objects.filter(
            organisme=convention.etablissement_accueil.organisme, role=RoleContact.SIGNATAIRE
        )
        .exclude(email="")
        .order_by("pk")
        .first()
    )
    if contact is None:
        return None
    return f"{contact.prenom} {contact.nom}".strip(), contact.email


def _fin_du_stage(convention: Convention, periode: PeriodeConvention) -> str:
    """The sentence that says the period is over: its last day, or the day the stage was
    ended early when that came first."""
    rupture = convention.rupture_dernier_jour
    if rupture is not None and rupture < periode.fin:
        return (
            f"Le stage de {convention.etudiant} dans votre organisme, commencé le "
            f"{periode.debut:%d/%m/%Y} et prévu jusqu'au {periode.fin:%d/%m/%Y}, a pris fin "
            f"de façon anticipée le {rupture:%d/%m/%Y} (convention n° {convention.pk})."
        )
    return (
        f"Le stage de {convention.etudiant} dans votre organisme, du "
        f"{periode.debut:%d/%m/%Y} au {periode.fin:%d/%m/%Y}, est terminé "
        f"(convention n° {convention.pk})."
    )


def _demander_attestation(periode: PeriodeConvention, le: datetime, retour: str) -> bool:
    """`retour`: where the host sends the attestation back, « (the school's e-mail) » or ""."""
    convention = periode.convention
    destinataire = _destinataire(convention)
    if destinataire is None:
        return False  # asked again at the next pass, once the host has an address
    nom, email = destinataire
    lignes = [
        f"Bonjour {nom},",
        "",
        _fin_du_stage(convention, periode),
        "",
        "L'organisme d'accueil délivre au stagiaire une attestation de stage (article D124-9 "
        "du code de l'éducation) : durée effective totale du stage et, s'il y a lieu, montant "
        "total de la gratification versée. Elle est exigée pour l'examen du BTS.",
        "",
        f"Merci de la remplir, de la signer et de la retourner à la section{retour} ; "
        "l'attestation pré-remplie d'après le relevé de présence vous est envoyée sur demande.",
        "",
        "Stages",
    ]
    envoyer(
        destinataire=email,
        sujet=f"Attestation de stage de {convention.etudiant} (convention n° {convention.pk})",
        lignes=lignes,
        type_=TypeCourriel.ATTESTATION,
        le=le,
        convention=convention,
        periode=periode,
    )
    return True


def attestations_demander(*, le: datetime) -> int:
    """Ask the host for the attestation of every period over at `le` (its last day, or the
    last day of a stage ended early, passed) whose convention has no attestation recorded,
    once per period. Returns how many were sent."""
    aujourd_hui = _jour(le)
    periodes = (
        PeriodeConvention.objects.filter(convention__statut__in=A_ATTESTER)
        .filter(Q(fin__lt=aujourd_hui) | Q(convention__rupture_dernier_jour__lt=aujourd_hui))
        # A period that had not begun when the stage was ended early has nothing to attest.
        .exclude(convention__rupture_dernier_jour__lt=F("debut"))
        .exclude(courriels__type=TypeCourriel.ATTESTATION)
        .select_related(
            "convention__etudiant", "convention__tuteur", "convention__etablissement_accueil"
        )
        .order_by("pk")
    )
    ecole = etablissement_principal()  # once for the whole pass
    retour = f" ({ecole.email})" if ecole and ecole.email else ""
    return sum(_demander_attestation(periode, le, retour) for periode in periodes)


@dataclass(frozen=True)
class Bilan:
    relances: int
    attestations: int


def relances_envoyer(*, le: datetime) -> Bilan:
    """One pass: the reminders of the signatures, then the attestation requests."""
    return Bilan(signatures_relancer(le=le), attestations_demander(le=le))
