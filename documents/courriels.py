"""The one way the documents write to people (signature links, reminders, attestation
requests): the e-mail goes through Django's mail API, then its row goes in the journal
(`Courriel`: who, what, when; never the text and its personal link), dated by the caller.
Called after the commit, like every e-mail of the project."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from django.core.mail import EmailMessage

from conventions.models import Convention, PeriodeConvention
from documents.models import Courriel, Signature, TypeCourriel


def envoyer(
    *,
    destinataire: str,
    sujet: str,
    lignes: list[str],
    type_: TypeCourriel,
    le: datetime,
    convention: Convention,
    signature: Signature | None = None,
    periode: PeriodeConvention | None = None,
    pieces_jointes: Sequence[tuple[str, bytes]] = (),
) -> Courriel:
    """Send one e-mail (with its PDF attachments: file name, content) and log it."""
    message = EmailMessage(subject=sujet, body="\n".join(lignes), to=[destinataire])
    for nom, contenu in pieces_jointes:
        message.attach(nom, contenu, "application/pdf")
    message.send()
    return Courriel.objects.create(
        type=type_,
        destinataire=destinataire,
        sujet=sujet[:200],
        envoye_le=le,
        convention=convention,
        signature=signature,
        periode=periode,
    )
