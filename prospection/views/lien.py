"""A company's personal link from a campaign (public, no account): it records « ouvert »,
leads to « Proposer un stage » pre-filled with the organisation, or to « Ne plus me solliciter »."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from prospection import services
from prospection.models import Destinataire
from public import annuaire
from public.forms_proposition import PropositionForm
from public.selectors import missions_proposables, periodes_proposables


def _destinataire(jeton: str) -> Destinataire:
    destinataire = services.destinataire_par_jeton(jeton)
    if destinataire is None:
        raise Http404("Ce lien n'est pas valide.")
    return destinataire


def lien(request: HttpRequest, jeton: str) -> HttpResponse:
    destinataire = _destinataire(jeton)
    services.destinataire_ouvrir(destinataire=destinataire)
    return render(request, "prospection/lien.html", {"d": destinataire, "jeton": jeton})


def proposer(request: HttpRequest, jeton: str) -> HttpResponse:
    """The proposal form of public/, pre-filled; it posts to « Proposer un stage » itself."""
    destinataire = _destinataire(jeton)
    services.destinataire_ouvrir(destinataire=destinataire)
    prospect = destinataire.prospect
    initial = {
        "entreprise": prospect.nom,
        "ville": prospect.ville,
        "contact_nom": prospect.contact_nom,
        "contact_email": destinataire.email,
        "contact_telephone": prospect.contact_telephone,
        "message": f"En réponse à la campagne « {destinataire.campagne.titre} ».",
    }
    if prospect.organisme:
        organisme = prospect.organisme
        initial |= {
            "adresse": organisme.adresse,
            "code_postal": organisme.code_postal,
            "naf": organisme.naf,
        }
        site = organisme.etablissements.order_by("id").first()
        if site:
            initial["siret"] = site.siret
    form = PropositionForm(
        periodes=periodes_proposables(le=timezone.localdate()),
        missions=missions_proposables(),
        initial=initial,
    )
    return render(request, "public/proposer.html", {"form": form, "annuaire": annuaire.active()})


@require_http_methods(["GET", "POST"])
def decliner(request: HttpRequest, jeton: str) -> HttpResponse:
    destinataire = _destinataire(jeton)
    if request.method == "POST":
        services.destinataire_decliner(destinataire=destinataire)
        return redirect("prospection:lien", jeton=jeton)
    return render(request, "prospection/decliner.html", {"d": destinataire, "jeton": jeton})
