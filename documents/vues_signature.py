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
from documents.views import _auteur


@require_POST
@personnel_requis
def circuit(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(Document.objects.select_related("convention"), pk=pk)
    exiger_generation(request.user, document.convention)
    try:
        liens = signatures.circuit_ouvrir(
            document=document, le=timezone.now(), auteur=_auteur(request)
        )
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


def _lien_expire(request: HttpRequest, jeton: str, *, envoye: bool = False) -> HttpResponse:
    return render(
        request,
        "documents/lien_expire.html",
        {"jeton": jeton, "envoye": envoye},
        status=200 if envoye else 410,
    )


@require_http_methods(["GET", "POST"])
def signer(request: HttpRequest, jeton: str) -> HttpResponse:
    maintenant = timezone.now()
    trouvee = signatures.signature_par_jeton(jeton, le=maintenant)
    if trouvee is None:
        if signatures.signature_expiree_par_jeton(jeton, le=maintenant) is not None:
            return _lien_expire(request, jeton)
        raise Http404("Ce lien de signature n'existe pas ou a été remplacé.")
    signature = trouvee
    erreur = ""
    if request.method == "POST":
        if request.POST.get("je_signe") != "oui":
            erreur = "Cochez la case pour confirmer votre signature."
        else:
            try:
                signature = signatures.signer(
                    signature=signature,
                    le=maintenant,
                    adresse_ip=request.META.get("REMOTE_ADDR"),
                    navigateur=request.META.get("HTTP_USER_AGENT", ""),
                )
            except signatures.SignatureRefusee as refus:
                signature.refresh_from_db()
                # A double click: the first one signed, the second one has nothing to say.
                erreur = "" if signature.signe_le else str(refus)
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


@require_POST
def nouveau_lien(request: HttpRequest, jeton: str) -> HttpResponse:
    """An expired link asks for a new one: it goes to the e-mail address on record and is
    never shown here (whoever holds an old link does not get a working one)."""
    signature = signatures.signature_expiree_par_jeton(jeton, le=timezone.now())
    if signature is None:
        raise Http404("Ce lien de signature n'existe pas ou a été remplacé.")
    signatures.lien_renouveler(signature=signature, le=timezone.now())
    return _lien_expire(request, jeton, envoye=True)
