"""One convention: every field, the engine's findings and figures, the audit trail, the
avenants, and the actions its status allows this user."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from comptes.acces import personnel_requis
from comptes.models import Utilisateur
from conventions import presentation
from conventions.acces import peut_modifier
from conventions.forms import RuptureForm
from conventions.models import Convention
from conventions.moteur import evaluer_convention
from conventions.selectors import convention_detaillee
from conventions.workflow import (
    Transition,
    actions_possibles,
    garde_avenant,
    garde_droit,
    garde_modification,
)
from documents.acces import peut_generer
from documents.models import Document, TypeDocument
from documents.selectors import circuits_des_avenants, signalements_ouverts
from organismes.effectif import EffectifRetenu, effectif_retenu
from regles.cadre import cadre_ou_aucun
from regles.constats import Constat
from regles.parametres import ParametreNonEnVigueur


def convention_ou_404(pk: int) -> Convention:
    return get_object_or_404(convention_detaillee(pk))


def _actions(request: HttpRequest, convention: Convention, ecrit: bool) -> list[Transition]:
    if not ecrit:
        return []
    admin = isinstance(request.user, Utilisateur) and request.user.est_administrateur
    return [t for t in actions_possibles(convention.statut) if admin or not t.administrateur]


@dataclass(frozen=True)
class Bouton:
    """A button of the page's actions: the transition, the reason it cannot succeed (the
    workflow's `garde_droit`: shown disabled, with it) and whether it is the primary one."""

    transition: Transition
    refus: str | None
    principal: bool


# Actions that move a convention towards signature: not the primary button while the engine
# has a blocking finding (the fix is).
_EN_AVANT = frozenset({"soumettre", "valider", "envoyer_signature", "enregistrer_signatures"})


def boutons(actions: Sequence[Transition], bloquants: int) -> list[Bouton]:
    return [
        Bouton(
            t,
            garde_droit(t, bloquants),
            principal=t.action != "annuler" and not (bloquants and t.action in _EN_AVANT),
        )
        for t in actions
        if not t.motif_requis
    ]


def _effectif(convention: Convention, debut: date | None) -> EffectifRetenu | None:
    """The host's R124-12 headcount for this stage, shown as everywhere (the quota's base);
    none before the first day the law Stages knows covers (the findings say so)."""
    if debut is None:
        return None
    try:
        return effectif_retenu(convention.etablissement_accueil.organisme, pour_le=debut)
    except ParametreNonEnVigueur:
        return None


def _pieces(convention: Convention) -> dict[str, Any]:
    """What the « Pièces et liens » block links to: the convention's latest PDF (its
    signature circuit's page), its avenants' PDFs (or the button that generates one)."""
    document = (
        Document.objects.filter(convention=convention, type=TypeDocument.CONVENTION)
        .order_by("-version")
        .first()
    )
    return {"document_convention": document}


def page_detail(
    request: HttpRequest,
    convention: Convention,
    *,
    refus: str = "",
    constats_refus: Sequence[Constat] = (),
    action: str = "",
    motif: str = "",
    rupture: RuptureForm | None = None,
) -> HttpResponse:
    """The page, also re-rendered by an action that was refused: `refus` says why,
    `constats_refus` are the findings behind it, and what was typed (`action`, `motif`,
    `rupture`) is shown again, nothing lost."""
    verdict = evaluer_convention(convention)
    circuits = circuits_des_avenants(convention)
    acquittements = {a.code: a for a in convention.acquittements.all()}
    ecrit = peut_modifier(request.user, convention.etudiant)
    actions = _actions(request, convention, ecrit)
    modifiable = ecrit and garde_modification(convention.statut) is None
    premier = verdict.bloquants[0] if verdict.bloquants else None
    contexte: dict[str, Any] = {
        "convention": convention,
        "verdict": verdict,
        "constats": presentation.par_gravite(verdict.constats),
        "echeancier": verdict.resultat.echeancier,
        "attestation": verdict.resultat.attestation,
        "cadre": cadre_ou_aucun(verdict.resultat.convention.debut),
        "acquittements": acquittements,
        "a_acquitter": [k for k in verdict.avertissements if k.code not in acquittements],
        "peut_modifier": ecrit,
        "peut_generer": peut_generer(request.user, convention),
        "modifiable": modifiable,
        # A blocked convention's primary action is its fix, at the first finding's field.
        "correction": premier is not None and modifiable,
        "ancre_correction": presentation.ancre_correction(premier) if premier else "",
        "boutons": boutons(actions, len(verdict.bloquants)),
        **_pieces(convention),
        "avenant_possible": ecrit and garde_avenant(convention.statut) is None,
        "reserve_admin": ecrit and len(actions) < len(actions_possibles(convention.statut)),
        "actions": actions,
        "action": action,
        "motif": motif,
        "rupture": rupture or RuptureForm(),
        "refus": refus,
        "signalements": signalements_ouverts(convention),
        "effectif": _effectif(convention, verdict.resultat.convention.debut),
        "constats_refus": presentation.par_gravite(constats_refus),
        "horaire": presentation.horaire(convention),
        "clauses": presentation.clauses(convention),
        "avenants": [
            (a, presentation.changements(a), circuits.get(a.numero))
            for a in convention.avenants.all()
        ],
        "evenements": [
            (e, presentation.libelle_action(e.action)) for e in convention.evenements.all()
        ],
    }
    return render(request, "conventions/detail.html", contexte)


@personnel_requis
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    return page_detail(request, convention_ou_404(pk))
