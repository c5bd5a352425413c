"""The signature circuit's pages: the staff open a circuit on a stored document (the personal
links go by e-mail only: staff never see them, or they could sign for anybody); a signatory
opens their link without an account, reads the PDF, and signs with an explicit click.
Opening a link signs nothing; once everybody has signed, a link shows nothing more (the
signed copy went by e-mail)."""

from __future__ import annotations

from datetime import datetime
from typing import cast

from django.conf import settings
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from comptes.acces import personnel_requis
from comptes.models import Utilisateur
from conventions.services import TransitionRefusee
from documents import signalements, signatures
from documents.acces import exiger_generation, peut_generer
from documents.conclusion import circuit_complet
from documents.forms import CopieForm, SignalementForm
from documents.models import CopieSignee, Courriel, Document, OrdreSignature, Signature
from documents.relances import Cadence
from documents.resume import resume
from documents.views.pieces import _auteur


@require_POST
@personnel_requis
def circuit(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(Document.objects.select_related("convention"), pk=pk)
    exiger_generation(request.user, document.convention)
    demande = request.POST.get("ordre", "")
    ordre = (
        OrdreSignature(demande) if demande in OrdreSignature.values else OrdreSignature.PARALLELE
    )
    try:
        signatures.circuit_ouvrir(
            document=document, le=timezone.now(), auteur=_auteur(request), ordre=ordre
        )
    except (signatures.SignatureRefusee, TransitionRefusee) as refus:
        return render(
            request,
            "documents/circuit.html",
            {"document": document, "erreur": str(refus)},
            status=409,
        )
    document.refresh_from_db()
    en_attente = signatures.en_attente_de_leur_tour(document)
    return render(
        request,
        "documents/circuit.html",
        {
            "document": document,
            "ecrits": document.signatures.exclude(pk__in=en_attente),
            "suivants": document.signatures.filter(pk__in=en_attente),
            "lisibles": settings.COURRIELS_LISIBLES,
        },
    )


@require_GET
@personnel_requis
def suivi(request: HttpRequest, pk: int) -> HttpResponse:
    """Where the circuit of a document stands: each signatory, what they did, every e-mail
    they were sent (link, reminders), the errors they reported and, once all have signed,
    the final PDF."""
    document = get_object_or_404(Document.objects.select_related("convention__etudiant"), pk=pk)
    return _page_suivi(request, document)


def _page_suivi(
    request: HttpRequest, document: Document, erreur: str = "", status: int = 200
) -> HttpResponse:
    return render(
        request,
        "documents/suivi.html",
        {
            "document": document,
            "signatures": document.signatures.prefetch_related(
                Prefetch("courriels", queryset=Courriel.objects.order_by("envoye_le"))
            ),
            "peut_generer": peut_generer(request.user, document.convention),
            "en_attente": signatures.en_attente_de_leur_tour(document),
            "lisibles": settings.COURRIELS_LISIBLES,
            "cadence": Cadence.reglee(),
            "signalements": document.signalements.select_related(
                "signature", "traite_par", "nouvelle_version"
            ).order_by("-cree_le", "-pk"),
            "ouverts": signalements.ouverts(document),
            "erreur": erreur,
        },
        status=status,
    )


@require_POST
@personnel_requis
def signalement_traiter(request: HttpRequest, pk: int) -> HttpResponse:
    """« Traité, le circuit reprend »: the staff checked the reported error and change
    nothing; every signatory can sign the same version again."""
    document = get_object_or_404(Document.objects.select_related("convention__etudiant"), pk=pk)
    exiger_generation(request.user, document.convention)
    try:
        signalements.signalement_traiter(
            document=document, auteur=cast(Utilisateur, request.user), le=timezone.now()
        )
    except signalements.SignalementRefuse as refus:
        return _page_suivi(request, document, str(refus), status=409)
    return redirect("documents:suivi", pk=document.pk)


@require_GET
@personnel_requis
def telecharger_signe(request: HttpRequest, pk: int) -> HttpResponseBase:
    """The final PDF of a complete circuit: the document and its signature page."""
    document = get_object_or_404(Document, pk=pk)
    return _pdf_signe(document)


def _pdf_signe(document: Document) -> FileResponse:
    if not document.fichier_signe:
        raise Http404("Ce document n'est pas encore signé par tous.")
    return FileResponse(
        document.fichier_signe.open("rb"),
        as_attachment=True,
        filename=document.fichier_signe_nom,
        content_type="application/pdf",
    )


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


def _signature_ouverte(
    request: HttpRequest, jeton: str, maintenant: datetime
) -> Signature | HttpResponse:
    """The signatory of a valid link, or the page to answer instead: a new link for an
    expired one, nothing more once everybody signed, 404 for an unknown one."""
    trouvee = signatures.signature_par_jeton(jeton, le=maintenant)
    if trouvee is None:
        if signatures.signature_expiree_par_jeton(jeton, le=maintenant) is not None:
            return _lien_expire(request, jeton)
        raise Http404("Ce lien de signature n'existe pas ou a été remplacé.")
    if circuit_complet(trouvee.document):
        return _circuit_termine(request, trouvee)
    return trouvee


def _page_signer(
    request: HttpRequest,
    signature: Signature,
    jeton: str,
    *,
    erreur: str = "",
    form: SignalementForm | None = None,
    status: int = 200,
) -> HttpResponse:
    return page_signature(
        request,
        signature,
        url_pdf=reverse("documents:signer_pdf", args=[jeton]),
        url_signaler=reverse("documents:signaler", args=[jeton]),
        erreur=erreur,
        form=form,
        status=status,
    )


def page_signature(
    request: HttpRequest,
    signature: Signature,
    *,
    url_pdf: str,
    url_signaler: str,
    erreur: str = "",
    form: SignalementForm | None = None,
    status: int = 200,
) -> HttpResponse:
    """Who signs what (documents.resume), the PDF, « Je signe » and « Signaler une
    erreur »; a circuit stopped by a report says so to every signatory. The same page for a
    personal link and for a student signing from « Mon stage » (documents/views/etudiant.py):
    only where the PDF and the report go differ."""
    document = signature.document
    ouverts = signalements.ouverts(document)
    return render(
        request,
        "documents/signer.html",
        {
            "signature": signature,
            "document": document,
            "url_pdf": url_pdf,
            "url_signaler": url_signaler,
            "erreur": erreur,
            "a_son_tour": signatures.a_son_tour(signature),
            "resume": resume(signature, le=timezone.localdate()),
            "suspendu": bool(ouverts),
            "mon_signalement": next((s for s in ouverts if s.signature_id == signature.pk), None),
            "form_signalement": form or SignalementForm(),
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def signer(request: HttpRequest, jeton: str) -> HttpResponse:
    maintenant = timezone.now()
    trouvee = _signature_ouverte(request, jeton, maintenant)
    if isinstance(trouvee, HttpResponse):
        return trouvee
    signature, erreur = trouvee, ""
    if request.method == "POST":
        signature, erreur = acte_de_signature(request, signature, maintenant)
    return _page_signer(request, signature, jeton, erreur=erreur)


def acte_de_signature(
    request: HttpRequest,
    signature: Signature,
    maintenant: datetime,
    *,
    identifie_autrement: bool = False,
) -> tuple[Signature, str]:
    """The POST of « Je signe »: the explicit box, then the signature with its evidence;
    the signature as it is now and the French refusal to show, if any."""
    if request.POST.get("je_signe") != "oui":
        return signature, "Cochez la case pour confirmer votre signature."
    try:
        signature = signatures.signer(
            signature=signature,
            le=maintenant,
            adresse_ip=request.META.get("REMOTE_ADDR"),
            navigateur=request.META.get("HTTP_USER_AGENT", ""),
            empreinte_lue=request.POST.get("empreinte") or None,
            identifie_autrement=identifie_autrement,
        )
    except signatures.SignatureRefusee as refus:
        signature.refresh_from_db()
        # A double click: the first one signed, the second one has nothing to say.
        return signature, "" if signature.signe_le else str(refus)
    return signature, ""


@require_POST
def signaler(request: HttpRequest, jeton: str) -> HttpResponse:
    """« Signaler une erreur »: the circuit stops, the référent is told; back to the page,
    which then says the report was received."""
    maintenant = timezone.now()
    trouvee = _signature_ouverte(request, jeton, maintenant)
    if isinstance(trouvee, HttpResponse):
        return trouvee
    form = SignalementForm(request.POST)
    if not form.is_valid():
        return _page_signer(request, trouvee, jeton, form=form, status=400)
    try:
        signalements.signaler(
            signature=trouvee, message=form.cleaned_data["message"], le=maintenant
        )
    except signalements.SignalementRefuse as refus:
        form.add_error("message", str(refus))
        return _page_signer(request, trouvee, jeton, form=form, status=409)
    return redirect(f"{reverse('documents:signer', args=[jeton])}#signalement")


def _circuit_termine(request: HttpRequest, signature: Signature) -> HttpResponse:
    """Everybody signed: the link no longer opens the document nor its signature page (which
    shows every signatory's address and browser); the signed copy went by e-mail."""
    return render(
        request,
        "documents/signer.html",
        {"signature": signature, "document": signature.document, "termine": True},
        status=410,
    )


@require_GET
@xframe_options_sameorigin
def signer_pdf(request: HttpRequest, jeton: str) -> HttpResponseBase:
    """The PDF to sign, shown inside the signing page (the only page allowed to frame it)
    and downloadable from there."""
    document = _signature(jeton).document
    if circuit_complet(document):
        raise Http404("Ce circuit de signature est terminé : le document signé a été envoyé.")
    reponse = FileResponse(
        document.fichier.open("rb"), filename=document.nom_fichier, content_type="application/pdf"
    )
    reponse.headers["Content-Security-Policy"] = CSP_PDF_ENCADRE
    return reponse


# The project's policy, except that a page of the site may frame this PDF (the signing page).
CSP_PDF_ENCADRE = "default-src 'none'; object-src 'self'; frame-ancestors 'self'"


@require_POST
def nouveau_lien(request: HttpRequest, jeton: str) -> HttpResponse:
    """An expired link asks for a new one: it goes to the e-mail address on record and is
    never shown here (whoever holds an old link does not get a working one)."""
    signature = signatures.signature_expiree_par_jeton(jeton, le=timezone.now())
    if signature is None:
        raise Http404("Ce lien de signature n'existe pas ou a été remplacé.")
    signatures.lien_renouveler(signature=signature, le=timezone.now())
    return _lien_expire(request, jeton, envoye=True)


def _copies_page(
    request: HttpRequest, document: Document, form: CopieForm, erreur: str = "", status: int = 200
) -> HttpResponse:
    return render(
        request,
        "documents/copies.html",
        {
            "document": document,
            "signatures": document.signatures.filter(invalidee_le__isnull=True),
            "copies": document.copies.select_related("signature", "deposee_par", "confirmee_par"),
            "form": form,
            "erreur": erreur,
        },
        status=status,
    )


def _choix(document: Document) -> list[tuple[str, str]]:
    return [
        (str(s.pk), f"{s.get_role_display()} — {s.nom}")
        for s in document.signatures.filter(invalidee_le__isnull=True, signe_le__isnull=True)
    ]


@require_http_methods(["GET", "POST"])
@personnel_requis
def copies(request: HttpRequest, pk: int) -> HttpResponse:
    """The paper path: upload a scanned copy signed in ink, for one signatory or for all."""
    document = get_object_or_404(Document.objects.select_related("convention"), pk=pk)
    exiger_generation(request.user, document.convention)
    if request.method == "GET":
        return _copies_page(request, document, CopieForm(choix=_choix(document)))
    form = CopieForm(request.POST, request.FILES, choix=_choix(document))
    if not form.is_valid():
        return _copies_page(request, document, form, status=400)
    fichier = form.cleaned_data["fichier"]
    if fichier.size > signatures.TAILLE_MAX_COPIE:
        return _copies_page(request, document, form, "La copie numérisée dépasse 10 Mo.", 400)
    pk_signature = form.cleaned_data["signataire"]
    try:
        signatures.copie_deposer(
            document=document,
            contenu=fichier.read(),
            signature=document.signatures.get(pk=pk_signature) if pk_signature else None,
            auteur=cast(Utilisateur, request.user),
            le=timezone.now(),
        )
    except signatures.SignatureRefusee as refus:
        return _copies_page(request, document, form, str(refus), 400)
    return redirect("documents:copies", pk=document.pk)


@require_POST
@personnel_requis
def copie_confirmer(request: HttpRequest, pk: int) -> HttpResponse:
    copie = get_object_or_404(CopieSignee.objects.select_related("document__convention"), pk=pk)
    exiger_generation(request.user, copie.document.convention)
    try:
        signatures.copie_confirmer(
            copie=copie, auteur=cast(Utilisateur, request.user), le=timezone.now()
        )
    except signatures.SignatureRefusee as refus:
        return _copies_page(
            request, copie.document, CopieForm(choix=_choix(copie.document)), str(refus), 409
        )
    return redirect("documents:copies", pk=copie.document.pk)
