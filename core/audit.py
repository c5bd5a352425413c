"""Every kind of event the audit trail records, with the French label a reader sees.

One list for the whole application: the conventions' timeline, the offers' history and the
hosts' history read their labels here and nowhere else. An action written without its line
here would be shown as its bare code: tests/core/test_audit.py checks that every transition
of a convention has one.
"""

from __future__ import annotations

from django.db import models


class Action(models.TextChoices):
    # A convention's life: written by conventions.services._journaliser.
    CREATION = "creation", "Création"
    MODIFICATION = "modification", "Modification"
    SOUMETTRE = "soumettre", "Soumise à validation"
    RENVOYER = "renvoyer", "Renvoyée en brouillon"
    VALIDER = "valider", "Validée"
    REFUSER = "refuser", "Refusée"
    DEMARRER = "demarrer", "Stage commencé"
    TERMINER = "terminer", "Stage terminé"
    ANNULER = "annuler", "Annulée"
    ROMPRE = "rompre", "Fin anticipée du stage"
    ACQUITTEMENT = "acquittement", "Avertissements pris en compte"
    # Its documents: the PDF sent for signature, the signatures, the avenant, the attestation.
    ENVOYER_SIGNATURE = "envoyer_signature", "Envoyée en signature"
    ENREGISTRER_SIGNATURES = "enregistrer_signatures", "Signatures enregistrées"
    AVENANT = "avenant", "Avenant"
    ATTESTER = "attester", "Attestation enregistrée"
    # Its presence: the days recorded change the law's verdicts (308 h, gratification).
    PRESENCE = "presence", "Relevé de présence"
    # A host's counts, which the quotas read (R124-12): organismes.EvenementOrganisme.
    EFFECTIF = "effectif", "Effectif mensuel enregistré"
    AUTRES_STAGIAIRES = "autres_stagiaires", "Stagiaires d'autres écoles déclarés"
    # An offer of the companies' space: public.EvenementProposition.
    PROPOSITION_STATUT = "proposition_statut", "Statut de l'offre changé"
    PROPOSITION_MODIFICATION = "proposition_modification", "Modifiée"


def libelle(action: str) -> str:
    """The French label of an action; an unknown one (never written by the services) is
    shown as words (no underscore) rather than breaking a page."""
    try:
        return Action(action).label
    except ValueError:
        return action.replace("_", " ")


def choix() -> list[tuple[str, str]]:
    """The choices of an event's action field: a callable, so that a new action needs no
    migration of every trail (Django stores the reference, not the list)."""
    return Action.choices
