"""The student's exam fiches under « Mon stage »: the list by exam, a new fiche (drawn from a
stage and its log, or blank), a fiche's fields laid out as the official form with the
référent's comment beside each, the offer's annex, sending it for review, and its versions.
Only the student linked to the account is read: anyone else's fiche is not found (404)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from comptes.acces import peut_acceder, role_requis
from comptes.models import Role
from core.forms import reporter_erreurs
from etablissement.models import Etudiant
from etablissement.views.mon_stage import etudiant_du_compte
from examens import selectors, services
from examens.forms import AnnexeForm, FicheCreerForm, FicheForm
from examens.models import Fiche, StatutFiche

ETUDIANT = role_requis(Role.ETUDIANT)


def _eleve(request: HttpRequest) -> Etudiant:
    eleve = etudiant_du_compte(request)
    if eleve is None:
        raise Http404("Votre compte n'est relié à aucune fiche d'étudiant.")
    return eleve


def _fiche(eleve: Etudiant, pk: int) -> Fiche:
    fiche = selectors.fiche_de(eleve, pk)
    if fiche is None:
        raise Http404("Cette fiche n'existe pas.")
    return fiche


def par_epreuve(fiches: list[Fiche]) -> list[tuple[str, list[Fiche]]]:
    """The fiches grouped as the exams are: E4, its fiche sujet, E6."""
    groupes = (
        ("Épreuve E4", ("E4_NEGO", "E4_EVENEMENT")),
        ("Épreuve E4 — fiche sujet (situation B)", ("E4_SUJET",)),
        ("Épreuve E6", ("E6_DISTRIBUTEURS", "E6_PARTENAIRES", "E6_VENTE_DIRECTE")),
    )
    for f in fiches:
        f.commentaire = selectors.dernier_commentaire(f)  # type: ignore[attr-defined]
    return [(titre, [f for f in fiches if f.type in types]) for titre, types in groupes]


@ETUDIANT
def liste(request: HttpRequest) -> HttpResponse:
    eleve = etudiant_du_compte(request)
    fiches = list(selectors.fiches_de(eleve)) if eleve else []
    return render(
        request,
        "examens/fiches_etudiant.html",
        {"etudiant": eleve, "groupes": par_epreuve(fiches), "total": len(fiches)},
    )


@ETUDIANT
@require_http_methods(["GET", "POST"])
def creer(request: HttpRequest) -> HttpResponse:
    eleve = etudiant_du_compte(request)
    if eleve is None:
        messages.info(request, "Votre compte n'est relié à aucune fiche d'étudiant.")
        return redirect("examens:fiches")
    form = FicheCreerForm(request.POST or None, conventions=selectors.conventions_possibles(eleve))
    if form.is_bound and form.is_valid():
        try:
            fiche = services.fiche_creer(
                etudiant=eleve,
                type_fiche=form.cleaned_data["type_fiche"],
                titre=form.cleaned_data["titre"],
                convention=form.cleaned_data["convention"],
                activite_reelle=form.cleaned_data["activite_reelle"] != "non",
                le=timezone.now(),
                aujourdhui=timezone.localdate(),
            )
        except ValidationError as refus:
            reporter_erreurs(form, refus)
        else:
            messages.success(request, f"{fiche} : fiche créée.")
            return redirect("examens:fiche", pk=fiche.pk)
    return render(
        request,
        "examens/fiche_creer.html",
        {"form": form},
        status=400 if form.is_bound else 200,
    )


def _page(
    request: HttpRequest,
    fiche: Fiche,
    form: FicheForm | None,
    annexe_form: AnnexeForm | None = None,
    status: int = 200,
) -> HttpResponse:
    version = selectors.courante(fiche)
    modifiable = fiche.statut not in (StatutFiche.SOUMISE, StatutFiche.CONFORME)
    sections = selectors.par_section(fiche, version)
    return render(
        request,
        "examens/fiche_etudiant.html",
        {
            "fiche": fiche,
            "version": version,
            "sections": sections,
            # Each field of the form beside the référent's word on it.
            "blocs": [
                (s.libelle, [(form[ligne.champ.cle], ligne) for ligne in s.champs])
                for s in sections
            ]
            if form and modifiable
            else [],
            "form": form if modifiable else None,
            "annexe_form": (annexe_form or AnnexeForm())
            if modifiable and selectors.modele_de(fiche).annexe_offre
            else None,
            "manques": services.manques(fiche, version) if modifiable else [],
            "modele": selectors.modele_de(fiche),
        },
        status=status,
    )


def _form_initial(fiche: Fiche) -> FicheForm:
    version = selectors.courante(fiche)
    initial: dict[str, object] = {"titre": fiche.titre, **version.contenu}
    initial["activite_reelle"] = "oui" if fiche.activite_reelle else "non"
    return FicheForm(initial=initial, modele=selectors.modele_de(fiche))


@ETUDIANT
@require_http_methods(["GET", "POST"])
def fiche(request: HttpRequest, pk: int) -> HttpResponse:
    f = _fiche(_eleve(request), pk)
    if request.method == "GET":
        return _page(request, f, _form_initial(f))
    form = FicheForm(request.POST, modele=selectors.modele_de(f))
    if form.is_valid():
        try:
            services.fiche_modifier(
                fiche=f,
                titre=form.cleaned_data["titre"],
                contenu=form.contenu(),
                activite_reelle=form.activite(),
                le=timezone.now(),
            )
        except ValidationError as refus:
            reporter_erreurs(form, refus)
        else:
            messages.success(request, "Fiche enregistrée.")
            return redirect("examens:fiche", pk=f.pk)
    return _page(request, f, form, status=400)


@ETUDIANT
@require_POST
def annexe(request: HttpRequest, pk: int) -> HttpResponse:
    f = _fiche(_eleve(request), pk)
    form = AnnexeForm(request.POST, request.FILES)
    if form.is_valid():
        envoye = form.cleaned_data["annexe"]
        try:
            services.annexe_deposer(fiche=f, flux=envoye, taille=envoye.size, le=timezone.now())
        except ValidationError as refus:
            form.add_error("annexe", refus)
        else:
            messages.success(request, "Annexe enregistrée.")
            return redirect("examens:fiche", pk=f.pk)
    return _page(request, f, _form_initial(f), form, status=400)


@ETUDIANT
@require_POST
def soumettre(request: HttpRequest, pk: int) -> HttpResponse:
    f = _fiche(_eleve(request), pk)
    try:
        services.fiche_soumettre(fiche=f, le=timezone.now())
    except ValidationError as refus:
        messages.error(request, " ".join(refus.messages))
    else:
        messages.success(request, "Fiche envoyée à votre référent pour relecture.")
    return redirect("examens:fiche", pk=f.pk)


@ETUDIANT
def versions(request: HttpRequest, pk: int) -> HttpResponse:
    f = _fiche(_eleve(request), pk)
    return render(request, "examens/fiche_versions.html", contexte_versions(f, personnel=False))


def contexte_versions(fiche: Fiche, *, personnel: bool) -> dict[str, object]:
    return {
        "fiche": fiche,
        "personnel": personnel,
        "versions": [
            (v, selectors.par_section(fiche, v, historique=True)) for v in selectors.versions(fiche)
        ],
    }


@never_cache
@role_requis(Role.ETUDIANT, Role.ADMINISTRATEUR, Role.ENSEIGNANT)
def annexe_telecharger(request: HttpRequest, pk: int) -> FileResponse:
    """The offer's annex: its student or the staff; nobody else (404)."""
    if peut_acceder(request.user, (Role.ADMINISTRATEUR, Role.ENSEIGNANT)):
        f = Fiche.objects.filter(pk=pk).first()
    else:
        f = selectors.fiche_de(_eleve(request), pk)
    if f is None or not f.annexe_offre or not f.annexe_offre.storage.exists(f.annexe_offre.name):
        raise Http404("Cette annexe n'existe pas.")
    reponse = FileResponse(
        f.annexe_offre.open("rb"),
        as_attachment=True,
        filename=f"annexe-offre-fiche-{f.epreuve}-{f.numero}.pdf",
        content_type="application/pdf",
    )
    reponse["X-Content-Type-Options"] = "nosniff"
    return reponse
