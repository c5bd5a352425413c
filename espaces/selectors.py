"""Reads of the spaces: what a link opens (the conventions of its scope, the signatures
awaiting its holder, the data to confirm, the attestations), and what the staff see of the
links and of the hosts' answers.

Every page of a space reads its scope here and nowhere else: a tutor sees the conventions they
tutor, a signatory all of their organisme's, the head of school the school's signatures only.
Nothing of another host is ever in a scope."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import Prefetch, QuerySet

from conventions.models import Convention, EvenementConvention, PeriodeConvention, Statut
from conventions.workflow import A_ATTESTER, MODIFICATION_POSSIBLE
from core.audit import Action
from documents.models import Document, RoleSignataire, Signature, TypeDocument
from documents.signatures import a_son_tour
from espaces.models import ConfirmationAccueil, LienEspace, Qualite
from organismes.models import ContactOrganisme, OrganismeAccueil, RoleContact
from regles.parametres import parametres
from regles.presence import annee_scolaire_du

# The roles a host's link signs for: never the school's, the student's or the référent's,
# even at the same address.
ROLES_ACCUEIL = (RoleSignataire.ORGANISME, RoleSignataire.TUTEUR)
# A circuit that no longer leads anywhere.
ABANDONNEES = (Statut.ANNULEE,)


def conventions_du_lien(lien: LienEspace) -> QuerySet[Convention]:
    """The conventions a host's link shows: a tutor's own, or all of a signatory's
    organisme; none for the head of school (their page lists signatures)."""
    conventions = Convention.objects.select_related(
        "etudiant", "referent", "tuteur", "etablissement_accueil__organisme"
    )
    if lien.qualite == Qualite.TUTEUR and lien.tuteur_id is not None:
        return conventions.filter(tuteur_id=lien.tuteur_id)
    if lien.qualite == Qualite.SIGNATAIRE and lien.organisme_id is not None:
        return conventions.filter(etablissement_accueil__organisme_id=lien.organisme_id)
    return conventions.none()


@dataclass(frozen=True)
class ASigner:
    """A signature awaiting the link's holder, and whether they may sign it now."""

    signature: Signature
    raison: str = ""  # empty: signable now

    @property
    def document(self) -> Document:
        return self.signature.document

    @property
    def convention(self) -> Convention:
        return self.signature.document.convention

    @property
    def signable(self) -> bool:
        return not self.raison


def signatures_du_lien(lien: LienEspace, *, le: datetime) -> list[ASigner]:
    """The signatures of open circuits at the holder's address, not signed, not voided: the
    head of school's as the school; a host's on the conventions of its scope."""
    if lien.qualite == Qualite.CHEF_ETABLISSEMENT:
        return signatures_etablissement(lien.email, le=le)
    return _lignes(
        _en_attente(lien.email).filter(
            role__in=ROLES_ACCUEIL, document__convention__in=conventions_du_lien(lien)
        ),
        le=le,
    )


def signatures_etablissement(email: str, *, le: datetime) -> list[ASigner]:
    """The signatures awaiting the head of school, on every convention and avenant."""
    if not email:
        return []
    return _lignes(_en_attente(email).filter(role=RoleSignataire.ETABLISSEMENT), le=le)


def _en_attente(email: str) -> QuerySet[Signature]:
    return Signature.objects.filter(
        email__iexact=email,
        signe_le__isnull=True,
        invalidee_le__isnull=True,
        document__fichier_signe="",
    ).exclude(document__convention__statut__in=ABANDONNEES)


def _lignes(signatures: QuerySet[Signature], *, le: datetime) -> list[ASigner]:
    lignes = []
    for s in signatures.select_related(
        "document__convention__etudiant",
        "document__convention__etablissement_accueil__organisme",
    ).order_by("document__convention__debut", "document__convention_id", "document__type", "pk"):
        raison = ""
        if not a_son_tour(s):
            raison = "Les signataires qui vous précèdent n'ont pas encore tous signé."
        lignes.append(ASigner(s, raison))
    return lignes


@dataclass(frozen=True)
class Annee:
    annee: int  # the school year, named by the year it starts (0: no dates yet)
    conventions: list[Convention] = field(default_factory=list)

    @property
    def libelle(self) -> str:
        return f"{self.annee}-{self.annee + 1}"


def stagiaires_par_annee(conventions: QuerySet[Convention]) -> list[Annee]:
    """The interns by school year (latest first), the latest stages first within a year."""
    p = parametres()
    annees: dict[int, list[Convention]] = {}
    for c in conventions.order_by("-debut", "etudiant__nom"):
        annees.setdefault(annee_scolaire_du(c.debut, p) if c.debut else 0, []).append(c)
    return [Annee(annee, lignes) for annee, lignes in sorted(annees.items(), key=lambda a: -a[0])]


def a_confirmer(
    conventions: QuerySet[Convention],
) -> list[tuple[Convention, ConfirmationAccueil | None]]:
    """The conventions still in preparation, with the host's last answer about them."""
    liste = (
        conventions.filter(statut__in=MODIFICATION_POSSIBLE)
        .prefetch_related(
            Prefetch("periodes", queryset=PeriodeConvention.objects.order_by("debut")),
            "missions__famille",
            Prefetch(
                "confirmations_accueil",
                queryset=ConfirmationAccueil.objects.select_related("lien"),
            ),
        )
        .order_by("debut", "pk")
    )
    return [(c, next(iter(c.confirmations_accueil.all()), None)) for c in liste]


@dataclass(frozen=True)
class Attestation:
    periode: PeriodeConvention
    document: Document | None  # the latest generated; None: the host may generate it


def attestations(conventions: QuerySet[Convention], *, aujourdhui: date) -> list[Attestation]:
    """The periods over (their last day before today) of stages that took place, and the
    attestation of each, to download or, none generated yet, to generate."""
    periodes = (
        PeriodeConvention.objects.filter(
            convention__in=conventions.filter(statut__in=(*A_ATTESTER, Statut.ATTESTEE)),
            fin__lt=aujourdhui,
        )
        .select_related("convention__etudiant")
        .order_by("-fin", "pk")
    )
    documents: dict[str, Document] = {}
    for d in Document.objects.filter(
        convention__in=[p.convention_id for p in periodes], type=TypeDocument.ATTESTATION
    ).order_by("convention_id", "objet", "-version"):
        documents.setdefault(f"{d.convention_id}/{d.objet}", d)
    return [Attestation(p, documents.get(f"{p.convention_id}/periode-{p.pk}")) for p in periodes]


def documents_visibles(lien: LienEspace, *, le: datetime, aujourdhui: date) -> QuerySet[Document]:
    """The documents a link may open: the ones awaiting its holder's signature and the
    attestations of its scope. Any other id is not found."""
    a_signer = [ligne.document.pk for ligne in signatures_du_lien(lien, le=le)]
    attestes = [
        a.document.pk
        for a in attestations(conventions_du_lien(lien), aujourdhui=aujourdhui)
        if a.document
    ]
    return Document.objects.filter(pk__in=[*a_signer, *attestes])


@dataclass(frozen=True)
class EtatConfirmation:
    """Where a convention's data stands with its host, for the staff's page."""

    possible: bool  # the convention is still in preparation
    reponse: ConfirmationAccueil | None
    demandee: EvenementConvention | None


def confirmation(convention: Convention) -> EtatConfirmation:
    return EtatConfirmation(
        possible=convention.statut in MODIFICATION_POSSIBLE,
        reponse=convention.confirmations_accueil.select_related("lien").first(),
        demandee=convention.evenements.filter(action=Action.ACCUEIL_DEMANDE)
        .select_related("auteur")
        .order_by("-horodatage", "-pk")
        .first(),
    )


@dataclass(frozen=True)
class Destinataire:
    """A person of a host who may receive their link, and their latest link."""

    cle: str  # "tuteur-<pk>" or "contact-<pk>": the value of the staff's button
    nom: str
    qualite: str
    email: str
    dernier: LienEspace | None


def destinataires(organisme: OrganismeAccueil) -> list[Destinataire]:
    """The host's tutors and signatory contacts, with the last link each was sent."""
    liens = list(LienEspace.objects.filter(organisme=organisme).order_by("-cree_le", "-pk"))

    def dernier(**cle: int) -> LienEspace | None:
        ((nom, pk),) = cle.items()
        return next((x for x in liens if getattr(x, f"{nom}_id") == pk), None)

    lignes = [
        Destinataire(f"tuteur-{t.pk}", str(t), "Tuteur", t.email, dernier(tuteur=t.pk))
        for t in organisme.tuteurs.order_by("nom", "prenom")
    ]
    lignes += [
        Destinataire(
            f"contact-{c.pk}",
            f"{c.prenom} {c.nom}".strip(),
            "Signataire des conventions",
            c.email,
            dernier(contact=c.pk),
        )
        for c in ContactOrganisme.objects.filter(
            organisme=organisme, role=RoleContact.SIGNATAIRE
        ).order_by("nom")
    ]
    return lignes


def dernier_lien_chef() -> LienEspace | None:
    return (
        LienEspace.objects.filter(qualite=Qualite.CHEF_ETABLISSEMENT)
        .order_by("-cree_le", "-pk")
        .first()
    )
