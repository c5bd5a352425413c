"""POST /api/copies/{n°}/confirmer: the paper path's second step, as on the circuit's page
(`documents.signatures.copie_confirmer`): the uploaded copy stands for the signatures still
due, dated now; the convention follows as for an electronic signature."""

from typing import Any, cast

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router
from ninja.errors import HttpError

from api import schemas
from api.views.commun import trouver
from comptes.models import Utilisateur
from documents import signatures
from documents.acces import exiger_generation
from documents.models import CopieSignee

router = Router(tags=["Conventions"])


@router.post(
    "/{int:pk}/confirmer",
    response={
        200: schemas.CopieConfirmee,
        403: schemas.Erreur,
        404: schemas.Erreur,
        409: schemas.Erreur,
    },
    url_name="copie_confirmer",
    summary="Confirmer une copie signée déposée : elle vaut signature",
)
def confirmer(request: HttpRequest, pk: int) -> Any:
    copie = trouver(
        CopieSignee.objects.select_related("document__convention__etudiant"), pk, "Copie"
    )
    exiger_generation(request.user, copie.document.convention)
    try:
        signees = signatures.copie_confirmer(
            copie=copie, auteur=cast(Utilisateur, request.user), le=timezone.now()
        )
    except signatures.SignatureRefusee as refus:
        raise HttpError(409, str(refus)) from None
    convention = copie.document.convention
    convention.refresh_from_db(fields=["statut"])
    return {
        "copie": copie.pk,
        "signatures": signees,
        "statut_convention": convention.statut,
        "statut_convention_libelle": convention.get_statut_display(),
    }
