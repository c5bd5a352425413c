"""Keep an uploaded file on the server between its preview and its confirmation.

The file's bytes go into a row (`echanges.models.Depot`) under a random token that the
preview's form sends back. Nothing the client sends at confirmation is trusted: not the rows,
not the promotion, not even the file; the confirmation re-reads the very bytes that were
previewed and runs the same checks again, against the database as it is then. A token
belongs to the person who previewed: another user cannot confirm it.

A preview is imported once. The confirmation locks its row for the length of its
transaction (`prendre`): a second confirmation of the same preview waits, then finds it
marked imported (`marquer_importe`) and writes nothing.
"""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from comptes.models import Utilisateur
from echanges.models import Depot

# A preview left unconfirmed, or kept as imported, is forgotten after this delay.
DUREE = timedelta(days=1)


def deposer(
    *, auteur: Utilisateur, sorte: str, nom: str, contenu: bytes, parametres: dict[str, str]
) -> str:
    """Keep the file; return the token its confirmation will send. One pending file per
    person and kind of import: a new preview replaces the previous one, so an older preview
    left open in another tab cannot be confirmed."""
    maintenant = timezone.now()
    jeton = secrets.token_urlsafe(24)
    with transaction.atomic():
        Depot.objects.filter(depose_le__lt=maintenant - DUREE).delete()
        Depot.objects.filter(auteur=auteur, sorte=sorte, importe_le__isnull=True).delete()
        Depot.objects.create(
            jeton=jeton,
            auteur=auteur,
            sorte=sorte,
            nom_fichier=nom[:255],
            contenu=contenu,
            parametres=parametres,
            depose_le=maintenant,
        )
    return jeton


def prendre(*, auteur: Utilisateur, jeton: str, sorte: str) -> Depot | None:
    """The file kept under `jeton`, its row locked until the caller's transaction ends (so
    call it inside `transaction.atomic()`); None when there is none (replaced by a newer
    preview, expired, or a forged token). Check `importe_le` before importing it."""
    return (
        Depot.objects.select_for_update()
        .filter(
            jeton=jeton,
            auteur=auteur,
            sorte=sorte,
            depose_le__gte=timezone.now() - DUREE,
        )
        .first()
    )


def marquer_importe(depot: Depot) -> None:
    """The preview is imported: drop its file, keep the mark that says so."""
    depot.importe_le = timezone.now()
    depot.contenu = b""
    depot.save(update_fields=["importe_le", "contenu"])
