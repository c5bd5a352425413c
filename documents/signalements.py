"""« Signaler une erreur »: a signatory who reads a wrong document (a date, a name, an hour)
stops its circuit instead of signing it, and the section hears of it.

While a report is open on a document, nobody signs that document (`signatures.signer` reads
`ouvert` under the document's lock, which a report takes too: a report and a signature of
the same document never pass each other). It closes in one of two ways: the staff generate
a corrected version (`signatures.circuit_reporter` calls `fermer_par_nouvelle_version`; the
signatories then sign the new one), or they decide nothing needs changing and mark it
handled (`signalement_traiter`): the circuit resumes as it was. Each step writes a line on
the convention's timeline. Reporting twice the same thing is harmless: the same open report
is returned, nobody is written to again.

Lock order, the circuit's (conventions/verrous.py): signature → document → its reports."""

from __future__ import annotations

from datetime import datetime
from functools import partial

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from comptes.models import Utilisateur
from conventions.services import convention_noter
from core.audit import Action
from core.courrier import apres_validation
from documents import libelles
from documents.courriels import envoyer
from documents.models import Document, Signalement, Signature, TypeCourriel

MESSAGE_MAX = 2000

REFUS = (
    "Une erreur a été signalée sur ce document : sa signature est suspendue. La section va "
    "le vérifier et vous enverra une version corrigée, ou vous préviendra que vous pouvez "
    "signer celle-ci."
)


class SignalementRefuse(Exception):
    pass


def ouvert(document: Document) -> Signalement | None:
    """The first report of `document` the staff have not handled yet, or None."""
    return (
        Signalement.objects.filter(document=document, traite_le__isnull=True)
        .select_related("signature")
        .order_by("cree_le", "pk")
        .first()
    )


def ouverts(document: Document) -> list[Signalement]:
    return list(
        Signalement.objects.filter(document=document, traite_le__isnull=True)
        .select_related("signature")
        .order_by("cree_le", "pk")
    )


def _message(texte: str) -> str:
    message = texte.replace("\x00", "").strip()
    if not message:
        raise SignalementRefuse("Décrivez l'erreur que vous avez vue dans le document.")
    if len(message) > MESSAGE_MAX:
        raise SignalementRefuse(
            f"Votre message dépasse {MESSAGE_MAX} caractères : raccourcissez-le."
        )
    return message


@transaction.atomic
def signaler(*, signature: Signature, message: str, le: datetime) -> Signalement:
    """Record the error `signature`'s signatory reports on their document, stop its
    circuit, note it on the convention's timeline and tell the référent by e-mail (the
    section's address when there is none) once committed. Raises SignalementRefuse."""
    message = _message(message)
    signature = Signature.objects.select_for_update(no_key=True).get(pk=signature.pk)
    if signature.invalidee_le:
        raise SignalementRefuse(
            "Ce lien concerne une version remplacée du document : ouvrez le lien reçu pour "
            "la nouvelle version."
        )
    document = Document.objects.select_for_update(no_key=True).get(pk=signature.document_id)
    if document.fichier_signe:
        raise SignalementRefuse(
            "Tous les signataires ont signé ce document : pour le changer, écrivez à la "
            "section, qui fera un avenant."
        )
    deja = Signalement.objects.filter(
        document=document, signature=signature, traite_le__isnull=True, message=message
    ).first()
    if deja is not None:
        return deja
    signalement = Signalement.objects.create(
        document=document, signature=signature, message=message, cree_le=le
    )
    convention_noter(
        document.convention,
        action=Action.SIGNALEMENT,
        auteur=None,
        commentaire=(
            f"{signature.nom}, {libelles.en_tant_que(signature.role)}, sur la version "
            f"{document.version} du document : {message}"
        ),
        donnees={"document": document.pk, "signalement": signalement.pk},
    )
    apres_validation(partial(_prevenir, signalement.pk, le))
    return signalement


@transaction.atomic
def signalement_traiter(
    *, document: Document, auteur: Utilisateur, le: datetime
) -> list[Signalement]:
    """The staff read the reports of `document` and change nothing: they are closed and its
    circuit resumes: each signatory still to sign whose turn has come gets a fresh link by
    e-mail saying so. Raises SignalementRefuse when none is open."""
    # The circuit's lock order: its signatures, then the document, then its reports.
    from documents.signatures import circuit_reprendre

    list(
        Signature.objects.select_for_update(no_key=True)
        .filter(document_id=document.pk, invalidee_le__isnull=True)
        .order_by("pk")
    )
    document = Document.objects.select_for_update(no_key=True).get(pk=document.pk)
    traites = list(
        Signalement.objects.select_for_update(no_key=True)
        .filter(document=document, traite_le__isnull=True)
        .order_by("pk")
    )
    if not traites:
        raise SignalementRefuse("Aucune erreur signalée n'attend sur ce document.")
    Signalement.objects.filter(pk__in=[s.pk for s in traites]).update(
        traite_le=le, traite_par=auteur
    )
    convention_noter(
        document.convention,
        action=Action.SIGNALEMENT_TRAITE,
        auteur=auteur,
        commentaire=(
            f"Version {document.version} du document maintenue : les signataires peuvent la signer."
        ),
        donnees={"document": document.pk, "signalements": [s.pk for s in traites]},
    )
    circuit_reprendre(document=document, le=le)
    return traites


def fermer_par_nouvelle_version(*, ancien: Document, nouveau: Document, le: datetime) -> int:
    """A new version of a reported document answers its reports (the caller, the circuit's
    move to the new version, holds the old document's lock); how many were open."""
    fermes = Signalement.objects.filter(document=ancien, traite_le__isnull=True).update(
        traite_le=le, traite_par=nouveau.auteur, nouvelle_version=nouveau
    )
    if fermes:
        convention_noter(
            ancien.convention,
            action=Action.SIGNALEMENT_TRAITE,
            auteur=nouveau.auteur,
            commentaire=(
                f"Version {nouveau.version} du document générée : les signataires signent "
                "cette nouvelle version."
            ),
            donnees={"document": ancien.pk, "nouvelle_version": nouveau.pk},
        )
    return fermes


def destinataire(document: Document) -> str:
    """Who hears of a report: the référent, else the section (its head of works, else the
    school's address)."""
    referent = document.convention.referent
    if referent is not None and referent.email:
        return referent.email
    from etablissement.selectors import etablissement_principal

    ecole = etablissement_principal()
    if ecole is None:
        return ""
    return ecole.chef_travaux_email or ecole.email


def _prevenir(signalement_pk: int, le: datetime) -> None:
    signalement = Signalement.objects.select_related(
        "signature",
        "document__convention__etudiant",
        "document__convention__referent",
        "document__convention__etablissement_accueil__organisme",
    ).get(pk=signalement_pk)
    document = signalement.document
    convention = document.convention
    adresse = destinataire(document)
    if not adresse:
        return
    signature = signalement.signature
    lignes = [
        "Bonjour,",
        "",
        f"{signature.nom}, qui signe {libelles.en_tant_que(signature.role)}, signale une "
        "erreur dans le document suivant :",
        f"{libelles.objet(document)} (convention n° {convention.pk}, version "
        f"{document.version} du document).",
        "",
        f"Étudiant : {convention.etudiant}",
        f"Organisme d'accueil : {convention.etablissement_accueil.organisme.raison_sociale}",
        f"Dates : {libelles.dates(convention) or 'non renseignées'}",
        "",
        "Son message :",
        signalement.message,
        "",
        "Le circuit de signature est suspendu : personne ne peut signer ce document. "
        "Corrigez la convention et générez une nouvelle version (les signataires la "
        "recevront), ou, si rien n'est à changer, indiquez « Traité, le circuit reprend » "
        "sur la page du circuit :",
        f"{settings.SITE_URL}{reverse('documents:suivi', args=[document.pk])}",
        "",
        "Stages",
    ]
    envoyer(
        destinataire=adresse,
        sujet=f"Erreur signalée : {libelles.objet(document)} (convention n° {convention.pk})",
        lignes=lignes,
        type_=TypeCourriel.SIGNALEMENT,
        le=le,
        convention=convention,
    )
