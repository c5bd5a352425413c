"""Staff pages of the documents: a convention's documents (generate, download) and the clause
templates (administrators only). Generating is a POST that answers with the new PDF."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from comptes.acces import personnel_requis, role_requis
from comptes.models import Role, Utilisateur
from conventions.models import Avenant, Convention, PeriodeConvention
from conventions.workflow import SIGNEES
from documents import bac_a_sable, services
from documents.acces import exiger_generation, peut_generer
from documents.forms import ModeleForm
from documents.models import Document, ModeleDocument, OrdreSignature, TypeDocument
from documents.selectors import signalements_ouverts
from documents.variables import VARIABLES


def _auteur(request: HttpRequest) -> Utilisateur | None:
    return request.user if isinstance(request.user, Utilisateur) else None


def _pdf(document: Document) -> FileResponse:
    return FileResponse(
        document.fichier.open("rb"),
        as_attachment=True,
        filename=document.nom_fichier,
        content_type="application/pdf",
    )


def _page(
    request: HttpRequest,
    convention: Convention,
    *,
    manquants: Sequence[str] = (),
    erreur: str = "",
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        "documents/convention.html",
        {
            "convention": convention,
            "documents": Document.objects.filter(convention=convention)
            .select_related("modele", "auteur")
            .prefetch_related("signatures"),
            "avenants": convention.avenants.all(),
            "periodes": convention.periodes.all(),
            "courriels": convention.courriels.select_related("periode"),
            "peut_generer": peut_generer(request.user, convention),
            # The e-mails' text is kept to read only in the demo (core.courrier).
            "lisibles": settings.COURRIELS_LISIBLES,
            "manquants": list(manquants),
            "signee": convention.statut in SIGNEES,
            "erreur": erreur,
            "ordres": OrdreSignature.choices,
            "signalements": signalements_ouverts(convention),
        },
        status=status,
    )


def _modele_illisible(
    request: HttpRequest, convention: Convention, erreur: bac_a_sable.ModeleIllisible
) -> HttpResponse:
    """A template saved before the sandbox test-rendered them fails: say why, no 500."""
    return _page(
        request,
        convention,
        erreur=f"Le modèle de document en vigueur ne peut pas être imprimé. {erreur} "
        "Un administrateur le corrige dans « Modèles de documents ».",
        status=409,
    )


@require_GET
@personnel_requis
def convention_documents(request: HttpRequest, pk: int) -> HttpResponse:
    convention = get_object_or_404(Convention.objects.select_related("etudiant"), pk=pk)
    return _page(request, convention)


@require_POST
@personnel_requis
def convention_pdf(request: HttpRequest, pk: int) -> HttpResponseBase:
    convention = get_object_or_404(Convention, pk=pk)
    exiger_generation(request.user, convention)
    try:
        return _generer(
            request, convention, partial(services.convention_pdf_generer, convention=convention)
        )
    except services.ContenusManquants as refus:
        # 409: the request is right, the convention is not ready; the page lists why.
        return _page(request, convention, manquants=refus.manquants, status=409)


def _generer(
    request: HttpRequest, convention: Convention, generer: Callable[..., Document]
) -> HttpResponseBase:
    """A PDF generated and sent, or the documents page saying why not (409)."""
    try:
        document = generer(auteur=_auteur(request), le=timezone.localdate())
    except services.GenerationRefusee as refus:
        return _page(request, convention, erreur=str(refus), status=409)
    except bac_a_sable.ModeleIllisible as erreur:
        return _modele_illisible(request, convention, erreur)
    return _pdf(document)


@require_POST
@personnel_requis
def avenant_pdf(request: HttpRequest, pk: int, numero: int) -> HttpResponseBase:
    avenant = get_object_or_404(Avenant, convention_id=pk, numero=numero)
    exiger_generation(request.user, avenant.convention)
    return _generer(
        request, avenant.convention, partial(services.avenant_pdf_generer, avenant=avenant)
    )


@require_POST
@personnel_requis
def attestation_pdf(request: HttpRequest, pk: int, periode: int) -> HttpResponseBase:
    objet = get_object_or_404(PeriodeConvention, convention_id=pk, pk=periode)
    exiger_generation(request.user, objet.convention)
    return _generer(
        request, objet.convention, partial(services.attestation_pdf_generer, periode=objet)
    )


@require_GET
@personnel_requis
def telecharger(request: HttpRequest, pk: int) -> HttpResponseBase:
    """Any stored version, as it was generated (every member of staff reads)."""
    document = get_object_or_404(Document, pk=pk)
    if not document.fichier.storage.exists(document.fichier.name):
        raise Http404("Le fichier de ce document est introuvable.")
    return _pdf(document)


@require_GET
@role_requis(Role.ADMINISTRATEUR)
def modeles(request: HttpRequest) -> HttpResponse:
    en_vigueur = [services.modele_en_vigueur(t) for t in TypeDocument.values]
    return render(request, "documents/modeles.html", {"modeles": en_vigueur})


@require_http_methods(["GET", "POST"])
@role_requis(Role.ADMINISTRATEUR)
def modele(request: HttpRequest, type_: str) -> HttpResponse:
    if type_ not in TypeDocument.values:
        raise Http404("Type de document inconnu.")
    courant = services.modele_en_vigueur(type_)
    form = ModeleForm(request.POST or None, initial={"corps": courant.corps})
    if request.method == "POST" and form.is_valid():
        try:
            services.modele_enregistrer(
                type_=type_, corps=form.cleaned_data["corps"], auteur=_auteur(request)
            )
        except ValidationError as erreur:
            form.add_error(None, erreur)  # a dict error lands under its field
        else:
            return redirect("documents:modeles")
    return render(
        request,
        "documents/modele.html",
        {
            "form": form,
            "courant": courant,
            "libelle": TypeDocument(type_).label,
            "versions": ModeleDocument.objects.filter(type=type_).order_by("-version"),
            "variables": VARIABLES,
        },
    )
