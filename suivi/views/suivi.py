"""The référent's screens of a convention's follow-up: note or remove a contact, propose a
visit's slots (the tutor receives their space's link), cancel it, write its report on a
phone, enter its kilometres. Every member of staff reads; the référent and the
administrators write (suivi.acces)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from comptes.acces import personnel_requis
from comptes.models import Utilisateur
from conventions.models import Convention
from espaces import services as espaces_services
from suivi import services
from suivi.acces import exiger_suivi
from suivi.forms import CompteRenduForm, ContactForm, CreneauxForm, KilometresForm
from suivi.models import Contact, EtatVisite, Visite


def _utilisateur(request: HttpRequest) -> Utilisateur | None:
    return request.user if isinstance(request.user, Utilisateur) else None


def _convention(pk: int) -> Convention:
    return get_object_or_404(
        Convention.objects.select_related(
            "etudiant__referent", "referent", "tuteur", "etablissement_accueil__organisme"
        ),
        pk=pk,
    )


def _vers_suivi(convention_pk: int) -> HttpResponse:
    return redirect(reverse("conventions:detail", args=[convention_pk]) + "#suivi")


@require_POST
@personnel_requis
def contact_ajouter(request: HttpRequest, pk: int) -> HttpResponse:
    convention = _convention(pk)
    exiger_suivi(request.user, convention)
    form = ContactForm(request.POST)
    if form.is_valid():
        try:
            services.contact_ajouter(
                convention=convention,
                auteur=_utilisateur(request),
                maintenant=timezone.now(),
                aujourdhui=timezone.localdate(),
                **form.cleaned_data,
            )
        except services.Refus as refus:
            messages.error(request, str(refus))
        else:
            messages.success(request, "Le contact est noté dans le suivi.")
    else:
        erreurs = " ".join(
            f"{form.fields[champ].label if champ in form.fields else ''} : {' '.join(str(m) for m in e)}"
            for champ, e in form.errors.items()
        )
        messages.error(request, f"Le contact n'est pas noté. {erreurs}")
    return _vers_suivi(convention.pk)


@require_POST
@personnel_requis
def contact_supprimer(request: HttpRequest, pk: int) -> HttpResponse:
    contact = get_object_or_404(Contact.objects.select_related("convention"), pk=pk)
    convention = _convention(contact.convention_id)
    exiger_suivi(request.user, convention)
    try:
        services.contact_supprimer(contact)
    except services.Refus as refus:
        messages.error(request, str(refus))
    else:
        messages.success(request, "Le contact est retiré du suivi.")
    return _vers_suivi(convention.pk)


@require_http_methods(["GET", "POST"])
@personnel_requis
def visite_proposer(request: HttpRequest, pk: int) -> HttpResponse:
    """1 to 5 slots; once saved, the tutor receives their space's link by e-mail, where they
    pick one."""
    convention = _convention(pk)
    exiger_suivi(request.user, convention)
    lieu = services.lieu_par_defaut(convention)
    form = CreneauxForm(request.POST or None, lieu=lieu)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            maintenant = timezone.now()
            try:
                visite = services.visite_proposer(
                    convention=convention,
                    creneaux=form.creneaux(),
                    maintenant=maintenant,
                    aujourdhui=timezone.localdate(),
                )
                assert convention.tuteur is not None
                n = visite.creneaux.count()
                espaces_services.lien_envoyer(
                    titulaire=espaces_services.titulaire_tuteur(convention.tuteur),
                    le=maintenant,
                    auteur=_utilisateur(request),
                    objet="choisissez la date de la visite de stage",
                    message=(
                        f"{visite.referent}, enseignant référent de {convention.etudiant}, "
                        f"vous propose {n} créneau{'x' if n > 1 else ''} pour sa visite de stage. "
                        "Choisissez celui qui vous convient dans votre espace, section « Visite "
                        "du référent » : vous recevrez tous les deux une confirmation.",
                    ),
                )
            except (services.Refus, espaces_services.EnvoiRefuse) as refus:
                form.add_error(None, str(refus))
            else:
                messages.success(
                    request,
                    f"Les créneaux sont proposés : {convention.tuteur} reçoit par e-mail le lien "
                    "de son espace pour en choisir un.",
                )
                return _vers_suivi(convention.pk)
    return render(
        request,
        "suivi/proposer.html",
        {"convention": convention, "form": form, "lieu": lieu},
        status=status,
    )


def _visite(pk: int) -> Visite:
    return get_object_or_404(
        Visite.objects.select_related(
            "creneau",
            "referent",
            "convention__etudiant__referent",
            "convention__referent",
            "convention__tuteur",
            "convention__etablissement_accueil__organisme",
        ),
        pk=pk,
    )


@require_POST
@personnel_requis
def visite_annuler(request: HttpRequest, pk: int) -> HttpResponse:
    visite = _visite(pk)
    exiger_suivi(request.user, visite.convention)
    try:
        services.visite_annuler(visite=visite, maintenant=timezone.now())
    except services.Refus as refus:
        messages.error(request, str(refus))
    else:
        messages.success(request, "La visite est annulée ; vous pouvez proposer d'autres créneaux.")
    return _vers_suivi(visite.convention_id)


@require_http_methods(["GET", "POST"])
@personnel_requis
def compte_rendu(request: HttpRequest, pk: int) -> HttpResponse:
    """The report, one column, written on a phone during or after the visit."""
    visite = _visite(pk)
    exiger_suivi(request.user, visite.convention)
    if visite.etat not in (EtatVisite.PLANIFIEE, EtatVisite.FAITE):
        messages.error(
            request, "Le compte rendu s'écrit pour une visite dont le créneau est choisi."
        )
        return _vers_suivi(visite.convention_id)
    initial = {
        "personnes_rencontrees": visite.personnes_rencontrees
        or (str(visite.convention.tuteur) if visite.convention.tuteur else ""),
        "avis_accueil": visite.avis_accueil,
        "commentaire_accueil": visite.commentaire_accueil,
        "avis_referent": visite.avis_referent,
        "accueil_possible": visite.accueil_possible,
        "kilometres": visite.kilometres,
    }
    form = CompteRenduForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.compte_rendu_enregistrer(
                    visite=visite,
                    compte_rendu=services.CompteRendu(**form.cleaned_data),
                    auteur=_utilisateur(request),
                    maintenant=timezone.now(),
                    aujourdhui=timezone.localdate(),
                )
            except services.Refus as refus:
                form.add_error(None, str(refus))
            else:
                messages.success(request, "Le compte rendu est enregistré ; la visite est faite.")
                return _vers_suivi(visite.convention_id)
    return render(
        request, "suivi/compte_rendu.html", {"visite": visite, "form": form}, status=status
    )


@require_POST
@personnel_requis
def kilometres(request: HttpRequest, pk: int) -> HttpResponse:
    visite = _visite(pk)
    exiger_suivi(request.user, visite.convention)
    form = KilometresForm(request.POST)
    retour = request.POST.get("retour", "")
    if form.is_valid():
        try:
            services.kilometres_enregistrer(
                visite=visite, kilometres=form.cleaned_data["kilometres"]
            )
        except services.Refus as refus:
            messages.error(request, str(refus))
        else:
            messages.success(request, "Les kilomètres sont enregistrés.")
    else:
        messages.error(
            request,
            f"Les kilomètres sont un nombre de 0 à {services.KM_MAX}, une décimale au plus.",
        )
    if retour == "itineraire" and visite.creneau is not None:
        return redirect(f"{reverse('suivi:itineraire')}?jour={visite.creneau.jour:%Y-%m-%d}")
    return _vers_suivi(visite.convention_id)
