"""The staff's side of the spaces: send a host's tutor or signatory their link (from the
host's page), ask a host to confirm a convention's data (from the convention's page), and
send the head of school the link to their pile of documents to sign.

Staff never see a link: it goes by e-mail to the address on record only (whoever could read
it could sign for its holder)."""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from comptes.acces import personnel_requis, role_requis
from comptes.models import Role, Utilisateur
from conventions.acces import exiger_modification
from conventions.models import Convention
from espaces import selectors, services
from etablissement.selectors import etablissement_principal
from organismes.models import ContactOrganisme, OrganismeAccueil, RoleContact


def _titulaire(organisme: OrganismeAccueil, cle: str) -> services.Titulaire:
    """The tutor or signatory contact named by the button, of this host only."""
    genre, _, pk = cle.partition("-")
    if not pk.isascii() or not pk.isdigit() or len(pk) > 9:
        raise Http404("Destinataire inconnu.")
    if genre == "tuteur":
        return services.titulaire_tuteur(get_object_or_404(organisme.tuteurs, pk=int(pk)))
    if genre == "contact":
        contact = get_object_or_404(
            ContactOrganisme, organisme=organisme, role=RoleContact.SIGNATAIRE, pk=int(pk)
        )
        return services.titulaire_contact(contact)
    raise Http404("Destinataire inconnu.")


@require_POST
@personnel_requis
def envoyer_organisme(request: HttpRequest, pk: int) -> HttpResponse:
    organisme = get_object_or_404(OrganismeAccueil, pk=pk)
    titulaire = _titulaire(organisme, request.POST.get("destinataire", ""))
    try:
        services.lien_envoyer(
            titulaire=titulaire, le=timezone.now(), auteur=cast(Utilisateur, request.user)
        )
    except services.EnvoiRefuse as refus:
        messages.error(request, str(refus))
    else:
        messages.success(
            request,
            f"Le lien personnel de {titulaire.nom} lui est envoyé par e-mail, à l'adresse "
            "connue de la section ; le précédent ne fonctionne plus.",
        )
    return redirect(reverse("organismes:detail", args=[organisme.pk]) + "#espace-organisme")


@require_POST
@personnel_requis
def demander_confirmation(request: HttpRequest, pk: int) -> HttpResponse:
    convention = get_object_or_404(
        Convention.objects.select_related("etudiant", "tuteur", "etablissement_accueil"), pk=pk
    )
    exiger_modification(request.user, convention.etudiant)
    try:
        liens = services.confirmation_demander(
            convention=convention, le=timezone.now(), auteur=cast(Utilisateur, request.user)
        )
    except services.EnvoiRefuse as refus:
        messages.error(request, str(refus))
    else:
        noms = ", ".join(lien.lien.nom for lien in liens)
        messages.success(request, f"Demande de confirmation envoyée par e-mail à {noms}.")
    return redirect(reverse("conventions:detail", args=[convention.pk]) + "#confirmation-accueil")


@require_GET
@role_requis(Role.ADMINISTRATEUR)
def chef(request: HttpRequest) -> HttpResponse:
    """What awaits the head of school's signature, and the button that sends them their
    link."""
    ecole = etablissement_principal()
    email = ecole.email if ecole else ""
    return render(
        request,
        "espaces/chef.html",
        {
            "ecole": ecole,
            "a_signer": selectors.signatures_etablissement(email, le=timezone.now()),
            "dernier": selectors.dernier_lien_chef(),
        },
    )


@require_POST
@role_requis(Role.ADMINISTRATEUR)
def envoyer_chef(request: HttpRequest) -> HttpResponse:
    try:
        titulaire = services.titulaire_chef()
        services.lien_envoyer(
            titulaire=titulaire, le=timezone.now(), auteur=cast(Utilisateur, request.user)
        )
    except services.EnvoiRefuse as refus:
        messages.error(request, str(refus))
    else:
        messages.success(
            request,
            f"Le lien de {titulaire.nom} vers ses documents à signer lui est envoyé à "
            f"l'adresse de l'établissement ({titulaire.email}).",
        )
    return redirect("espaces:chef")
