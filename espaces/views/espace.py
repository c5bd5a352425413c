"""The space of a host (tutor or signatory) or of the head of school, opened by a personal
link without an account: what concerns them, signable in one action, the data of a
convention to confirm or correct, the attestations.

Every read goes through the link's scope (espaces.selectors): a document, a convention or a
period outside it is not found, as if it did not exist. The page is never cached (no-store)
nor indexed (noindex): it holds personal data and its address is a secret."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from conventions.presentation import horaire
from conventions.workflow import MODIFICATION_POSSIBLE
from documents import services as documents_services
from documents.bac_a_sable import ModeleIllisible
from documents.models import Signature
from documents.signatures import signer_plusieurs
from espaces import selectors, services
from espaces.forms import ReponseForm, signatures_cochees
from espaces.models import LienEspace, Qualite

NOINDEX = "noindex, nofollow"


def _prive(vue: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """Neither cached nor indexed, whatever the answer."""

    @wraps(vue)
    def enveloppe(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        reponse = vue(request, *args, **kwargs)
        reponse["X-Robots-Tag"] = NOINDEX
        return reponse

    return never_cache(enveloppe)


def _lien(jeton: str) -> LienEspace:
    """The link of `jeton` if still valid; Http404 if unknown or replaced; _Expire if its
    time is over (the page then offers a new one)."""
    lien = services.lien_par_jeton(jeton)
    if lien is None:
        raise Http404("Ce lien n'existe pas ou a été remplacé par un plus récent.")
    if not services.lien_valide(lien, le=timezone.now()):
        raise _Expire(lien)
    return lien


class _Expire(Exception):
    def __init__(self, lien: LienEspace) -> None:
        self.lien = lien


def _avec_lien(vue: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    @wraps(vue)
    def enveloppe(request: HttpRequest, jeton: str, **kwargs: Any) -> HttpResponseBase:
        try:
            lien = _lien(jeton)
        except _Expire:
            return _lien_expire(request, jeton)
        return vue(request, lien, jeton, **kwargs)

    return _prive(enveloppe)


def _lien_expire(request: HttpRequest, jeton: str, *, envoye: bool = False) -> HttpResponse:
    return render(
        request,
        "espaces/lien_expire.html",
        {"jeton": jeton, "envoye": envoye, "noindex": True},
        status=200 if envoye else 410,
    )


def _page(
    request: HttpRequest,
    lien: LienEspace,
    jeton: str,
    *,
    resultat: dict[str, Any] | None = None,
    erreur_signature: str = "",
    formulaires: dict[int, ReponseForm] | None = None,
    status: int = 200,
) -> HttpResponse:
    le = timezone.now()
    conventions = selectors.conventions_du_lien(lien)
    formulaires = formulaires or {}
    chef = lien.qualite == Qualite.CHEF_ETABLISSEMENT
    contexte: dict[str, Any] = {
        "lien": lien,
        "jeton": jeton,
        "chef": chef,
        "noindex": True,
        "a_signer": selectors.signatures_du_lien(lien, le=le),
        "resultat": resultat,
        "erreur_signature": erreur_signature,
    }
    if not chef:
        contexte |= {
            "annees": selectors.stagiaires_par_annee(conventions),
            "a_confirmer": [
                (
                    c,
                    reponse,
                    formulaires.get(c.pk) or ReponseForm(prefix=f"c{c.pk}"),
                    [(jour, minutes) for jour, minutes in horaire(c) if minutes],
                )
                for c, reponse in selectors.a_confirmer(conventions)
            ],
            "attestations": selectors.attestations(conventions, aujourdhui=timezone.localdate()),
        }
    return render(request, "espaces/espace.html", contexte, status=status)


@require_GET
@_avec_lien
def espace(request: HttpRequest, lien: LienEspace, jeton: str) -> HttpResponse:
    services.lien_ouvert(lien, le=timezone.now())
    return _page(request, lien, jeton)


@require_POST
@_avec_lien
def signer(request: HttpRequest, lien: LienEspace, jeton: str) -> HttpResponse:
    """« Je signe ces documents »: the ticked signatures that are this holder's, each signed
    with its own evidence (the moment, the address, the browser, the SHA-256 the page
    showed); the others are reported with their reason."""
    maintenant = timezone.now()
    cochees = list(dict.fromkeys(signatures_cochees(request.POST.getlist("signatures"))))
    if not cochees:
        return _page(
            request, lien, jeton, erreur_signature="Cochez au moins un document.", status=400
        )
    if request.POST.get("je_signe") != "oui":
        return _page(
            request,
            lien,
            jeton,
            erreur_signature="Cochez « Je signe ces documents » pour confirmer votre signature.",
            status=400,
        )
    miennes = {
        ligne.signature.pk: ligne.signature
        for ligne in selectors.signatures_du_lien(lien, le=maintenant)
    }
    choisies = [miennes[pk] for pk in cochees if pk in miennes]
    lues = {
        pk: empreinte
        for pk in miennes
        if (empreinte := request.POST.get(f"empreinte-{pk}", "").strip())
    }
    lot = signer_plusieurs(
        signatures=choisies,
        le=maintenant,
        adresse_ip=request.META.get("REMOTE_ADDR"),
        navigateur=request.META.get("HTTP_USER_AGENT", ""),
        empreintes_lues=lues,
        identifie_autrement=True,
    )
    refusees: list[tuple[Signature | None, str]] = [
        (miennes[pk], raison) for pk, raison in lot.refusees.items()
    ]
    refusees += [
        (None, "Ce document n'attend pas votre signature.") for pk in cochees if pk not in miennes
    ]
    return _page(request, lien, jeton, resultat={"signees": lot.signees, "refusees": refusees})


@require_GET
@_avec_lien
def document(request: HttpRequest, lien: LienEspace, jeton: str, pk: int) -> HttpResponseBase:
    """A PDF of this space only (awaiting this holder's signature, or an attestation of its
    scope), shown in the browser."""
    trouve = get_object_or_404(
        selectors.documents_visibles(lien, le=timezone.now(), aujourdhui=timezone.localdate()),
        pk=pk,
    )
    if not trouve.fichier.storage.exists(trouve.fichier.name):
        raise Http404("Le fichier de ce document est introuvable.")
    return FileResponse(
        trouve.fichier.open("rb"), filename=trouve.nom_fichier, content_type="application/pdf"
    )


@require_POST
@_avec_lien
def repondre(request: HttpRequest, lien: LienEspace, jeton: str, pk: int) -> HttpResponse:
    """The host confirms a convention's data, or says what to correct."""
    convention = get_object_or_404(
        selectors.conventions_du_lien(lien).filter(statut__in=MODIFICATION_POSSIBLE), pk=pk
    )
    form = ReponseForm(request.POST, prefix=f"c{convention.pk}")
    if form.is_valid():
        try:
            reponse = services.confirmation_repondre(
                convention=convention,
                lien=lien,
                le=timezone.now(),
                correction=form.cleaned_data["correction"],
            )
        except ValidationError as refus:
            form.add_error("correction", " ".join(refus.messages))
        except services.EnvoiRefuse as refus:
            form.add_error(None, str(refus))
        else:
            messages.success(
                request,
                "Votre correction est envoyée à l'enseignant référent."
                if reponse.correction
                else "Merci : vous avez confirmé les informations de la convention.",
            )
            return redirect(reverse("espaces:espace", args=[jeton]) + "#confirmer")
    return _page(request, lien, jeton, formulaires={convention.pk: form}, status=400)


@require_POST
@_avec_lien
def attestation(request: HttpRequest, lien: LienEspace, jeton: str, periode: int) -> HttpResponse:
    """Generate the attestation of a period that is over, if none was generated yet."""
    trouvee = next(
        (
            a
            for a in selectors.attestations(
                selectors.conventions_du_lien(lien), aujourdhui=timezone.localdate()
            )
            if a.periode.pk == periode and a.document is None
        ),
        None,
    )
    if trouvee is None:
        raise Http404("Aucune attestation à générer ici pour cette période.")
    try:
        documents_services.attestation_pdf_generer(
            periode=trouvee.periode, auteur=None, le=timezone.localdate()
        )
    except (documents_services.GenerationRefusee, ModeleIllisible) as refus:
        messages.error(request, f"L'attestation n'a pas pu être générée. {refus}")
    else:
        messages.success(request, "L'attestation est générée : vous pouvez la télécharger.")
    return redirect(reverse("espaces:espace", args=[jeton]) + "#attestations")


@require_POST
@_prive
def nouveau_lien(request: HttpRequest, jeton: str) -> HttpResponse:
    """An expired link asks for a new one: it goes to the address on record, never shown."""
    lien = services.lien_par_jeton(jeton)
    if lien is None:
        raise Http404("Ce lien n'existe pas ou a été remplacé par un plus récent.")
    if services.lien_valide(lien, le=timezone.now()):
        return redirect("espaces:espace", jeton=jeton)
    try:
        services.lien_renouveler(lien=lien, le=timezone.now())
    except services.EnvoiRefuse as refus:
        raise Http404(str(refus)) from refus
    return _lien_expire(request, jeton, envoye=True)
