"""A personal token for a persona, and the header that carries it."""

from __future__ import annotations

from django.utils import timezone

from api.jetons import jeton_creer
from api.models import JetonApi, Portee
from comptes.models import Utilisateur


def jeton(utilisateur: Utilisateur, portee: str = Portee.LECTURE) -> tuple[JetonApi, str]:
    return jeton_creer(
        utilisateur=utilisateur, libelle="Essai", portee=portee, expire_le=None, le=timezone.now()
    )


def entete(cle: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {cle}"}
