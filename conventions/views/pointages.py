"""The presence log kept by the host (L124-14), a week at a time: each day's planned hours
(weekly schedule over the periods, public holidays and the host's closures out) next to
what was recorded; staff type the week and save it through `pointages_enregistrer`.

A day after today is to come: shown as planned (« à venir »), with no input and nothing
offered; the service refuses it too (`conventions.workflow.garde_jour_releve`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from comptes.acces import personnel_requis
from comptes.models import Utilisateur
from conventions.acces import exiger_modification, peut_modifier
from conventions.forms import JourForm, JourFormSet
from conventions.models import Convention, OriginePointage, Pointage
from conventions.moteur import vers_regles
from conventions.selectors import convention_pour_presence
from conventions.services import JourSaisi, TransitionRefusee, pointages_enregistrer
from conventions.workflow import garde_jour_releve, garde_pointage
from organismes.selectors import organisme_pour_regles
from regles import modele
from regles.applicabilite import raison
from regles.calendrier import Calendrier, calendrier
from regles.parametres import ParametreNonEnVigueur, parametres
from regles.presence import Seuils, en_jours, en_mois, journal, jours_prevus

PREFIXE = "jours"
# What staff say of the week they type: on their own word, or from the tutor's signed sheet.
ORIGINES_PERSONNEL = (OriginePointage.PERSONNEL, OriginePointage.FEUILLE)


@dataclass
class Ligne:
    jour: date
    prevu: int  # planned minutes
    raison: str  # why nothing is planned on a weekday: public holiday, closure
    releve: Pointage | None
    form: JourForm | None  # None: a day to come, not recorded yet

    @property
    def a_venir(self) -> bool:
        return self.form is None


def _lundi(jour: date) -> date:
    return jour - timedelta(days=jour.weekday())


def _semaine(demande: str, c: modele.Convention, aujourdhui: date) -> date:
    """The Monday of the week asked for, else of today if the stage runs, else its first;
    always within the stage."""
    premier, dernier = _lundi(c.debut), _lundi(c.fin)
    try:
        lundi = _lundi(date.fromisoformat(demande))
    except ValueError:
        lundi = _lundi(aujourdhui) if c.debut <= aujourdhui <= c.fin else premier
    return min(max(lundi, premier), dernier)


def _raison(jour: date, cal: Calendrier, organisme: modele.Organisme) -> str:
    if nom := cal.nom_ferie(jour):
        return f"férié ({nom})"
    if any(f.contient(jour) for f in organisme.fermetures):
        return "fermeture de l'organisme"
    return ""


def _initial(releve: Pointage | None, prevu: int) -> dict[str, Any]:
    if releve is None:  # not recorded yet: the plan is offered, to correct where it differs
        return {"presence": prevu, "absence": "", "minutes_absence": 0}
    return {
        "presence": releve.minutes_presence,
        "absence": releve.absence,
        "minutes_absence": releve.minutes_absence,
    }


def _totaux(c: modele.Convention, cal: Calendrier, organisme: modele.Organisme) -> dict[str, Any]:
    jours = journal(c, calendrier=cal, fermetures=organisme.fermetures)
    seuils = Seuils.au(parametres(), c.debut)
    minutes = sum(j.compte for j in jours)
    return {
        "minutes": minutes,
        "seuils": seuils,
        "jours": en_jours(minutes, seuils),
        "mois": en_mois(minutes, seuils),
        "releve": sum(j.compte for j in jours if j.reel),
        "prevu": sum(j.compte for j in jours if not j.reel),
    }


@personnel_requis
def pointages(request: HttpRequest, pk: int) -> HttpResponse:
    convention: Convention = get_object_or_404(convention_pour_presence(pk))
    try:
        return _pointages(request, convention)
    except ParametreNonEnVigueur as exc:
        # A stage before the law Stages knows (its calendar, its thresholds): no week to plan.
        messages.error(
            request,
            f"Le relevé de présence ne peut pas être tenu pour ce stage : {raison(exc)}.",
        )
        return redirect("conventions:detail", pk=convention.pk)


def _pointages(request: HttpRequest, convention: Convention) -> HttpResponse:
    c = vers_regles(convention)
    organisme = organisme_pour_regles(convention.etablissement_accueil.organisme)
    cal = calendrier(parametres().texte("reglages.zone_scolaire", c.debut))
    prevus = jours_prevus(c, calendrier=cal, fermetures=organisme.fermetures)
    releves = {p.jour: p for p in convention.pointages.all()}
    aujourdhui = timezone.localdate()  # the view decides the date
    lundi = _semaine(request.GET.get("semaine", ""), c, aujourdhui)
    tous = [
        jour
        for jour in (lundi + timedelta(days=i) for i in range(7))
        if jour <= c.fin and any(p.contient(jour) for p in c.periodes)
    ]
    # The days that have come are typed; the others are planned, « à venir ».
    jours = [jour for jour in tous if jour <= aujourdhui]
    initial = [_initial(releves.get(jour), prevus.get(jour, 0)) for jour in jours]
    refus = garde_pointage(convention.statut)  # the log is kept while the stage happens
    saisissable = refus is None
    ecrit = saisissable and peut_modifier(request.user, convention.etudiant)

    formset = JourFormSet(initial=initial, prefix=PREFIXE)
    if request.method == "POST":
        exiger_modification(request.user, convention.etudiant)
        formset = JourFormSet(request.POST, initial=initial, prefix=PREFIXE)
        if refus:
            messages.error(request, refus)
        elif len(formset.forms) > len(jours) and len(tous) > len(jours):
            # More days typed than have come: the first one to come is refused.
            messages.error(request, garde_jour_releve(tous[len(jours)], aujourdhui) or "")
        elif len(formset.forms) != len(jours):
            messages.error(request, "La semaine a changé entre-temps : saisissez-la de nouveau.")
        elif request.POST.get("origine", OriginePointage.PERSONNEL) not in ORIGINES_PERSONNEL:
            messages.error(request, "Indiquez d'où vient la saisie de la semaine.")
        elif formset.is_valid():
            try:
                _enregistrer(request, convention, jours, formset.forms, releves, prevus, aujourdhui)
            except TransitionRefusee as erreur:  # the status changed meanwhile
                messages.error(request, erreur.message)
            except ValidationError as erreur:
                messages.error(request, " ".join(erreur.messages))
            else:
                messages.success(request, f"Semaine du {lundi:%d/%m/%Y} enregistrée.")
                url = reverse("conventions:pointages", kwargs={"pk": convention.pk})
                return redirect(f"{url}?semaine={lundi.isoformat()}")

    formulaires = dict(zip(jours, formset.forms, strict=False))
    lignes = [
        Ligne(
            jour,
            prevus.get(jour, 0),
            _raison(jour, cal, organisme),
            releves.get(jour),
            formulaires.get(jour),
        )
        for jour in tous
    ]
    precedente, suivante = lundi - timedelta(days=7), lundi + timedelta(days=7)
    return render(
        request,
        "conventions/pointages.html",
        {
            "convention": convention,
            "lundi": lundi,
            "dimanche": lundi + timedelta(days=6),
            "precedente": precedente if precedente >= _lundi(c.debut) else None,
            "suivante": suivante if suivante <= c.fin else None,
            "lignes": lignes,
            "saisie": bool(jours),  # a day of the week has come: something to type
            "formset": formset,
            "ecrit": ecrit,
            "saisissable": saisissable,
            "totaux": _totaux(c, cal, organisme),
            "origines": [(o.value, o.label) for o in ORIGINES_PERSONNEL],
        },
    )


def _enregistrer(
    request: HttpRequest,
    convention: Convention,
    jours: list[date],
    forms: list[JourForm],
    releves: dict[date, Pointage],
    prevus: dict[date, int],
    aujourdhui: date,
) -> None:
    """Record the week: every planned day (the log is the record, a planned day left out
    would count as absent), and every other day typed or already recorded; with its origin
    (staff's word, or the tutor's signed sheet: then every day of the week is written, the
    sheet covering it whole)."""
    assert isinstance(request.user, Utilisateur)
    origine = request.POST.get("origine", OriginePointage.PERSONNEL)
    feuille = origine == OriginePointage.FEUILLE
    pointages_enregistrer(  # the week is saved whole or not at all
        convention=convention,
        jours=[
            JourSaisi(
                jour,
                form.cleaned_data["presence"],
                form.cleaned_data["absence"],
                form.cleaned_data["minutes_absence"],
            )
            for jour, form in zip(jours, forms, strict=True)
            if form.has_changed()
            or (jour not in releves and prevus.get(jour, 0) > 0)
            or (feuille and (jour in releves or prevus.get(jour, 0) > 0))
        ],
        auteur=request.user,
        le=aujourdhui,
        origine=origine,
    )
