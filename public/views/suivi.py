"""The company's private follow-up page, reached by the link mailed after its proposal."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from core.forms import reporter_erreurs
from public import services
from public.forms_proposition import COMPLETABLES, ComplementForm
from public.jetons import empreinte
from public.models import PropositionStage, StatutProposition
from public.selectors import missions_proposables, periodes_proposables

OUVERTES = (StatutProposition.RECUE, StatutProposition.ACCEPTEE)


def _proposition(jeton: str) -> PropositionStage:
    proposition = (
        PropositionStage.objects.filter(jeton_empreinte=empreinte(jeton))
        .prefetch_related("periodes", "missions")
        .first()
    )
    if proposition is None:
        raise Http404("Ce lien de suivi n'existe pas.")
    return proposition


@require_http_methods(["GET", "POST"])
def proposition_suivi(request: HttpRequest, jeton: str) -> HttpResponse:
    proposition = _proposition(jeton)
    ouverte = proposition.statut in OUVERTES
    periodes = [p.pk for p in proposition.periodes.all()]
    missions = [m.pk for m in proposition.missions.all()]
    form = ComplementForm(
        request.POST or None,
        periodes=periodes_proposables(le=timezone.localdate(), deja=periodes),
        missions=missions_proposables(deja=missions),
        initial={
            **{nom: getattr(proposition, nom) for nom in COMPLETABLES},
            "periodes": periodes,
            "missions": missions,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.proposition_completer(proposition=proposition, **form.cleaned_data)
        except ValidationError as erreur:
            reporter_erreurs(form, erreur)
        else:
            messages.success(request, "Votre proposition est complétée.")
            return redirect("public:proposition_suivi", jeton=jeton)
    return render(
        request,
        "public/proposition_suivi.html",
        {"proposition": proposition, "jeton": jeton, "form": form, "ouverte": ouverte},
    )


@require_POST
def proposition_retirer(request: HttpRequest, jeton: str) -> HttpResponse:
    proposition = _proposition(jeton)
    if proposition.statut == StatutProposition.RETIREE:
        messages.info(request, "Votre proposition était déjà retirée.")
    else:
        try:
            services.proposition_retirer(proposition=proposition)
        except ValidationError as erreur:
            messages.error(request, " ".join(erreur.messages))
        else:
            messages.success(request, "Votre proposition est retirée.")
    return redirect("public:proposition_suivi", jeton=jeton)
