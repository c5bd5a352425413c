"""« Présence à confirmer » in a tutor's space: each week over and not confirmed shows the
planned days pre-filled with the planned hours; the tutor confirms it as is in one click or
corrects a day (hours, absence type of R-PRES-6, closure day) and confirms.

Every read goes through the link's scope (espaces.presence.conventions_du_tuteur): another
host's convention, or one the tutor does not tutor, is not found (404). A day to come is never
confirmable. The write and its verdict are espaces.presence.semaine_confirmer's."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from conventions.forms import JourForm, JourFormSet
from conventions.semaines import JourSemaine, Semaine
from conventions.services import JourSaisi, TransitionRefusee
from espaces import presence
from espaces.models import LienEspace
from espaces.views.espace import _avec_lien


def prefixe(convention_pk: int, lundi: date) -> str:
    return f"p{convention_pk}-{lundi:%Y%m%d}"


def initial(jour: JourSemaine) -> dict[str, Any]:
    """A day as the form offers it: as recorded, else as planned."""
    if jour.releve is None:
        return {"presence": jour.prevu, "absence": "", "minutes_absence": 0}
    return {
        "presence": jour.releve.presence,
        "absence": jour.releve.absence.value if jour.releve.absence else "",
        "minutes_absence": jour.releve.absence_minutes,
    }


def formulaire(convention_pk: int, semaine: Semaine, data: Any = None) -> Any:
    return JourFormSet(
        data,
        initial=[initial(j) for j in semaine.jours],
        prefix=prefixe(convention_pk, semaine.lundi),
    )


@require_POST
@_avec_lien
def confirmer(
    request: HttpRequest, lien: LienEspace, jeton: str, pk: int, lundi: str
) -> HttpResponse:
    """Confirm (or correct and confirm) one week of one of the tutor's stages."""
    aujourdhui = timezone.localdate()
    convention = get_object_or_404(presence.conventions_du_tuteur(lien, le=aujourdhui), pk=pk)
    try:
        jour = date.fromisoformat(lundi)
    except ValueError:
        raise Http404("Semaine inconnue.") from None
    suivi = presence.suivre(convention, le=aujourdhui)
    semaine = presence.semaine_de(suivi, jour) if suivi else None
    if semaine is None:
        raise Http404("Cette semaine n'est pas une semaine du stage.")
    retour = reverse("espaces:espace", args=[jeton]) + "#presence"
    if not semaine.terminee(aujourdhui):
        messages.error(
            request,
            f"La semaine du {semaine.lundi:%d/%m/%Y} n'est pas terminée : elle se confirme "
            "une fois son dernier jour passé.",
        )
        return redirect(retour)
    formset = formulaire(convention.pk, semaine, request.POST)
    if not formset.is_valid() or len(formset.forms) != len(semaine.jours):
        messages.error(request, _erreurs(formset, semaine))
        return redirect(retour)
    jours = [
        (j, form)
        for j, form in zip(semaine.jours, formset.forms, strict=True)
        if j.prevu or j.releve is not None or form.has_changed()
    ]
    try:
        bilan = presence.semaine_confirmer(
            lien=lien,
            convention=convention,
            lundi=semaine.lundi,
            jours=[_saisi(j, form) for j, form in jours],
            corrigee=any(form.has_changed() for _, form in jours),
            aujourdhui=aujourdhui,
        )
    except (presence.SemaineRefusee, TransitionRefusee) as refus:
        messages.error(request, str(getattr(refus, "message", refus)))
        return redirect(retour)
    except ValidationError as refus:
        messages.error(request, " ".join(refus.messages))
        return redirect(retour)
    quoi = "corrigée et confirmée" if bilan.corrigee else "confirmée"
    messages.success(
        request,
        f"Merci : la semaine du {semaine.lundi:%d/%m/%Y} de {convention.etudiant} est {quoi}.",
    )
    for phrase in bilan.phrases:
        messages.warning(request, phrase)
    return redirect(retour)


def _saisi(jour: JourSemaine, form: JourForm) -> JourSaisi:
    donnees = form.cleaned_data
    return JourSaisi(
        jour.jour,
        donnees.get("presence") or 0,
        donnees.get("absence") or "",
        donnees.get("minutes_absence") or 0,
    )


def _erreurs(formset: Any, semaine: Semaine) -> str:
    """The form's errors, each with its day, in one French message."""
    phrases = [str(e) for e in formset.non_form_errors()]
    for j, form in zip(semaine.jours, formset.forms, strict=False):
        for erreurs in form.errors.values():
            phrases += [f"{j.jour:%d/%m/%Y} : {e}" for e in erreurs]
    if not phrases:
        phrases = ["La semaine a changé entre-temps : confirmez-la de nouveau."]
    return "La semaine n'est pas enregistrée. " + " ".join(phrases)
