"""The student's activity log under « Mon stage »: the list by convention and week, an entry
to add, change or delete while the tutor has not countersigned it, its attachments, and the
coverage of the log. Only the student linked to the account is read: an entry or a file of
anyone else is not found (404)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from comptes.acces import role_requis
from comptes.models import Role
from core.forms import reporter_erreurs
from core.listes import identifiant
from etablissement.models import Etudiant
from etablissement.views.mon_stage import etudiant_du_compte
from journal import fichiers, selectors, services
from journal.forms import EntreeForm, PieceForm
from journal.models import EntreeJournal

ETUDIANT = role_requis(Role.ETUDIANT)


def _eleve(request: HttpRequest) -> Etudiant:
    eleve = etudiant_du_compte(request)
    if eleve is None:
        raise Http404("Votre compte n'est relié à aucune fiche d'étudiant.")
    return eleve


def _entree(eleve: Etudiant, pk: int) -> EntreeJournal:
    entree = selectors.entree_de(eleve, pk)
    if entree is None:
        raise Http404("Cette entrée de journal n'existe pas.")
    return entree


@ETUDIANT
def liste(request: HttpRequest) -> HttpResponse:
    eleve = etudiant_du_compte(request)
    journaux = selectors.par_convention_et_semaine(eleve) if eleve else []
    return render(request, "journal/liste.html", {"etudiant": eleve, "journaux": journaux})


@ETUDIANT
@require_http_methods(["GET", "POST"])
def ajouter(request: HttpRequest) -> HttpResponse:
    eleve = etudiant_du_compte(request)
    conventions = selectors.conventions_du_journal(eleve) if eleve else None
    if eleve is None or conventions is None or not conventions.exists():
        messages.info(request, "Le journal s'ouvre quand votre convention est signée.")
        return redirect("journal:liste")
    form = EntreeForm(request.POST or None, etudiant=eleve, conventions=conventions)
    if request.method == "GET":
        pk = identifiant(request.GET.get("convention", ""))
        choisie = conventions.filter(pk=pk).first() if pk else None
        form.initial.setdefault("date_debut", timezone.localdate())
        if choisie:
            form.initial["convention"] = choisie
    elif form.is_valid():
        try:
            entree = services.entree_creer(
                convention=form.cleaned_data["convention"],
                saisie=form.saisie(),
                le=timezone.now(),
                aujourdhui=timezone.localdate(),
            )
        except ValidationError as refus:
            reporter_erreurs(form, refus)
        else:
            messages.success(request, f"{entree} : entrée ajoutée.")
            return redirect(reverse("journal:liste") + f"#entree-{entree.pk}")
    return render(
        request,
        "journal/entree.html",
        {"form": form, "entree": None},
        status=400 if form.is_bound else 200,
    )


@ETUDIANT
@require_http_methods(["GET", "POST"])
def modifier(request: HttpRequest, pk: int) -> HttpResponse:
    eleve = _eleve(request)
    entree = _entree(eleve, pk)
    conventions = selectors.conventions_du_journal(eleve)
    if entree.contresignee:
        return render(request, "journal/entree.html", {"entree": entree, "form": None})
    form = EntreeForm(
        request.POST or None,
        etudiant=eleve,
        conventions=conventions,
        initial=EntreeForm.initial_de(entree),
    )
    if form.is_bound and form.is_valid():
        try:
            services.entree_modifier(
                entree=entree,
                saisie=form.saisie(),
                le=timezone.now(),
                aujourdhui=timezone.localdate(),
            )
        except ValidationError as refus:
            reporter_erreurs(form, refus)
        else:
            messages.success(request, f"{entree} : entrée enregistrée.")
            return redirect(reverse("journal:liste") + f"#entree-{entree.pk}")
    return render(
        request,
        "journal/entree.html",
        {"form": form, "entree": entree, "piece_form": PieceForm()},
        status=400 if form.is_bound else 200,
    )


@ETUDIANT
@require_POST
def supprimer(request: HttpRequest, pk: int) -> HttpResponse:
    entree = _entree(_eleve(request), pk)
    try:
        services.entree_supprimer(entree=entree)
    except ValidationError as refus:
        messages.error(request, " ".join(refus.messages))
    else:
        messages.success(request, f"{entree} : entrée supprimée.")
    return redirect("journal:liste")


@ETUDIANT
@require_POST
def piece_ajouter(request: HttpRequest, pk: int) -> HttpResponse:
    eleve = _eleve(request)
    entree = _entree(eleve, pk)
    form = PieceForm(request.POST, request.FILES)
    if form.is_valid():
        envoye = form.cleaned_data["fichier"]
        try:
            services.piece_ajouter(
                entree=entree, flux=envoye, nom=envoye.name, taille=envoye.size, le=timezone.now()
            )
        except fichiers.FichierRefuse as refus:
            form.add_error("fichier", str(refus))
        except ValidationError as refus:
            form.add_error(None, refus)
        else:
            messages.success(request, "Pièce jointe ajoutée.")
            return redirect("journal:modifier", pk=entree.pk)
    entree_form = EntreeForm(
        etudiant=eleve,
        conventions=selectors.conventions_du_journal(eleve),
        initial=EntreeForm.initial_de(entree),
    )
    return render(
        request,
        "journal/entree.html",
        {
            "form": None if entree.contresignee else entree_form,
            "entree": entree,
            "piece_form": form,
        },
        status=400,
    )


@ETUDIANT
@require_POST
def piece_supprimer(request: HttpRequest, pk: int) -> HttpResponse:
    eleve = _eleve(request)
    piece = selectors.pieces_de(selectors.conventions_du_journal(eleve)).filter(pk=pk).first()
    if piece is None:
        raise Http404("Cette pièce jointe n'existe pas.")
    try:
        services.piece_supprimer(piece=piece)
    except ValidationError as refus:
        messages.error(request, " ".join(refus.messages))
    else:
        messages.success(request, f"« {piece.nom} » retirée.")
    return redirect("journal:modifier", pk=piece.entree_id)


@ETUDIANT
def couverture(request: HttpRequest) -> HttpResponse:
    eleve = etudiant_du_compte(request)
    resultat = selectors.couverture_de(eleve, aujourdhui=timezone.localdate()) if eleve else None
    return render(
        request,
        "journal/couverture.html",
        {"etudiant": eleve, "couverture": resultat, "personnel": False},
    )
