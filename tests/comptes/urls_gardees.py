"""Views behind each decorator of comptes.acces, for tests/comptes/test_acces.py."""

from django.http import HttpRequest, HttpResponse
from django.urls import include, path

from comptes.acces import personnel_requis, role_requis
from comptes.models import Role


@personnel_requis
def personnel(request: HttpRequest) -> HttpResponse:
    return HttpResponse("personnel")


@role_requis(Role.ADMINISTRATEUR)
def administration(request: HttpRequest) -> HttpResponse:
    return HttpResponse("administration")


@role_requis(Role.ETUDIANT)
def mes_stages(request: HttpRequest) -> HttpResponse:
    return HttpResponse("mes stages")


@role_requis(Role.ENSEIGNANT, Role.ETUDIANT)
def fiche(request: HttpRequest, pk: int) -> HttpResponse:
    return HttpResponse(f"fiche {pk}")


urlpatterns = [
    path("personnel/", personnel),
    path("administration/", administration),
    path("mes-stages/", mes_stages),
    path("fiches/<int:pk>/", fiche),
    path("", include("stages.urls")),  # the login page and the layout's links
]
