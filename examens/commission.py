"""The commission's read-only links (referentiel-ndrc.md §2.4): a member of the jury gets a
personal link, e-mailed once, to the session's candidates, their fiches, attestations and
packs. Never the evaluation grids nor any evaluation (confidential to the commission until
deliberation): nothing here reads the `evaluations` app.

Like every personal link of the project, only the SHA-256 of its secret is stored; it
expires, and the staff can revoke it."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from comptes.models import Utilisateur
from core.courrier import apres_validation
from examens.models import AccesCommission, SessionExamen

DUREE_MAX = timedelta(days=366)


@dataclass(frozen=True)
class AccesCree:
    acces: AccesCommission
    jeton: str


def empreinte(jeton: str) -> str:
    return hashlib.sha256(jeton.encode()).hexdigest()


def url(jeton: str) -> str:
    return f"{settings.SITE_URL}{reverse('examens:commission', args=[jeton])}"


@transaction.atomic
def acces_creer(
    *,
    session: SessionExamen,
    nom: str,
    email: str,
    jusqu_au: date,
    par: Utilisateur | None,
    le: datetime,
) -> AccesCree:
    """A link for `nom`, valid until the end of `jusqu_au`, e-mailed after the commit."""
    if jusqu_au < timezone.localdate(le):
        raise ValidationError({"jusqu_au": "La date de fin de validité est déjà passée."})
    expire = timezone.make_aware(datetime.combine(jusqu_au, time(23, 59, 59)))
    if expire - le > DUREE_MAX:
        raise ValidationError({"jusqu_au": "Un lien vaut au plus un an."})
    jeton = secrets.token_urlsafe(32)
    acces = AccesCommission.objects.create(
        session=session,
        nom=nom.strip()[:200],
        email=email.strip(),
        jeton_sha256=empreinte(jeton),
        expire_le=expire,
        cree_le=le,
        cree_par=par,
    )
    apres_validation(lambda: _envoyer(acces.pk, jeton))
    return AccesCree(acces, jeton)


def _envoyer(acces_pk: int, jeton: str) -> None:
    acces = AccesCommission.objects.select_related("session__promotion").get(pk=acces_pk)
    session = acces.session
    lignes = [
        f"Bonjour {acces.nom},",
        "",
        f"Voici votre lien personnel vers les dossiers des candidats de la session "
        f"{session.annee} ({session.promotion}) pour la commission : les fiches descriptives "
        "d'activité, les attestations de stage et le dossier complet de chaque candidat, en "
        "lecture seule.",
        "",
        "Votre lien personnel (ne le transmettez pas) :",
        url(jeton),
        "",
        f"Il est valable jusqu'au {timezone.localtime(acces.expire_le):%d/%m/%Y}.",
        "",
        "Stages",
    ]
    EmailMessage(
        subject=f"Stages : dossiers des candidats, session {session.annee}",
        body="\n".join(lignes),
        to=[acces.email],
    ).send()


def acces_revoquer(*, acces: AccesCommission, le: datetime) -> None:
    AccesCommission.objects.filter(pk=acces.pk, revoque_le__isnull=True).update(revoque_le=le)


def acces_par_jeton(jeton: str) -> AccesCommission | None:
    """The link of `jeton` (valid, expired or revoked), None for a token never issued."""
    if not jeton or len(jeton) > 100:
        return None
    return (
        AccesCommission.objects.select_related("session__promotion")
        .filter(jeton_sha256=empreinte(jeton))
        .first()
    )


def acces_valide(acces: AccesCommission, *, le: datetime) -> bool:
    return acces.revoque_le is None and acces.expire_le > le


def acces_ouvert(acces: AccesCommission, *, le: datetime) -> None:
    AccesCommission.objects.filter(pk=acces.pk).update(dernier_acces_le=le)
