"""/api/etudiants and /api/organismes: the students and the hosts, as their lists show them
to every member of staff (filters of the pages: promotion, archived; a text search)."""

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router
from ninja.pagination import paginate

from api import schemas
from api.views.commun import Numero, Pages, trouver
from etablissement.models import Etudiant
from etablissement.selectors import filtrer_etudiants, rechercher_etudiants
from organismes.models import OrganismeAccueil
from organismes.selectors import organismes_rechercher

router = Router()


def _etudiants() -> Any:
    return Etudiant.objects.select_related("promotion", "referent")


@router.get(
    "/etudiants",
    response=list[schemas.Etudiant],
    url_name="etudiants",
    tags=["Étudiants"],
    summary="Étudiants, filtrés et paginés",
)
@paginate(Pages)
def etudiants(
    request: HttpRequest, promotion: Numero | None = None, archives: bool = False, q: str = ""
) -> Any:
    filtres = {"promotion": promotion, "archive": "tous" if archives else ""}
    trouves = filtrer_etudiants(_etudiants(), filtres, le=timezone.localdate())
    if q.strip():
        trouves = rechercher_etudiants(trouves, q[:200])
    return trouves.order_by("nom", "prenom", "pk")


@router.get(
    "/etudiants/{int:pk}",
    response={200: schemas.Etudiant, 404: schemas.Erreur},
    url_name="etudiant",
    tags=["Étudiants"],
    summary="Un étudiant",
)
def etudiant(request: HttpRequest, pk: int) -> Any:
    return trouver(_etudiants(), pk, "Étudiant")


@router.get(
    "/organismes",
    response=list[schemas.Organisme],
    url_name="organismes",
    tags=["Organismes d'accueil"],
    summary="Organismes d'accueil et leurs sites, paginés",
)
@paginate(Pages)
def organismes(request: HttpRequest, q: str = "") -> Any:
    return organismes_rechercher(texte=q[:200]).prefetch_related("etablissements")


@router.get(
    "/organismes/{int:pk}",
    response={200: schemas.Organisme, 404: schemas.Erreur},
    url_name="organisme",
    tags=["Organismes d'accueil"],
    summary="Un organisme d'accueil et ses sites",
)
def organisme(request: HttpRequest, pk: int) -> Any:
    organismes = OrganismeAccueil.objects.prefetch_related("etablissements")
    return trouver(organismes, pk, "Organisme d'accueil")
