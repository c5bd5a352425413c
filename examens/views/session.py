"""The exam session of a cohort (the administrators set its year and the deposit deadline)
and the deposit of a candidate's dossier. Bounded dates, French errors."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from comptes.acces import role_requis
from comptes.models import Role, Utilisateur
from core.forms import DsfrForm, reporter_erreurs
from core.validateurs import valider_date_bornee
from etablissement.models import Etudiant, Promotion
from examens import sessions
from examens.models import SessionExamen

ADMINISTRATEUR = role_requis(Role.ADMINISTRATEUR)


class SessionForm(DsfrForm, forms.Form):
    annee = forms.IntegerField(
        label="Session",
        min_value=sessions.ANNEE_MIN,
        max_value=sessions.ANNEE_MAX,
        help_text="L'année de l'examen, par exemple 2027.",
        error_messages={
            "required": "Indiquez l'année de la session.",
            "invalid": "Indiquez une année, par exemple 2027.",
            "min_value": f"La session doit être comprise entre {sessions.ANNEE_MIN} et "
            f"{sessions.ANNEE_MAX}.",
            "max_value": f"La session doit être comprise entre {sessions.ANNEE_MIN} et "
            f"{sessions.ANNEE_MAX}.",
        },
    )
    date_limite_depot = forms.DateField(
        label="Date limite de dépôt des dossiers",
        help_text="Celle que publie l'académie. Format : jj/mm/aaaa.",
        validators=[valider_date_bornee],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": "Indiquez la date limite de dépôt.",
            "invalid": "Indiquez une date valide, par exemple 15/04/2027.",
        },
    )


class DepotForm(DsfrForm, forms.Form):
    depose_le = forms.DateField(
        label="Déposé le",
        validators=[valider_date_bornee],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": "Indiquez la date du dépôt.",
            "invalid": "Indiquez une date valide, par exemple 10/04/2027.",
        },
    )


@ADMINISTRATEUR
@require_http_methods(["GET", "POST"])
def session_modifier(request: HttpRequest, promotion: int) -> HttpResponse:
    promo = get_object_or_404(Promotion, pk=promotion)
    existante = SessionExamen.objects.filter(promotion=promo).first()
    initial = (
        {"annee": existante.annee, "date_limite_depot": existante.date_limite_depot}
        if existante
        else {"annee": promo.annee_debut + promo.nombre_annees}
    )
    form = SessionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            session = sessions.session_enregistrer(
                promo,
                annee=form.cleaned_data["annee"],
                date_limite=form.cleaned_data["date_limite_depot"],
            )
        except ValidationError as refus:
            reporter_erreurs(form, refus)
        else:
            messages.success(
                request,
                f"Session {session.annee} : dossiers à déposer au plus tard le "
                f"{session.date_limite_depot:%d/%m/%Y}.",
            )
            return redirect("examens:preparation_cohorte", promotion=promo.pk)
    return render(
        request,
        "examens/session_formulaire.html",
        {"promotion": promo, "formulaire": form, "session": existante},
    )


@ADMINISTRATEUR
@require_POST
def depot_enregistrer(request: HttpRequest, pk: int) -> HttpResponse:
    etudiant = get_object_or_404(Etudiant, pk=pk)
    session = get_object_or_404(SessionExamen, promotion_id=etudiant.promotion_id)
    retour = reverse("examens:preparation_etudiant", kwargs={"pk": etudiant.pk})
    if request.POST.get("annuler"):
        if sessions.depot_annuler(session, etudiant):
            messages.success(request, "Le dépôt du dossier est effacé.")
        return redirect(retour)
    form = DepotForm(request.POST)
    if form.is_valid():
        par = request.user if isinstance(request.user, Utilisateur) else None
        try:
            depot = sessions.depot_enregistrer(
                session, etudiant, depose_le=form.cleaned_data["depose_le"], par=par
            )
        except ValidationError as refus:
            reporter_erreurs(form, refus)
        else:
            messages.success(request, f"Dossier déposé le {depot.depose_le:%d/%m/%Y} : noté.")
            return redirect(retour)
    for erreurs in form.errors.values():
        for erreur in erreurs:
            messages.error(request, str(erreur))
    return redirect(retour)
