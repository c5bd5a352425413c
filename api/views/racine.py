"""The API object: /api/, its OpenAPI document (/api/openapi.json) and its pages
(/api/docs); authentication by personal token and a rate limit per token on every route;
every error a JSON {"detail": "…"} in French, never a 500 for a wrong request."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, Throttled, ValidationError

from api.auth import JetonBearer
from api.erreurs import en_francais
from api.limites import ParJeton
from api.views import conventions, copies, offres, regles, repertoire

api = NinjaAPI(
    title="Stages — interface REST",
    version="1",
    description=(
        "Les conventions, étudiants, organismes d'accueil, offres et relevés de présence de "
        "la section, et le moteur de règles. Chaque requête porte un jeton personnel : "
        "`Authorization: Bearer stg_…` (« Jetons d'API », menu « La section »)."
    ),
    auth=JetonBearer(),
    throttle=[ParJeton()],
    urls_namespace="api",
)


def _erreur(request: HttpRequest, statut: int, detail: str) -> HttpResponse:
    return api.create_response(request, {"detail": detail}, status=statut)


@api.exception_handler(AuthenticationError)
def _non_authentifie(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    reponse = _erreur(
        request,
        401,
        "Jeton d'API absent, inconnu, révoqué ou expiré : envoyez l'en-tête "
        "« Authorization: Bearer <jeton> » avec un jeton valide.",
    )
    reponse["WWW-Authenticate"] = "Bearer"
    return reponse


@api.exception_handler(Throttled)
def _trop_de_requetes(request: HttpRequest, exc: Throttled) -> HttpResponse:
    attente = int(exc.wait or 1) + 1
    reponse = _erreur(
        request, 429, f"Trop de requêtes pour ce jeton : réessayez dans {attente} secondes."
    )
    reponse["Retry-After"] = str(attente)
    return reponse


@api.exception_handler(ValidationError)
def _invalide(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    return _erreur(request, 422, en_francais(exc.errors))


@api.exception_handler(Http404)
def _introuvable(request: HttpRequest, exc: Http404) -> HttpResponse:
    message = str(exc) if exc.args else ""
    return _erreur(request, 404, message or "Introuvable.")


@api.exception_handler(PermissionDenied)
def _refuse(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return _erreur(request, 403, str(exc) or "Votre compte ne donne pas accès à cette donnée.")


api.add_router("/conventions", conventions.router)
api.add_router("/copies", copies.router)
api.add_router("/", repertoire.router)
api.add_router("/", offres.router)
api.add_router("/regles", regles.router)
