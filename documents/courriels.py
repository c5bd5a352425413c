"""The one way the documents write to people (signature links, reminders, attestation
requests): the e-mail goes through Django's mail API, then its row goes in the journal
(`Courriel`: who, what, when; never the text and its personal link), dated by the caller.
Called after the commit, like every e-mail of the project."""

from __future__ import annotations

from datetime import datetime

from django.core.mail import send_mail

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
) -> Courriel:
    """Send one e-mail and log it."""
    send_mail(
        subject=sujet, message="\n".join(lignes), from_email=None, recipient_list=[destinataire]
    )
    return Courriel.objects.create(
        type=type_,
        destinataire=destinataire,
        sujet=sujet[:200],
        envoye_le=le,
        convention=convention,
        signature=signature,
        periode=periode,
    )
