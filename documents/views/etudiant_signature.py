"""A student signs their own convention or avenant from « Mon stage ».

Logged in, the student is identified by their account: the page is the signing page of the
personal link (documents/views/signature.py, who signs what, the PDF, « Je signe », « Signaler
une erreur »), reached by a click instead of the e-mail, and the signature keeps the same
evidence. Only a signature of the student linked to the account, as the student (not as
anyone else on the document), is found: any other id answers 404.
"""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from comptes.acces import role_requis
from comptes.models import Role
from documents import signalements
from documents.conclusion import circuit_complet
from documents.forms import SignalementForm
from documents.models import RoleSignataire, Signature
from documents.views.signature import CSP_PDF_ENCADRE, acte_de_signature, page_signature


def _ma_signature(request: HttpRequest, pk: int) -> Signature:
    signature = get_object_or_404(
        Signature.objects.select_related("document__convention__etudiant"),
        pk=pk,
        role=RoleSignataire.ETUDIANT,
        invalidee_le__isnull=True,
        document__convention__etudiant__utilisateur_id=request.user.pk,
    )
    if circuit_complet(signature.document):
        raise Http404("Ce circuit de signature est terminé : le document signé vous a été envoyé.")
    return signature


def _page(
    request: HttpRequest,
    signature: Signature,
    *,
    erreur: str = "",
    form: SignalementForm | None = None,
    status: int = 200,
) -> HttpResponse:
    return page_signature(
        request,
        signature,
        url_pdf=reverse("documents:etudiant_signer_pdf", args=[signature.pk]),
        url_signaler=reverse("documents:etudiant_signaler", args=[signature.pk]),
        erreur=erreur,
        form=form,
        status=status,
    )


@require_http_methods(["GET", "POST"])
@role_requis(Role.ETUDIANT)
def signer(request: HttpRequest, pk: int) -> HttpResponse:
    signature, erreur = _ma_signature(request, pk), ""
    if request.method == "POST":
        signature, erreur = acte_de_signature(
            request, signature, timezone.now(), identifie_autrement=True
        )
    return _page(request, signature, erreur=erreur)


@require_GET
@role_requis(Role.ETUDIANT)
@xframe_options_sameorigin
def signer_pdf(request: HttpRequest, pk: int) -> HttpResponseBase:
    document = _ma_signature(request, pk).document
    reponse = FileResponse(
        document.fichier.open("rb"), filename=document.nom_fichier, content_type="application/pdf"
    )
    reponse.headers["Content-Security-Policy"] = CSP_PDF_ENCADRE
    return reponse


@require_POST
@role_requis(Role.ETUDIANT)
def signaler(request: HttpRequest, pk: int) -> HttpResponse:
    signature = _ma_signature(request, pk)
    form = SignalementForm(request.POST)
    if not form.is_valid():
        return _page(request, signature, form=form, status=400)
    try:
        signalements.signaler(
            signature=signature, message=form.cleaned_data["message"], le=timezone.now()
        )
    except signalements.SignalementRefuse as refus:
        form.add_error("message", str(refus))
        return _page(request, signature, form=form, status=409)
    return redirect(f"{reverse('documents:etudiant_signer', args=[pk])}#signalement")
