"""The end of a signature circuit: once every signatory has signed, the final PDF (the
document and its signature page) is stored, a convention moves to "signée" if the law still
allows it (else the staff read why on the document's pages), and every signatory receives
their signed copy by e-mail. Their personal links then stop showing anything: the final PDF
carries every signatory's address and browser, and a link is no place to keep it."""

from __future__ import annotations

import hashlib
import io
from datetime import datetime
from functools import partial

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from core.courrier import apres_validation
from documents.courriels import envoyer
from documents.fichiers import enregistrer_fichier
from documents.models import Document, Signature, TypeCourriel, TypeDocument
from documents.rendu import pdf_depuis_html


def actives(document: Document) -> list[Signature]:
    """The signatures that count, in the circuit's order."""
    return list(document.signatures.filter(invalidee_le__isnull=True).order_by("rang", "pk"))


def circuit_complet(document: Document) -> bool:
    """Whether every signatory has signed `document` (its final PDF is stored)."""
    return bool(document.fichier_signe)


def _page_de_signatures(document: Document, signes: list[Signature]) -> bytes:
    html = render_to_string(
        "documents/pdf/signatures.html", {"document": document, "signatures": signes}
    )
    return pdf_depuis_html(html)


def _assembler(document: Document, page: bytes) -> bytes:
    from pypdf import PdfWriter

    sortie = PdfWriter()
    with document.fichier.open("rb") as original:
        sortie.append(io.BytesIO(original.read()))
    sortie.append(io.BytesIO(page))
    tampon = io.BytesIO()
    sortie.write(tampon)
    return tampon.getvalue()


def circuit_conclure(*, document: Document, le: datetime) -> bool:
    """When every signatory of `document` (locked by the caller) has signed it: the final
    PDF is stored, each signatory's copy leaves by e-mail after the commit, and a convention's
    current document moves the convention to "signée" through
    convention_enregistrer_signatures, which checks the law again. The actor is the staff member who opened the circuit (else the one
    who generated the document). When the move is refused, the convention stays "en
    signature" and the document keeps why (`conclusion_refusee`). True when the circuit is
    complete."""
    signes = actives(document)
    if not signes or any(s.signe_le is None for s in signes):
        return False
    if not document.fichier_signe:
        final = _assembler(document, _page_de_signatures(document, signes))
        enregistrer_fichier(document.fichier_signe, document.fichier_signe_nom, final)
        document.sha256_fichier_signe = hashlib.sha256(final).hexdigest()
        document.save(update_fields=["fichier_signe", "sha256_fichier_signe"])
        apres_validation(partial(_envoyer_exemplaires, document.pk, le))
    if document.type == TypeDocument.CONVENTION:
        _enregistrer_signatures(document, signes, le)
    return True


def _enregistrer_signatures(document: Document, signes: list[Signature], le: datetime) -> None:
    from conventions.models import Statut
    from conventions.services import TransitionRefusee, convention_enregistrer_signatures

    convention = document.convention
    convention.refresh_from_db()
    courant = (
        Document.objects.filter(convention=convention, type=document.type, objet=document.objet)
        .order_by("-version")
        .first()
    )
    if courant != document or convention.statut != Statut.EN_SIGNATURE:
        return
    auteur = next((s.ouvert_par for s in signes if s.ouvert_par), None) or document.auteur
    refus = ""
    if auteur is None:
        refus = (
            "Personne n'est nommé pour enregistrer les signatures : faites-le depuis la page "
            "de la convention."
        )
    else:
        try:
            with transaction.atomic():
                # Signed on the day of the last signature: it decides the gratification's rate.
                derniere = max(s.signe_le for s in signes if s.signe_le is not None)
                convention_enregistrer_signatures(
                    convention=convention,
                    auteur=auteur,
                    date_signature=timezone.localdate(derniere),
                    le=timezone.localdate(le),
                )
        except TransitionRefusee as erreur:
            # The law refuses it now (a quota reached since the opening, say): the signatures
            # stay recorded, the convention "en signature", and the staff read why.
            refus = erreur.message
    if document.conclusion_refusee != refus:
        document.conclusion_refusee = refus
        document.save(update_fields=["conclusion_refusee"])


def _envoyer_exemplaires(document_pk: int, le: datetime) -> None:
    """Each signatory with an address receives the final PDF, attached (after the commit)."""
    document = Document.objects.select_related("convention").get(pk=document_pk)
    with document.fichier_signe.open("rb") as fichier:
        contenu = fichier.read()
    quoi = f"{document.get_type_display().lower()} n° {document.convention_id}"
    for signature in actives(document):
        if not signature.email:
            continue
        envoyer(
            destinataire=signature.email,
            sujet=f"Document signé : {quoi}",
            lignes=[
                f"Bonjour {signature.nom},",
                "",
                f"Tous les signataires ont signé le document « {quoi} » "
                f"(version {document.version}).",
                "Votre exemplaire signé est joint à ce courriel : le document suivi de sa page "
                "de signatures.",
                f"Empreinte SHA-256 de l'exemplaire : {document.sha256_fichier_signe}",
                "",
                "Votre lien de signature ne sert plus : gardez ce courriel.",
                "",
                "Stages",
            ],
            type_=TypeCourriel.EXEMPLAIRE,
            le=le,
            convention=document.convention,
            signature=signature,
            pieces_jointes=[(document.fichier_signe_nom, contenu)],
        )
