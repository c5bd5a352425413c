"""The fiche's PDF and the commission's packs (staff): ask for a candidate's pack or the
cohort's archive, follow its progress (an htmx fragment polled every 2 s until it ends), then
download it; the packs already made, newest first."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from comptes.acces import personnel_requis, peut_acceder, role_requis
from comptes.models import Role, Utilisateur
from etablissement.models import Etudiant
from etablissement.views.mon_stage import etudiant_du_compte
from examens import pack, pdf, taches
from examens.models import EtatPack, Fiche, Pack, SessionExamen

DERNIERS = 20  # packs listed on the session's page


def _referent_de(request: HttpRequest, eleve: Etudiant) -> bool:
    enseignant = getattr(request.user, "enseignant", None)
    return enseignant is not None and eleve.referent_id == enseignant.pk


@never_cache
@role_requis(Role.ETUDIANT, Role.ADMINISTRATEUR, Role.ENSEIGNANT)
def fiche_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The fiche's latest version as a PDF: its student, their référent and the
    administrators; anyone else finds nothing (404)."""
    fiche = Fiche.objects.select_related("etudiant__promotion").filter(pk=pk).first()
    if fiche is None:
        raise Http404("Cette fiche n'existe pas.")
    if peut_acceder(request.user, (Role.ADMINISTRATEUR,)):
        admis = True
    elif peut_acceder(request.user, (Role.ENSEIGNANT,)):
        admis = _referent_de(request, fiche.etudiant)
    else:
        eleve = etudiant_du_compte(request)
        admis = eleve is not None and eleve.pk == fiche.etudiant_id
    if not admis:
        raise Http404("Cette fiche n'existe pas.")
    reponse = HttpResponse(pdf.fiche_pdf(fiche), content_type="application/pdf")
    reponse["Content-Disposition"] = f'inline; filename="{pdf.nom_fichier(fiche)}"'
    return reponse


@personnel_requis
def sessions(request: HttpRequest) -> HttpResponse:
    liste = SessionExamen.objects.select_related("promotion").order_by("-annee", "promotion")
    return render(request, "examens/pack_sessions.html", {"sessions": liste})


def _session(pk: int) -> SessionExamen:
    return get_object_or_404(SessionExamen.objects.select_related("promotion"), pk=pk)


@personnel_requis
def packs(request: HttpRequest, pk: int) -> HttpResponse:
    session = _session(pk)
    return render(
        request,
        "examens/pack_session.html",
        {
            "session": session,
            "candidats": list(pack.candidats(session)),
            "packs": list(session.packs.select_related("etudiant", "demande_par")[:DERNIERS]),
        },
    )


class DemandeForm(forms.Form):
    etudiant = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1)


@personnel_requis
@require_POST
def generer(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask for the cohort's archive (no `etudiant`) or one candidate's pack."""
    session = _session(pk)
    form = DemandeForm(request.POST)
    if not form.is_valid():
        return HttpResponse("Demande invalide.", status=400)
    etudiant = None
    if form.cleaned_data["etudiant"]:
        etudiant = pack.candidats(session).filter(pk=form.cleaned_data["etudiant"]).first()
        if etudiant is None:
            raise Http404("Ce candidat n'est pas de cette session.")
    utilisateur = request.user if isinstance(request.user, Utilisateur) else None
    demande = taches.pack_demander(
        session=session, etudiant=etudiant, par=utilisateur, le=timezone.now()
    )
    if request.headers.get("HX-Request"):
        return render(request, "examens/pack_etat.html", {"p": demande})
    messages.success(request, "La génération est demandée : elle se fait en arrière-plan.")
    return redirect(reverse("examens:packs", args=[session.pk]) + f"#pack-{demande.pk}")


@never_cache
@personnel_requis
def etat(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress fragment, polled by the page while the pack is being built."""
    p = get_object_or_404(Pack.objects.select_related("etudiant"), pk=pk)
    return render(request, "examens/pack_etat.html", {"p": p})


def reponse_pack(p: Pack) -> FileResponse:
    if p.etat != EtatPack.TERMINE or not p.fichier or not p.fichier.storage.exists(p.fichier.name):
        raise Http404("Ce pack n'est pas prêt.")
    nom = p.fichier.name.rsplit("/", 1)[-1]
    reponse = FileResponse(p.fichier.open("rb"), as_attachment=True, filename=nom)
    reponse["X-Content-Type-Options"] = "nosniff"
    return reponse


@never_cache
@personnel_requis
def fichier(request: HttpRequest, pk: int) -> FileResponse:
    return reponse_pack(get_object_or_404(Pack, pk=pk))
