"""The staff's queue of company proposals, and the accepted offers shown to the students."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from comptes.acces import personnel_requis, role_requis
from comptes.models import Role, Utilisateur
from core.forms import reporter_erreurs
from organismes.models import EtablissementAccueil
from public import selectors, services
from public.forms_proposition import DecisionForm
from public.models import PropositionStage, StatutProposition


@personnel_requis
def propositions(request: HttpRequest) -> HttpResponse:
    return render(
        request, "public/propositions.html", {"propositions": selectors.propositions_recues()}
    )


def _page(request: HttpRequest, pk: int, form: DecisionForm, status: int = 200) -> HttpResponse:
    try:
        proposition = selectors.proposition_et_suivi(pk=pk)
    except PropositionStage.DoesNotExist as absente:
        raise Http404("Cette proposition n'existe pas.") from absente
    utilisateur = request.user
    decide = isinstance(utilisateur, Utilisateur) and utilisateur.est_administrateur
    hote = selectors.organisme_connu(proposition)
    return render(
        request,
        "public/proposition.html",
        {
            "proposition": proposition,
            "form": form,
            "decide": decide and proposition.statut == StatutProposition.RECUE,
            "site": hote if isinstance(hote, EtablissementAccueil) else None,
            "organisme": hote.organisme if isinstance(hote, EtablissementAccueil) else hote,
            "a_creer": proposition.siret
            and proposition.statut == StatutProposition.ACCEPTEE
            and not isinstance(hote, EtablissementAccueil),
            "breadcrumb_data": {
                "links": [
                    {"url": reverse("public:propositions"), "title": "Propositions de stage"}
                ],
                "current": proposition.entreprise,
            },
        },
        status=status,
    )


@personnel_requis
def proposition(request: HttpRequest, pk: int) -> HttpResponse:
    return _page(request, pk, DecisionForm())


@require_POST
@role_requis(Role.ADMINISTRATEUR)
def proposition_decider(request: HttpRequest, pk: int) -> HttpResponse:
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            cible = PropositionStage.objects.get(pk=pk)
        except PropositionStage.DoesNotExist as absente:
            raise Http404("Cette proposition n'existe pas.") from absente
        assert isinstance(request.user, Utilisateur)
        try:
            decidee = services.proposition_changer_statut(
                proposition=cible,
                vers=StatutProposition(form.cleaned_data["decision"]),
                par=request.user,
                motif=form.cleaned_data["motif"],
            )
        except ValidationError as erreur:
            reporter_erreurs(form, erreur)
        else:
            messages.success(
                request,
                f"La proposition de {decidee.entreprise} est {decidee.get_statut_display()}.",
            )
            return redirect("public:propositions")
    return _page(request, pk, form)


@require_POST
@personnel_requis
def proposition_organisme(request: HttpRequest, pk: int) -> HttpResponse:
    """Create (or find) the host of an accepted offer, then open it: any staff member keeps
    the hosts' address book, as on organismes' own pages."""
    try:
        proposition = PropositionStage.objects.get(pk=pk)
    except PropositionStage.DoesNotExist as absente:
        raise Http404("Cette proposition n'existe pas.") from absente
    try:
        site = services.proposition_vers_organisme(proposition=proposition)
    except ValidationError as erreur:
        messages.error(request, " ".join(erreur.messages))
        return redirect("public:proposition", pk=pk)
    messages.success(request, f"L'organisme d'accueil {site.organisme.raison_sociale} est prêt.")
    return redirect("organismes:detail", pk=site.organisme_id)


@role_requis(Role.ETUDIANT, Role.ADMINISTRATEUR, Role.ENSEIGNANT)
def offres(request: HttpRequest) -> HttpResponse:
    return render(request, "public/offres.html", {"offres": selectors.offres_acceptees()})
