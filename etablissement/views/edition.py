"""Creating and changing a student's record, through etablissement.services.

A new student is the section's business (administrators: enrolment, imports); a teacher
changes the record of the students they follow, but not who follows them."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from comptes.acces import personnel_requis, role_requis
from comptes.models import Role, Utilisateur
from conventions.acces import exiger_modification
from core.forms import reporter_erreurs
from etablissement import services
from etablissement.forms import EtudiantForm
from etablissement.models import Etudiant


@role_requis(Role.ADMINISTRATEUR)
def etudiant_creer(request: HttpRequest) -> HttpResponse:
    formulaire = EtudiantForm(request.POST or None)
    if request.method == "POST" and formulaire.is_valid():
        try:
            etudiant = services.etudiant_creer(**formulaire.cleaned_data)
        except ValidationError as erreur:
            reporter_erreurs(formulaire, erreur)
        else:
            messages.success(request, f"La fiche de {etudiant} est créée.")
            return redirect("etablissement:etudiant", pk=etudiant.pk)
    return render(
        request,
        "etablissement/formulaire_etudiant.html",
        {
            "formulaire": formulaire,
            "titre": "Nouvel étudiant",
            "retour": reverse("etablissement:etudiants"),
        },
    )


@personnel_requis
def etudiant_modifier(request: HttpRequest, pk: int) -> HttpResponse:
    etudiant = get_object_or_404(Etudiant.objects.select_related("promotion", "referent"), pk=pk)
    exiger_modification(request.user, etudiant)
    administrateur = isinstance(request.user, Utilisateur) and request.user.est_administrateur
    formulaire = EtudiantForm(
        request.POST or None,
        initial=EtudiantForm.initial_de(etudiant),
        peut_changer_referent=administrateur,
        referent_actuel=etudiant.referent,
    )
    if request.method == "POST" and formulaire.is_valid():
        champs = {nom: formulaire.cleaned_data[nom] for nom in formulaire.changed_data}
        try:
            services.etudiant_modifier(etudiant=etudiant, **champs)
        except ValidationError as erreur:
            reporter_erreurs(formulaire, erreur)
        else:
            messages.success(request, f"La fiche de {etudiant} est enregistrée.")
            return redirect("etablissement:etudiant", pk=etudiant.pk)
    return render(
        request,
        "etablissement/formulaire_etudiant.html",
        {
            "formulaire": formulaire,
            "etudiant": etudiant,
            "titre": f"Modifier la fiche de {etudiant}",
            "retour": reverse("etablissement:etudiant", kwargs={"pk": etudiant.pk}),
        },
    )
