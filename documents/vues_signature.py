"""The signature circuit's pages: the staff open a circuit on a stored document (and get the
personal links once); a signatory opens their link without an account, reads the PDF, and
signs with an explicit click. Opening a link signs nothing."""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from comptes.acces import personnel_requis
from documents import signatures
from documents.acces import exiger_generation
from documents.models import Document, Signature


@require_POST
@personnel_requis
def circuit(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(Document.objects.select_related("convention"), pk=pk)
    exiger_generation(request.user, document.convention)
    try:
        liens = signatures.circuit_ouvrir(document=document, le=timezone.now())
    except signatures.SignatureRefusee as refus:
        return render(
            request,
            "documents/circuit.html",
            {"document": document, "erreur": str(refus)},
            status=409,
        )
    lignes = [
        (lien.signature, request.build_absolute_uri(reverse("documents:signer", args=[lien.jeton])))
        for lien in liens
    ]
    return render(request, "documents/circuit.html", {"document": document, "lignes": lignes})


def _signature(jeton: str) -> Signature:
    signature = signatures.signature_par_jeton(jeton, le=timezone.now())
    if signature is None:
        raise Http404("Ce lien de signature n'existe pas ou a expiré.")
    return signature


@require_http_methods(["GET", "POST"])
def signer(request: HttpRequest, jeton: str) -> HttpResponse:
    signature = _signature(jeton)
    erreur = ""
    if request.method == "POST" and request.POST.get("je_signe") == "oui":
        try:
            signature = signatures.signer(
                signature=signature,
                le=timezone.now(),
                adresse_ip=request.META.get("REMOTE_ADDR"),
                navigateur=request.META.get("HTTP_USER_AGENT", ""),
            )
        except signatures.SignatureRefusee as refus:
            erreur = str(refus)
    return render(
        request,
        "documents/signer.html",
        {"signature": signature, "document": signature.document, "jeton": jeton, "erreur": erreur},
    )


@require_GET
def signer_pdf(request: HttpRequest, jeton: str) -> HttpResponseBase:
    document = _signature(jeton).document
    return FileResponse(
        document.fichier.open("rb"), filename=document.nom_fichier, content_type="application/pdf"
    )
