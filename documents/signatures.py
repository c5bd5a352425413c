"""The signature circuit of a stored document (convention or avenant): who signs, personal
links, an explicit "I sign" action, and the evidence (when, from where, the SHA-256 of the
very file that was shown).

Lessons from the systems the section knows (systemes-existants.md §3): a circuit is never
silently replaced (ES #358); links are personal, short-lived but renewable (IF #3534,
#4171), and opening one consumes nothing — only the explicit click signs, so a mail
scanner following the link signs nothing (IF #4476). The secret of a link is given once to
the caller (to be sent by e-mail) and only its SHA-256 is stored."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from comptes.models import Utilisateur
from conventions.models import Convention, Statut
from conventions.workflow import garde_circuit
from core.courrier import apres_validation
from documents import libelles, signalements
from documents.conclusion import actives as _actives
from documents.conclusion import circuit_conclure
from documents.courriels import envoyer
from documents.fichiers import enregistrer_fichier, sans_orphelins
from documents.models import (
    CopieSignee,
    Document,
    OrdreSignature,
    RoleSignataire,
    Signature,
    TypeCourriel,
    TypeDocument,
)
from organismes.models import ContactOrganisme, RoleContact

DUREE_LIEN = timedelta(days=14)

# Lock order, the same in every write of the circuit (signing, paper copies, opening, a new
# version): signature → document → convention (→ host and tutor, which conventions.services
# takes). Two writes never wait for each other the other way round, so they never deadlock.

# Where a convention's own circuit opens: "validée" (opening sends it to signature) or "en
# signature" still without a circuit (the staff chose paper first). An avenant's circuit
# opens on a convention signed or running (conventions.workflow.AVENANT_POSSIBLE).


class SignatureRefusee(Exception):
    pass


@dataclass(frozen=True)
class Lien:
    signature: Signature
    jeton: str  # the secret of the personal link, never stored


def _empreinte(jeton: str) -> str:
    return hashlib.sha256(jeton.encode()).hexdigest()


def _nouveau_jeton() -> tuple[str, str]:
    jeton = secrets.token_urlsafe(32)
    return jeton, _empreinte(jeton)


def signataires(document: Document, *, le: datetime) -> list[tuple[str, str, str]]:
    """(role, name, e-mail) of everybody who signs `document` (R-CONV-1: the student, or
    also the legal representative of a minor; the host; the school; the référent; the
    tutor). Raises SignatureRefusee when one of them is unknown."""
    c = document.convention
    etudiant = c.etudiant
    liste: list[tuple[str, str, str]] = [(RoleSignataire.ETUDIANT, str(etudiant), etudiant.email)]
    debut = c.periodes.order_by("debut").values_list("debut", flat=True).first()
    if etudiant.est_mineur_le(debut or le.date()):
        if not etudiant.representant_legal_nom:
            raise SignatureRefusee("L'étudiant est mineur : indiquez son représentant légal.")
        liste.append(
            (
                RoleSignataire.REPRESENTANT_LEGAL,
                etudiant.representant_legal_nom,
                etudiant.representant_legal_email,
            )
        )
    contact = (
        ContactOrganisme.objects.filter(
            organisme=c.etablissement_accueil.organisme, role=RoleContact.SIGNATAIRE
        )
        .order_by("pk")
        .first()
    )
    if contact is None:
        raise SignatureRefusee("L'organisme d'accueil n'a pas de contact signataire.")
    liste.append(
        (RoleSignataire.ORGANISME, f"{contact.prenom} {contact.nom}".strip(), contact.email)
    )
    if c.tuteur:
        liste.append((RoleSignataire.TUTEUR, str(c.tuteur), c.tuteur.email))
    if c.referent:
        liste.append((RoleSignataire.REFERENT, str(c.referent), c.referent.email))
    from etablissement.selectors import etablissement_principal

    ecole = etablissement_principal()
    if ecole is None or not ecole.chef_etablissement_nom:
        raise SignatureRefusee("Indiquez le chef d'établissement, qui signe pour le lycée.")
    liste.append((RoleSignataire.ETABLISSEMENT, ecole.chef_etablissement_nom, ecole.email))
    return liste


def lien_url(jeton: str) -> str:
    return f"{settings.SITE_URL}{reverse('documents:signer', args=[jeton])}"


def _introduction(signature: Signature, type_: TypeCourriel) -> list[str]:
    """What the e-mail is about, in words: which student, which host, which dates, and in
    which capacity the addressee signs (documents.libelles)."""
    document = signature.document
    quoi = (
        f"{libelles.objet(document)} (convention n° {document.convention_id}, "
        f"version {document.version} du document)"
    )
    role = libelles.en_tant_que(signature.role)
    if type_ == TypeCourriel.LIEN:
        return [f"Vous êtes invité(e) à signer, {role}, le document suivant :", quoi + "."]
    if type_ == TypeCourriel.REPRISE:
        return [
            "La section a traité l'erreur signalée sur ce document : vous pouvez maintenant "
            f"le signer, {role}.",
            quoi + ".",
            "Voici un nouveau lien personnel ; il remplace ceux reçus auparavant.",
        ]
    lignes = [
        f"Rappel : votre signature, {role}, est toujours attendue sur le document suivant :",
        quoi + ".",
    ]
    debut = document.convention.debut
    if type_ == TypeCourriel.RELANCE_URGENTE and debut:
        lignes.append(
            f"Le stage commence le {debut:%d/%m/%Y} : la convention doit être signée par "
            "tous avant ce jour."
        )
    lignes.append("Voici un nouveau lien personnel ; il remplace ceux reçus auparavant.")
    return lignes


def _envoyer_lien(
    signature_pk: int, jeton: str, le: datetime, type_: TypeCourriel = TypeCourriel.LIEN
) -> None:
    """The personal link goes by e-mail to the address on record, never anywhere else, and
    the e-mail is logged (documents.courriels)."""
    signature = Signature.objects.select_related(
        "document__convention__etudiant",
        "document__convention__etablissement_accueil__organisme",
    ).get(pk=signature_pk)
    if not signature.email:
        return
    document = signature.document
    url = lien_url(jeton)
    lignes = [
        f"Bonjour {signature.nom},",
        "",
        *_introduction(signature, type_),
        "",
        "Votre lien personnel (ne le transmettez pas) :",
        url,
        "",
        f"Il est valable jusqu'au {timezone.localtime(signature.expire_le):%d/%m/%Y à %H:%M}. "
        "Ouvrir le lien ne signe rien : vous lirez le document, puis confirmerez votre "
        "signature. S'il a expiré, la page vous permet d'en demander un nouveau.",
        "",
        "Stages",
    ]
    prefixe = {
        TypeCourriel.LIEN: "Signature",
        TypeCourriel.REPRISE: "Vous pouvez signer",
    }.get(type_, "Rappel, signature attendue")
    envoyer(
        destinataire=signature.email,
        sujet=f"{prefixe} : {libelles.objet(document)} (convention n° {document.convention_id})",
        lignes=lignes,
        type_=type_,
        le=le,
        convention=document.convention,
        signature=signature,
    )


def _envoyer_apres_validation(
    lien: Lien, le: datetime, type_: TypeCourriel = TypeCourriel.LIEN
) -> None:
    apres_validation(partial(_envoyer_lien, lien.signature.pk, lien.jeton, le, type_))


@transaction.atomic
def circuit_ouvrir(
    *,
    document: Document,
    le: datetime,
    auteur: Utilisateur | None = None,
    ordre: OrdreSignature = OrdreSignature.PARALLELE,
) -> list[Lien]:
    """One personal link per signatory of `document`, e-mailed to its signatory once the
    transaction is committed, and never shown to whoever opened the circuit; refused if a
    circuit exists already on it (a new version of the document gets its own circuit), on an
    old version, or while the convention is not at that step (`_convention_prete`, which
    checks the law again under lock and, from "validée", sends the convention to signature).
    In `OrdreSignature.SEQUENTIEL`, only the first signatory is written to now: each next one
    gets a link of their own when the previous ones have signed (`_passer_la_main`), in the
    order of `signataires`. Raises SignatureRefusee, or conventions' TransitionRefusee when
    the law refuses."""
    if document.type not in (TypeDocument.CONVENTION, TypeDocument.AVENANT):
        raise SignatureRefusee("Seules la convention et ses avenants se signent ici.")
    Document.objects.select_for_update(no_key=True).filter(pk=document.pk).first()
    document.refresh_from_db()
    if document.signatures.exists():
        raise SignatureRefusee("Ce document a déjà son circuit de signature.")
    if Document.objects.filter(
        convention_id=document.convention_id,
        type=document.type,
        objet=document.objet,
        version__gt=document.version,
    ).exists():
        raise SignatureRefusee(
            "Une version plus récente de ce document existe : ouvrez le circuit sur elle."
        )
    liste = signataires(document, le=le)
    _convention_prete(document, auteur)
    document.ordre_signature = ordre
    document.save(update_fields=["ordre_signature"])
    liens = []
    for rang, (role, nom, email) in enumerate(liste):
        jeton, empreinte = _nouveau_jeton()
        signature = Signature.objects.create(
            document=document,
            role=role,
            rang=rang,
            nom=nom,
            email=email,
            jeton_sha256=empreinte,
            expire_le=le + DUREE_LIEN,
            ouvert_par=auteur,
        )
        lien = Lien(signature, jeton)
        if ordre == OrdreSignature.PARALLELE or rang == 0:
            _envoyer_apres_validation(lien, le)
            liens.append(lien)
    return liens


def _convention_prete(document: Document, auteur: Utilisateur | None) -> None:
    """Whether the convention is at the step where `document` is signed, decided under the
    convention's lock (taken after the document's): a convention "validée" is sent to
    signature (convention_transition runs the engine), one already "en signature" is checked
    again (convention_verifier), an avenant needs its convention signed or running."""
    from conventions.services import convention_transition, convention_verifier

    convention = Convention.objects.select_for_update(no_key=True).get(pk=document.convention_id)
    refus = garde_circuit(convention.statut, avenant=document.type == TypeDocument.AVENANT)
    if refus:
        raise SignatureRefusee(refus)
    if document.type == TypeDocument.AVENANT:
        return
    if convention.statut == Statut.VALIDEE:
        if auteur is None:
            raise SignatureRefusee(
                "Ouvrir le circuit envoie la convention en signature : il faut un membre du "
                "personnel nommé."
            )
        convention_transition(convention=convention, action="envoyer_signature", auteur=auteur)
    else:
        convention_verifier(convention=convention, acquitter=True)


def a_son_tour(signature: Signature) -> bool:
    """Whether `signature` may sign now: always in a parallel circuit; in a sequential one,
    once every active signatory before it has signed."""
    return signature.pk not in en_attente_de_leur_tour(signature.document)


def en_attente_de_leur_tour(document: Document) -> set[int]:
    """The signatures of a sequential circuit still waiting for the ones before them (their
    signatories have not been written to yet)."""
    if document.ordre_signature != OrdreSignature.SEQUENTIEL:
        return set()
    a_signer = [s.pk for s in _actives(document) if s.signe_le is None]
    return set(a_signer[1:])


def _passer_la_main(document: Document, le: datetime) -> Lien | None:
    """In a sequential circuit, the first signatory still to sign gets their link, unless
    it was sent already (their turn had come before a paper copy signed for someone after
    them, or a new version)."""
    if document.ordre_signature != OrdreSignature.SEQUENTIEL:
        return None
    suivant = next((s for s in _actives(document) if s.signe_le is None), None)
    if suivant is None or suivant.courriels.filter(type=TypeCourriel.LIEN).exists():
        return None
    return lien_renouveler(signature=suivant, le=le)


@transaction.atomic
def lien_renouveler(
    *, signature: Signature, le: datetime, type_: TypeCourriel = TypeCourriel.LIEN
) -> Lien:
    """A fresh link for a signatory who has not signed yet, e-mailed (after commit) to the
    address on record; the old one stops working. A reminder (documents/relances.py) is such
    a renewal, with its own words (`type_`)."""
    if signature.signe_le:
        raise SignatureRefusee("Ce signataire a déjà signé.")
    jeton, empreinte = _nouveau_jeton()
    signature.jeton_sha256 = empreinte
    signature.expire_le = le + DUREE_LIEN
    signature.save(update_fields=["jeton_sha256", "expire_le"])
    lien = Lien(signature, jeton)
    _envoyer_apres_validation(lien, le, type_)
    return lien


def signature_expiree_par_jeton(jeton: str, *, le: datetime) -> Signature | None:
    """The signatory of a link that expired unsigned (it may ask for a new one), or None."""
    return Signature.objects.filter(
        jeton_sha256=_empreinte(jeton), signe_le__isnull=True, expire_le__lte=le
    ).first()


def signature_par_jeton(jeton: str, *, le: datetime) -> Signature | None:
    """The signatory of a link still valid, or None (unknown, replaced or expired)."""
    signature = (
        Signature.objects.select_related("document__convention__etudiant")
        .filter(jeton_sha256=_empreinte(jeton))
        .first()
    )
    if signature is None or (signature.signe_le is None and signature.expire_le <= le):
        return None
    return signature


@sans_orphelins
@transaction.atomic
def signer(
    *,
    signature: Signature,
    le: datetime,
    adresse_ip: str | None,
    navigateur: str,
    empreinte_lue: str | None = None,
    identifie_autrement: bool = False,
) -> Signature:
    """The explicit act of signing: the evidence is the moment, the address, the browser and
    the SHA-256 of the file as stored now (it must still be the one generated, and the one
    the signatory read: `empreinte_lue`, the SHA-256 their page showed). `identifie_autrement`: the
    signatory is identified otherwise than by this signature's e-mailed link (the valid link of
    their space, espaces/; their logged-in student account, « Mon stage »), so the expiry of
    that link does not stop them."""
    signature = Signature.objects.select_for_update(no_key=True).get(pk=signature.pk)
    if signature.signe_le:
        raise SignatureRefusee("Vous avez déjà signé ce document.")
    if signature.expire_le <= le and not identifie_autrement:
        raise SignatureRefusee("Ce lien a expiré : demandez-en un nouveau à la section.")
    # The signature's row is locked: nobody moves it to another version now.
    document = Document.objects.select_for_update(no_key=True).get(pk=signature.document_id)
    signature.document = document
    if empreinte_lue is not None and empreinte_lue != document.sha256:
        raise SignatureRefusee(
            "Le document a changé depuis que vous l'avez ouvert : relisez sa nouvelle version "
            "avant de signer."
        )
    if signalements.ouvert(document) is not None:
        # Read under the document's lock, which a report takes too: a report and a
        # signature of the same document never pass each other.
        raise SignatureRefusee(signalements.REFUS)
    if not a_son_tour(signature):
        raise SignatureRefusee(
            "Les signataires qui vous précèdent n'ont pas encore tous signé : vous recevrez "
            "un nouveau lien à votre tour."
        )
    with document.fichier.open("rb") as fichier:
        empreinte = hashlib.sha256(fichier.read()).hexdigest()
    if empreinte != document.sha256:
        raise SignatureRefusee(
            "Le fichier ne correspond plus au document généré : signature refusée."
        )
    # The row is locked (PostgreSQL) and the update is conditional: of two clicks, one signs.
    signees = Signature.objects.filter(pk=signature.pk, signe_le__isnull=True).update(
        signe_le=le, sha256_signe=empreinte, adresse_ip=adresse_ip, navigateur=navigateur[:300]
    )
    if signees != 1:
        raise SignatureRefusee("Vous avez déjà signé ce document.")
    signature.refresh_from_db()
    if not circuit_conclure(document=document, le=le):
        _passer_la_main(document, le)
    return signature


@dataclass(frozen=True)
class Lot:
    """What one action « Je signe » over several documents did: the signatures given, and
    for each one refused, its reason (already signed, expired, not their turn, document
    changed since it was shown)."""

    signees: list[Signature]
    refusees: dict[int, str]


def signer_plusieurs(
    *,
    signatures: list[Signature],
    le: datetime,
    adresse_ip: str | None,
    navigateur: str,
    empreintes_lues: dict[int, str] | None = None,
    identifie_autrement: bool = False,
) -> Lot:
    """One explicit act of signing over several documents (the head of school's or a host's
    pile): each signature is signed as by `signer`, with its own evidence row and the
    SHA-256 of its own file, each in its own transaction, in the order of their keys so
    that two piles signed at once never wait for each other the other way round. One
    refusal does not undo the others: it is reported with its reason. `empreintes_lues`
    maps a signature's key to the SHA-256 the page showed for its document;
    `identifie_autrement` as for `signer`."""
    lues = empreintes_lues or {}
    signees: list[Signature] = []
    refusees: dict[int, str] = {}
    for signature in sorted(signatures, key=lambda s: s.pk):
        try:
            signees.append(
                signer(
                    signature=signature,
                    le=le,
                    adresse_ip=adresse_ip,
                    navigateur=navigateur,
                    empreinte_lue=lues.get(signature.pk),
                    identifie_autrement=identifie_autrement,
                )
            )
        except SignatureRefusee as refus:
            refusees[signature.pk] = str(refus)
    return Lot(signees, refusees)


@transaction.atomic
def circuit_reporter(*, ancien: Document, nouveau: Document, le: datetime) -> list[Lien]:
    """A new version of a document under signature: whoever signed the old one signed a text
    that changed, so their signature is invalidated (kept as evidence) and they get a new link
    for the new version by e-mail; whoever had not signed yet keeps their link, which now
    shows the new version. Nobody else is asked again."""
    nouveau.ordre_signature = ancien.ordre_signature
    nouveau.save(update_fields=["ordre_signature"])
    sequentiel = ancien.ordre_signature == OrdreSignature.SEQUENTIEL
    # The corrected version answers the errors reported on the old one: the circuit resumes,
    # and whoever keeps their link is told so (they were told the signature was stopped).
    corrige = signalements.fermer_par_nouvelle_version(ancien=ancien, nouveau=nouveau, le=le)
    gardees: list[Signature] = []
    liens = []
    for ancienne in _actives(ancien):
        if ancienne.signe_le is None:
            ancienne.document = nouveau
            ancienne.save(update_fields=["document"])
            gardees.append(ancienne)
            continue
        ancienne.invalidee_le = le
        ancienne.save(update_fields=["invalidee_le"])
        jeton, empreinte = _nouveau_jeton()
        signature = Signature.objects.create(
            document=nouveau,
            role=ancienne.role,
            rang=ancienne.rang,
            nom=ancienne.nom,
            email=ancienne.email,
            jeton_sha256=empreinte,
            expire_le=le + DUREE_LIEN,
            ouvert_par=ancienne.ouvert_par,
        )
        if not sequentiel:
            lien = Lien(signature, jeton)
            _envoyer_apres_validation(lien, le)
            liens.append(lien)
    # In order, the signatories sign the new version again from the first one.
    premier = _passer_la_main(nouveau, le) if sequentiel else None
    if corrige:
        deja = {premier.signature.pk} if premier else set()
        liens += circuit_reprendre(
            document=nouveau, le=le, parmi=[s for s in gardees if s.pk not in deja]
        )
    return [*liens, premier] if premier else liens


def circuit_reprendre(
    *, document: Document, le: datetime, parmi: list[Signature] | None = None
) -> list[Lien]:
    """After an error reported on `document` was handled (documents.signalements), each
    signatory still to sign whose turn has come (`parmi` them) gets a fresh link, with words
    saying they may sign now. The caller holds the circuit's locks."""
    attente = en_attente_de_leur_tour(document)
    candidates = parmi if parmi is not None else _actives(document)
    return [
        lien_renouveler(signature=s, le=le, type_=TypeCourriel.REPRISE)
        for s in candidates
        if s.signe_le is None and s.invalidee_le is None and s.email and s.pk not in attente
    ]


TAILLE_MAX_COPIE = 10 * 1024 * 1024  # 10 Mo: a scanned convention of a few pages


@sans_orphelins
@transaction.atomic
def copie_deposer(
    *,
    document: Document,
    contenu: bytes,
    signature: Signature | None,
    auteur: Utilisateur,
    le: datetime,
) -> CopieSignee:
    """The paper path, first step: the staff upload the scanned copy signed in ink, for one
    signatory (`signature`) or for every one still to sign (None). PDF only, 10 Mo at most.
    Nothing counts until a member of staff confirms it (copie_confirmer)."""
    if not contenu.startswith(b"%PDF-"):
        raise SignatureRefusee("La copie numérisée doit être un fichier PDF.")
    if len(contenu) > TAILLE_MAX_COPIE:
        raise SignatureRefusee("La copie numérisée dépasse 10 Mo.")
    actives = _actives(document)
    if not actives:
        raise SignatureRefusee("Ouvrez d'abord le circuit de signature de ce document.")
    if signature is not None and (
        signature.document_id != document.pk or signature.signe_le or signature.invalidee_le
    ):
        raise SignatureRefusee("Ce signataire n'a plus à signer ce document.")
    if all(s.signe_le for s in actives):
        raise SignatureRefusee("Tous les signataires ont déjà signé ce document.")
    copie = CopieSignee(
        document=document,
        signature=signature,
        sha256=hashlib.sha256(contenu).hexdigest(),
        deposee_par=auteur,
        deposee_le=le,
    )
    enregistrer_fichier(
        copie.fichier, document.nom_fichier.removesuffix(".pdf") + "-copie-papier.pdf", contenu
    )
    copie.save()
    return copie


@sans_orphelins
@transaction.atomic
def copie_confirmer(*, copie: CopieSignee, auteur: Utilisateur, le: datetime) -> list[Signature]:
    """The paper path, second step: the staff confirm the copy; it then stands for the
    signature of its signatory (or of everyone still to sign), with the SHA-256 of the
    document that was printed. The convention follows as for an electronic signature."""
    copie = CopieSignee.objects.select_for_update(no_key=True).get(pk=copie.pk)
    if copie.confirmee_le:
        raise SignatureRefusee("Cette copie est déjà confirmée.")
    # The lock order of the circuit: the signatures, then their document.
    visees = Signature.objects.select_for_update(no_key=True).filter(
        document_id=copie.document_id, invalidee_le__isnull=True, signe_le__isnull=True
    )
    if copie.signature_id is not None:
        visees = visees.filter(pk=copie.signature_id)
    signees = list(visees.order_by("pk"))
    document = Document.objects.select_for_update(no_key=True).get(pk=copie.document_id)
    if not signees:
        raise SignatureRefusee("Plus personne n'a à signer avec cette copie.")
    copie.confirmee_par = auteur
    copie.confirmee_le = le
    copie.save(update_fields=["confirmee_par", "confirmee_le"])
    for signature in signees:
        signature.signe_le = le
        signature.sha256_signe = document.sha256
        signature.navigateur = f"Signature manuscrite (copie numérisée, SHA-256 {copie.sha256})"
        signature.copie = copie
        signature.save(update_fields=["signe_le", "sha256_signe", "navigateur", "copie"])
    if not circuit_conclure(document=document, le=le):
        _passer_la_main(document, le)
    return signees
