"""/api/offres and /api/propositions: the offers the staff accepted (as the students see
them) and every proposal companies sent (the staff's queue, received ones first)."""

from typing import Any

from django.db.models import prefetch_related_objects
from django.http import HttpRequest
from ninja import Router

from api import schemas
from public.selectors import offres_acceptees, propositions_recues

router = Router(tags=["Offres de stage"])


@router.get(
    "/offres",
    response=list[schemas.Offre],
    url_name="offres",
    summary="Offres de stage acceptées",
)
def offres(request: HttpRequest) -> Any:
    return offres_acceptees()


@router.get(
    "/propositions",
    response=list[schemas.Offre],
    url_name="propositions",
    summary="Propositions de stage reçues (toutes, les nouvelles d'abord)",
)
def propositions(request: HttpRequest) -> Any:
    recues = propositions_recues()
    # Their missions in one query, not one a proposal (the periods come with the selector).
    prefetch_related_objects(recues, "missions")
    return recues
