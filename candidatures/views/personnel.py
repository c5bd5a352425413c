"""The staff's side of the students' search: the class counters of each coming period and
the students' search (a teacher: the students they follow; an administrator: all), one
student's applications, and « Proposer à l'entreprise » on an offer's interested students."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from candidatures import selectors, services
from candidatures.forms import RappelForm
from candidatures.models import InteretOffre, RappelRecherche
from comptes.acces import personnel_requis, role_requis
from comptes.models import Role, Utilisateur
from conventions.acces import peut_modifier
from core.forms import reporter_erreurs
from etablissement.models import Enseignant, Etudiant


def _tableau(request: HttpRequest, rappel_form: RappelForm | None = None) -> HttpResponse:
    utilisateur = request.user
    assert isinstance(utilisateur, Utilisateur)
    referent = None
    if not utilisateur.est_administrateur:
        referent = Enseignant.objects.filter(utilisateur=utilisateur).first()
    le = timezone.localdate()
    classe = selectors.tableau_recherche(le=le)
    siens = (
        classe
        if utilisateur.est_administrateur
        else selectors.tableau_recherche(le=le, referent=referent)
        if referent is not None
        else None
    )
    return render(
        request,
        "candidatures/tableau.html",
        {
            "compteurs": classe.compteurs,
            "groupes": siens.groupes if siens else [],
            "tous": utilisateur.est_administrateur,
            "referent": referent,
            "rappels": selectors.rappels_prevus(le=le),
            "rappel_form": rappel_form
            or (
                RappelForm(periodes=selectors.periodes_a_venir(le=le))
                if utilisateur.est_administrateur
                else None
            ),
        },
        status=400 if rappel_form is not None else 200,
    )


@personnel_requis
def tableau(request: HttpRequest) -> HttpResponse:
    return _tableau(request)


@role_requis(Role.ADMINISTRATEUR)
@require_POST
def rappel_prevoir(request: HttpRequest) -> HttpResponse:
    aujourdhui = timezone.localdate()
    form = RappelForm(request.POST, periodes=selectors.periodes_a_venir(le=aujourdhui))
    if form.is_valid():
        utilisateur = request.user
        assert isinstance(utilisateur, Utilisateur)
        try:
            rappel = services.rappel_prevoir(
                periode=form.cleaned_data["periode"],
                jour=form.cleaned_data["jour"],
                par=utilisateur,
                aujourdhui=aujourdhui,
            )
        except ValidationError as refus:
            reporter_erreurs(form, refus)
        else:
            messages.success(
                request,
                f"Rappel prévu le {rappel.jour:%d/%m/%Y} pour les étudiants sans place au "
                f"{rappel.periode.libelle.lower()} ({rappel.periode.promotion.libelle}).",
            )
            return redirect(reverse("candidatures:tableau") + "#rappels")
    return _tableau(request, form)


@role_requis(Role.ADMINISTRATEUR)
@require_POST
def rappel_annuler(request: HttpRequest, pk: int) -> HttpResponse:
    rappel = get_object_or_404(RappelRecherche, pk=pk)
    try:
        services.rappel_annuler(rappel=rappel)
    except ValidationError as refus:
        messages.error(request, " ".join(refus.messages))
    else:
        messages.success(request, f"{rappel} annulé.")
    return redirect(reverse("candidatures:tableau") + "#rappels")


@personnel_requis
def etudiant(request: HttpRequest, pk: int) -> HttpResponse:
    eleve = get_object_or_404(Etudiant.objects.select_related("promotion", "referent"), pk=pk)
    if not peut_modifier(request.user, eleve):
        raise PermissionDenied(
            f"La recherche de stage de {eleve} se lit par son enseignant référent et les "
            "administrateurs de la section."
        )
    return render(
        request,
        "candidatures/etudiant.html",
        {
            "etudiant": eleve,
            "recherche": selectors.recherche_d_un_etudiant(eleve, le=timezone.localdate()),
        },
    )


@personnel_requis
@require_POST
def proposer(request: HttpRequest, pk: int) -> HttpResponse:
    interet = InteretOffre.objects.select_related("etudiant", "proposition").filter(pk=pk).first()
    if interet is None:
        raise Http404("Cet intérêt n'existe plus : l'étudiant l'a peut-être retiré.")
    utilisateur = request.user
    assert isinstance(utilisateur, Utilisateur)
    propose = request.POST.get("action") != "retirer"
    try:
        services.interet_proposer(
            interet=interet, par=utilisateur, le=timezone.now(), propose=propose
        )
    except ValidationError as refus:
        messages.error(request, " ".join(refus.messages))
    else:
        messages.success(
            request,
            f"{interet.etudiant} est proposé·e à {interet.proposition.entreprise}."
            if propose
            else f"{interet.etudiant} n'est plus proposé·e à {interet.proposition.entreprise}.",
        )
    url = reverse("public:proposition", kwargs={"pk": interet.proposition_id})
    return redirect(f"{url}#interesses")
