"""POST /api/regles/evaluer: `python -m regles evaluer` over HTTP. The same reading (at most
5 Mo of UTF-8 JSON, no repeated key, no NaN, bounded nesting; `regles.__main__.lire_json`),
the same checks of the situation (`regles.entree.lire_situation`), the same French messages
and the same output (`Evaluation.en_dict()`)."""

from typing import Any

from django.http import HttpRequest
from ninja import Router
from ninja.errors import HttpError

from api import schemas
from regles.__main__ import TAILLE_MAX, lire_json
from regles.entree import lire_situation
from regles.evaluation import evaluer

router = Router(tags=["Moteur de règles"])

_CORPS = {
    "requestBody": {
        "required": True,
        "description": "La situation, comme l'entrée de `python -m regles evaluer` (5 Mo au plus).",
        "content": {"application/json": {"schema": {"type": "object"}}},
    }
}


@router.post(
    "/evaluer",
    response={
        200: dict[str, Any],
        413: schemas.Erreur,
        422: schemas.Erreur,
    },
    url_name="regles_evaluer",
    summary="Évaluer une situation (conventions, organismes, étudiants)",
    openapi_extra=_CORPS,
)
def evaluer_situation(request: HttpRequest) -> Any:
    # Read the stream, not request.body: Django's own 2,5 Mo cap would refuse what the
    # command accepts.
    contenu = request.read(TAILLE_MAX + 1)
    if len(contenu) > TAILLE_MAX:
        raise HttpError(
            413, f"Entrée invalide : fichier trop gros (au plus {TAILLE_MAX // (1024 * 1024)} Mo)"
        )
    try:
        situation = lire_situation(lire_json(contenu))
    except ValueError as exc:  # unreadable JSON or a wrong value: the reason, with its path
        raise HttpError(422, f"Entrée invalide : {exc}") from None
    return evaluer(situation).en_dict()
