"""« Mon stage »: the logged-in student's own page, read-only.

Their conventions as they stand (status, who acts next, periods, schedule, tutor, référent,
gratification), the findings of the law on each in plain French (what is missing included),
their days against the cohort's target per year, and their generated documents; the
button to ask for a convention (etablissement/views/demande.py), the requests they made
marked as theirs, and the first of the section's open offers. Only the student linked to the
account is shown: nothing here takes an id from the URL.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from comptes.acces import role_requis
from comptes.models import Role, Utilisateur
from conventions import presentation
from conventions.models import Convention, Statut
from conventions.moteur import evaluer_convention
from conventions.workflow import EN_VIGUEUR
from core.audit import Action
from documents.models import Document, RoleSignataire, Signature
from documents.signalements import ouverts
from documents.signatures import a_son_tour
from etablissement.models import Etudiant
from pilotage.suivi_etudiant import suivi_etudiant
from public.selectors import offres_acceptees
from regles.cadre import cadre_au
from regles.constats import Constat


@dataclass
class MaConvention:
    convention: Convention
    horaire: list[tuple[str, int]]  # the days worked only, Monday first
    constats: list[Constat]
    documents: list[Document]
    demandee: bool  # asked for by the student from « Demander une convention »
    a_signer: list[Signature]  # their own signatures awaited now, signed from here


def _constats(convention: Convention, en_vigueur: dict[int, list[Constat]]) -> list[Constat]:
    """The findings of a convention in force come from the follow-up's one evaluation; a
    draft or one waiting for validation is judged alone (what is missing shows there)."""
    if convention.statut in EN_VIGUEUR:
        return en_vigueur.get(convention.pk, [])
    if convention.statut == Statut.ANNULEE or not convention.periodes.all():
        return []
    return evaluer_convention(convention).constats


def etudiant_du_compte(request: HttpRequest) -> Etudiant | None:
    """The student record linked to the logged-in account, if any."""
    if not isinstance(request.user, Utilisateur):
        return None
    return (
        Etudiant.objects.select_related("promotion__formation", "referent")
        .filter(utilisateur=request.user)
        .first()
    )


# How many of the section's open offers the page lists (the offers page has them all).
OFFRES_MONTREES = 5


@role_requis(Role.ETUDIANT)
def mon_stage(request: HttpRequest) -> HttpResponse:
    eleve = etudiant_du_compte(request)
    offres = offres_acceptees()
    if eleve is None:
        return render(
            request,
            "etablissement/mon_stage.html",
            {"etudiant": None, "offres": offres[:OFFRES_MONTREES], "offres_total": len(offres)},
        )
    aujourdhui = timezone.localdate()
    suivi = suivi_etudiant(eleve, le=aujourdhui)
    en_vigueur = {g.convention.pk: g.constats for g in suivi.constats_conventions}
    documents: dict[int, list[Document]] = {}
    for document in Document.objects.filter(convention__etudiant=eleve).order_by(
        "type", "-version"
    ):
        documents.setdefault(document.convention_id, []).append(document)
    a_signer: dict[int, list[Signature]] = {}
    for signature in Signature.objects.filter(
        role=RoleSignataire.ETUDIANT,
        signe_le__isnull=True,
        invalidee_le__isnull=True,
        document__convention__etudiant=eleve,
        document__fichier_signe="",
    ).select_related("document"):
        # Their turn come, and no error reported that stops the circuit.
        if a_son_tour(signature) and not ouverts(signature.document):
            a_signer.setdefault(signature.document.convention_id, []).append(signature)
    demandees = set(
        Convention.objects.filter(
            etudiant=eleve, evenements__action=Action.DEMANDE_ETUDIANT
        ).values_list("pk", flat=True)
    )
    conventions = [
        MaConvention(
            ligne.convention,
            [
                (jour, minutes)
                for jour, minutes in presentation.horaire(ligne.convention)
                if minutes
            ],
            _constats(ligne.convention, en_vigueur),
            documents.get(ligne.convention.pk, []),
            ligne.convention.pk in demandees,
            a_signer.get(ligne.convention.pk, []),
        )
        for ligne in suivi.conventions
    ]
    return render(
        request,
        "etablissement/mon_stage.html",
        {
            "etudiant": eleve,
            "suivi": suivi,
            "conventions": conventions,
            "cadre": cadre_au(aujourdhui),
            "offres": offres[:OFFRES_MONTREES],
            "offres_total": len(offres),
        },
    )
