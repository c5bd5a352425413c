"""The staff's side of the fiches: the fiches to review (a teacher's students', every one for
an administrator), filtered by state; a student's fiches from their page; a fiche with its
versions; the review, field by field, and reopening a conforme fiche. Every member of staff
reads; only the student's référent and the administrators review (403 otherwise)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from comptes.acces import personnel_requis
from conventions.acces import peut_modifier
from core.forms import reporter_erreurs
from etablissement.models import Etudiant
from examens import selectors, services
from examens.forms import RelectureForm
from examens.models import Fiche, StatutFiche
from examens.views.fiches_etudiant import contexte_versions, par_epreuve


def _fiche(pk: int) -> Fiche:
    return get_object_or_404(selectors.fiches(), pk=pk)


@personnel_requis
def a_relire(request: HttpRequest) -> HttpResponse:
    statut = request.GET.get("statut", StatutFiche.SOUMISE)
    if statut not in StatutFiche.values and statut != "toutes":
        statut = StatutFiche.SOUMISE
    fiches = list(selectors.a_relire(request.user, None if statut == "toutes" else statut))
    for f in fiches:
        f.commentaire = selectors.dernier_commentaire(f)  # type: ignore[attr-defined]
    return render(
        request,
        "examens/fiches_a_relire.html",
        {
            "fiches": fiches,
            "statut": statut,
            "statuts": [*StatutFiche.choices, ("toutes", "Toutes")],
        },
    )


@personnel_requis
def etudiant(request: HttpRequest, pk: int) -> HttpResponse:
    eleve = get_object_or_404(Etudiant.objects.select_related("promotion", "referent"), pk=pk)
    fiches = list(selectors.fiches_de(eleve))
    return render(
        request,
        "examens/fiches_etudiant_personnel.html",
        {
            "etudiant": eleve,
            "groupes": par_epreuve(fiches),
            "total": len(fiches),
            "relire": peut_modifier(request.user, eleve),
        },
    )


@personnel_requis
def fiche(request: HttpRequest, pk: int) -> HttpResponse:
    f = _fiche(pk)
    contexte = contexte_versions(f, personnel=True)
    contexte["relire"] = peut_modifier(request.user, f.etudiant)
    contexte["evenements"] = f.evenements.select_related("auteur")
    return render(request, "examens/fiche_versions.html", contexte)


@personnel_requis
@require_http_methods(["GET", "POST"])
def relire(request: HttpRequest, pk: int) -> HttpResponse:
    f = _fiche(pk)
    modele = selectors.modele_de(f)
    version = selectors.courante(f)
    # The same rule as the service's, before anything is shown (403 for a colleague).
    if not peut_modifier(request.user, f.etudiant):
        raise PermissionDenied(services.PAS_REFERENT)
    form = RelectureForm(request.POST or None, modele=modele)
    if form.is_bound and form.is_valid():
        try:
            services.fiche_relire(fiche=f, avis=form.avis(), par=request.user, le=timezone.now())
        except ValidationError as refus:
            reporter_erreurs(form, refus)
        else:
            f.refresh_from_db()
            messages.success(request, f"{f} : {f.get_statut_display().lower()}.")
            return redirect("examens:fiche_personnel", pk=f.pk)
    paires = {cle: (avis, commentaire) for cle, avis, commentaire in form.paires()}
    return render(
        request,
        "examens/fiche_relire.html",
        {
            "fiche": f,
            "version": version,
            "form": form,
            "attend": f.statut == StatutFiche.SOUMISE,
            "sections": [
                (s.libelle, [(ligne, *paires[ligne.champ.cle]) for ligne in s.champs])
                for s in selectors.par_section(f, version)
            ],
        },
        status=400 if form.is_bound else 200,
    )


@personnel_requis
@require_POST
def rouvrir(request: HttpRequest, pk: int) -> HttpResponse:
    f = _fiche(pk)
    try:
        services.fiche_rouvrir(fiche=f, par=request.user, le=timezone.now())
    except ValidationError as refus:
        messages.error(request, " ".join(refus.messages))
    else:
        messages.success(request, f"{f} : rouverte, l'étudiant peut la reprendre.")
    return redirect("examens:fiche_personnel", pk=f.pk)
