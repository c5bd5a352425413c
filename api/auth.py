"""`Authorization: Bearer <clé>`: the personal token finds its holder, whose pages' rights the
API then applies (request.user). A read needs a token; a write needs one « Lecture et
écriture » (403 otherwise, with the reason)."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import timezone
from ninja.errors import HttpError
from ninja.security import HttpBearer

from api.jetons import jeton_par_cle
from api.models import JetonApi

LECTURES = frozenset({"GET", "HEAD", "OPTIONS"})


class JetonBearer(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> JetonApi | None:
        jeton = jeton_par_cle(token, le=timezone.now())
        if jeton is None:
            return None  # 401, the same answer for an unknown, revoked or expired key
        if request.method not in LECTURES and not jeton.ecriture:
            raise HttpError(
                403,
                "Ce jeton d'API ne permet que la lecture : créez un jeton « Lecture et "
                "écriture » pour envoyer des données.",
            )
        request.user = jeton.utilisateur
        return jeton
