"""An avenant to a signed or running convention: new dates, tutor, schedule or pay, checked
by the engine like a new convention; a refusal shows the findings and keeps the input."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from comptes.acces import personnel_requis
from comptes.models import Utilisateur
from conventions.acces import exiger_modification
from conventions.forms import AvenantForm, initial_periodes, periodes_formset
from conventions.services import TransitionRefusee, avenant_creer
from conventions.views.detail import convention_ou_404
from conventions.workflow import garde_avenant
from regles.constats import Constat


@personnel_requis
def avenant(request: HttpRequest, pk: int) -> HttpResponse:
    convention = convention_ou_404(pk)
    exiger_modification(request.user, convention.etudiant)
    refus, constats = "", list[Constat]()
    if request.method == "POST":
        assert isinstance(request.user, Utilisateur)
        form = AvenantForm(request.POST, convention=convention)
        ajouter = "ajouter_periode" in request.POST
        periodes = periodes_formset(request.POST, ajouter=ajouter)
        if ajouter:
            form.errors.clear()  # one more row, no message on a form not sent yet
        elif form.is_valid() and periodes.is_valid():
            try:
                fait = avenant_creer(
                    convention=convention,
                    auteur=request.user,
                    date_effet=form.cleaned_data["date_effet"],
                    motif=form.cleaned_data["motif"],
                    periodes=periodes.saisies(),
                    **form.changements(),
                )
            except TransitionRefusee as erreur:
                refus, constats = erreur.message, erreur.constats
            except ValidationError as erreur:
                refus = " ".join(erreur.messages)
            else:
                messages.success(request, f"Avenant n° {fait.numero} enregistré.")
                return redirect("conventions:detail", pk=pk)
    else:
        form = AvenantForm(initial=AvenantForm.initial_de(convention), convention=convention)
        periodes = periodes_formset(initial=initial_periodes(convention))
    return render(
        request,
        "conventions/avenant.html",
        {
            "convention": convention,
            "possible": garde_avenant(convention.statut) is None,
            "form": form,
            "periodes": periodes,
            "refus": refus,
            "constats": constats,
        },
    )
