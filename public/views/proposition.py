"""« Proposer un stage »: a company leaves its offer; the section is told by e-mail."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from etablissement.models import PeriodePromotion
from public.forms_proposition import PropositionForm
from public.limites import proposition_comptee, propositions_epuisees
from public.services import proposition_creer
from referentiel.models import Mission

TROP_DE_PROPOSITIONS = (
    "Vous avez envoyé beaucoup de propositions depuis cette connexion : réessayez dans une "
    "heure, ou écrivez directement à la section (adresses sur la page de présentation)."
)


@require_http_methods(["GET", "POST"])
def proposer(request: HttpRequest) -> HttpResponse:
    aujourdhui = timezone.localdate()
    form = PropositionForm(
        request.POST or None,
        periodes=PeriodePromotion.objects.filter(fin__gte=aujourdhui)
        .select_related("promotion")
        .order_by("debut"),
        missions=Mission.objects.filter(actif=True)
        .select_related("famille")
        .order_by("famille__ordre", "ordre", "code"),
    )
    if request.method == "POST":
        if propositions_epuisees(request):
            form.add_error(None, TROP_DE_PROPOSITIONS)
            return render(request, "public/proposer.html", {"form": form}, status=429)
        if form.is_valid():
            donnees = dict(form.cleaned_data)
            pot = donnees.pop("site_web")
            proposition_comptee(request)
            if not pot:  # a filled honeypot is a robot: thanked, stored nowhere
                proposition_creer(**donnees)
            return redirect("public:proposition_envoyee")
    return render(request, "public/proposer.html", {"form": form})


def proposition_envoyee(request: HttpRequest) -> HttpResponse:
    return render(request, "public/proposition_envoyee.html")
