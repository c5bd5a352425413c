"""« Jetons d'API »: a member of staff creates a personal token (its key shown once, on the
page that created it), sees theirs and revokes one."""

from __future__ import annotations

from typing import cast

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from api.forms import JetonForm
from api.jetons import jeton_creer, jeton_revoquer, jetons_de
from comptes.acces import personnel_requis
from comptes.models import Utilisateur
from core.forms import reporter_erreurs


def _page(
    request: HttpRequest, form: JetonForm, *, cle: str = "", status: int = 200
) -> HttpResponse:
    utilisateur = cast(Utilisateur, request.user)
    maintenant = timezone.now()
    jetons = [(j, j.valide(le=maintenant)) for j in jetons_de(utilisateur)]
    contexte = {"form": form, "cle": cle, "jetons": jetons}
    return render(request, "api/jetons.html", contexte, status=status)


@require_http_methods(["GET", "POST"])
@personnel_requis
def jetons(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return _page(request, JetonForm())
    form = JetonForm(request.POST)
    if not form.is_valid():
        return _page(request, form, status=400)
    try:
        _jeton, cle = jeton_creer(
            utilisateur=cast(Utilisateur, request.user),
            libelle=form.cleaned_data["libelle"],
            portee=form.cleaned_data["portee"],
            expire_le=form.cleaned_data["expire_le"],
            le=timezone.now(),
        )
    except ValidationError as erreur:
        reporter_erreurs(form, erreur)
        return _page(request, form, status=400)
    # The key is shown on this answer only: never stored, never in a redirect's address.
    return _page(request, JetonForm(), cle=cle)


@require_POST
@personnel_requis
def revoquer(request: HttpRequest, pk: int) -> HttpResponse:
    utilisateur = cast(Utilisateur, request.user)
    jeton = get_object_or_404(jetons_de(utilisateur), pk=pk)
    jeton_revoquer(jeton=jeton, utilisateur=utilisateur, le=timezone.now())
    return redirect("jetons_api:jetons")
