"""Writes and reads of the personal API tokens. Only the section's staff hold one: the API
shows what their pages show, and a student has no page the API serves."""

from __future__ import annotations

import hashlib
import secrets
from datetime import date, datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.utils import timezone

from api.models import JetonApi, Portee
from comptes.acces import PERSONNEL, peut_acceder
from comptes.models import Utilisateur

# What starts every key: a leaked key is recognisable by secret scanners and by people.
DEBUT = "stg_"
LONGUEUR_PREFIXE = 12  # "stg_" and 8 random characters, shown in the list to tell keys apart
UTILISATION = timedelta(minutes=1)  # how precisely « Dernière utilisation » is kept


def empreinte(cle: str) -> str:
    # 256 random bits need no salt nor slow hash: nothing to brute-force, unlike a password.
    return hashlib.sha256(cle.encode()).hexdigest()


def jeton_creer(
    *,
    utilisateur: Utilisateur,
    libelle: str,
    portee: str,
    expire_le: date | None,
    le: datetime,
) -> tuple[JetonApi, str]:
    """A new token and its clear key, to show once: only its hash is kept."""
    if not peut_acceder(utilisateur, PERSONNEL):
        raise PermissionDenied("Seul le personnel de la section peut créer un jeton d'API.")
    if expire_le is not None and expire_le < timezone.localdate(le):
        raise ValidationError({"expire_le": "La date d'expiration est déjà passée."})
    cle = DEBUT + secrets.token_urlsafe(32)
    jeton = JetonApi(
        utilisateur=utilisateur,
        libelle=libelle.strip(),
        empreinte=empreinte(cle),
        prefixe=cle[:LONGUEUR_PREFIXE],
        portee=Portee(portee),
        expire_le=expire_le,
    )
    jeton.full_clean()
    jeton.save()
    return jeton, cle


def jeton_revoquer(*, jeton: JetonApi, utilisateur: Utilisateur, le: datetime) -> None:
    """Revoke one's own token (again: nothing changes, the first date stays)."""
    if jeton.utilisateur_id != utilisateur.pk:
        raise PermissionDenied("Ce jeton d'API n'est pas le vôtre.")
    JetonApi.objects.filter(pk=jeton.pk, revoque_le__isnull=True).update(revoque_le=le)


def jeton_par_cle(cle: str, *, le: datetime) -> JetonApi | None:
    """The valid token of this key, its holder still staff and active; its use is dated."""
    if not cle.startswith(DEBUT) or len(cle) > 100:
        return None
    jeton = JetonApi.objects.select_related("utilisateur").filter(empreinte=empreinte(cle)).first()
    if jeton is None or not jeton.valide(le=le):
        return None
    if not peut_acceder(jeton.utilisateur, PERSONNEL):
        return None  # a former teacher, a deactivated account: the key stops with them
    # Dated to the minute: a script's every request need not write a row.
    JetonApi.objects.filter(pk=jeton.pk).exclude(utilise_le__gt=le - UTILISATION).update(
        utilise_le=le
    )
    return jeton


def jetons_de(utilisateur: Utilisateur) -> QuerySet[JetonApi]:
    return JetonApi.objects.filter(utilisateur=utilisateur)
