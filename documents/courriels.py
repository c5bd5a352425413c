"""The one way the documents write to people (signature links, reminders, attestation
requests): the e-mail goes through Django's mail API, then its row goes in the journal
(`Courriel`), dated by the caller. Called after the commit, like every e-mail of the project."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.core.mail import send_mail

from conventions.models import Convention, PeriodeConvention
from documents.models import Courriel, Signature, TypeCourriel

LIEN_MASQUE = "[lien personnel, masqué dans le journal]"


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
    secret: str = "",
) -> Courriel:
    """Send one e-mail and log it. `secret` is the part of the text that opens something (a
    personal link): the journal keeps it only where settings.COURRIELS_LISIBLES."""
    corps = "\n".join(lignes)
    send_mail(subject=sujet, message=corps, from_email=None, recipient_list=[destinataire])
    garde = corps
    if secret and not settings.COURRIELS_LISIBLES:
        garde = corps.replace(secret, LIEN_MASQUE)
    return Courriel.objects.create(
        type=type_,
        destinataire=destinataire,
        sujet=sujet[:200],
        corps=garde,
        envoye_le=le,
        convention=convention,
        signature=signature,
        periode=periode,
    )
