"""The readiness of the exam dossiers, for the section's staff: the sessions of the cohorts,
a cohort's candidates sorted by urgency (filters: non conformes, à compléter, presque prêts,
prêts) and one candidate's findings. Teachers and administrators see every cohort of the
section; a student sees only their own readiness (the block of « Mon stage »)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from comptes.acces import personnel_requis
from etablissement.models import Etudiant, Promotion
from examens import preparation
from examens.models import SessionExamen
from examens.views.session import DepotForm
from regles.parametres import ParametreNonEnVigueur

FILTRES = (
    ("", "Tous"),
    ("non_conforme", "Non conformes"),
    ("incomplet", "À compléter"),
    ("presque", "Presque prêts"),
    ("pret", "Prêts"),
)


@personnel_requis
def sessions(request: HttpRequest) -> HttpResponse:
    promotions = Promotion.objects.select_related("examen").order_by("-annee_debut", "libelle")
    return render(request, "examens/preparation_sessions.html", {"promotions": promotions})


@personnel_requis
def cohorte(request: HttpRequest, promotion: int) -> HttpResponse:
    promo = get_object_or_404(Promotion, pk=promotion)
    session = SessionExamen.objects.filter(promotion=promo).select_related("promotion").first()
    filtre = request.GET.get("etat", "")
    if filtre not in dict(FILTRES):
        filtre = ""
    trop_ancienne = False
    try:
        lignes = (
            preparation.preparations_session(session, le=timezone.localdate()) if session else []
        )
    except ParametreNonEnVigueur:  # a deadline before the rule's parameters (01/09/2018)
        lignes, trop_ancienne = [], True
    comptes = {cle: 0 for cle, _ in FILTRES}
    for ligne in lignes:
        comptes[ligne.preparation.categorie] += 1
    comptes[""] = len(lignes)
    montrees = [ligne for ligne in lignes if not filtre or ligne.preparation.categorie == filtre]
    return render(
        request,
        "examens/preparation_cohorte.html",
        {
            "promotion": promo,
            "session": session,
            "trop_ancienne": trop_ancienne,
            "lignes": montrees,
            "filtre": filtre,
            "filtres": [(cle, libelle, comptes[cle]) for cle, libelle in FILTRES],
            "jours_restants": (session.date_limite_depot - timezone.localdate()).days
            if session
            else None,
        },
    )


@personnel_requis
def etudiant(request: HttpRequest, pk: int) -> HttpResponse:
    eleve = get_object_or_404(Etudiant.objects.select_related("promotion", "referent"), pk=pk)
    session = preparation.session_de(eleve)
    resultat = preparation.preparation_etudiant(eleve, le=timezone.localdate())
    depot = eleve.depots_dossier.filter(session=session).first() if session else None
    return render(
        request,
        "examens/preparation_etudiant.html",
        {
            "etudiant": eleve,
            "session": session,
            "preparation": resultat,
            "depot": depot,
            "formulaire_depot": DepotForm(
                initial={"depose_le": depot.depose_le if depot else timezone.localdate()}
            ),
        },
    )
