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
    # A draft the student asked for from « Mon stage » (conventions.demandes).
    DEMANDE_ETUDIANT = "demande_etudiant", "Demandée par l'étudiant"
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
    # « Signaler une erreur » on a document to sign: its circuit stops until the staff act.
    SIGNALEMENT = "signalement", "Erreur signalée par un signataire"
    SIGNALEMENT_TRAITE = "signalement_traite", "Erreur signalée traitée, le circuit reprend"
    # Its presence: the days recorded change the law's verdicts (308 h, gratification).
    PRESENCE = "presence", "Relevé de présence"
    # A week confirmed by the tutor in their space as planned, or corrected there.
    PRESENCE_CONFIRMEE = "presence_confirmee", "Semaine de présence confirmée par le tuteur"
    PRESENCE_CORRIGEE = "presence_corrigee", "Semaine de présence corrigée par le tuteur"
    # A host's counts, which the quotas read (R124-12): organismes.EvenementOrganisme.
    EFFECTIF = "effectif", "Effectif mensuel enregistré"
    AUTRES_STAGIAIRES = "autres_stagiaires", "Stagiaires d'autres écoles déclarés"
    # An offer of the companies' space: public.EvenementProposition.
    PROPOSITION_STATUT = "proposition_statut", "Statut de l'offre changé"
    PROPOSITION_MODIFICATION = "proposition_modification", "Modifiée"
    # The spaces without an account (espaces/): a personal link sent, a convention's data
    # put to its host, and the host's answer.
    LIEN_ESPACE = "lien_espace", "Lien personnel de l'espace envoyé"
    LIEN_ESPACE_DEMANDE = "lien_espace_demande", "Nouveau lien de l'espace demandé"
    ACCUEIL_DEMANDE = "accueil_demande", "Confirmation demandée à l'organisme d'accueil"
    ACCUEIL_CONFIRMATION = "accueil_confirmation", "Informations confirmées par l'organisme"
    ACCUEIL_CORRECTION = "accueil_correction", "Correction signalée par l'organisme"
    # The student's activity log (journal/): the tutor's countersignature, the référent's note.
    JOURNAL_CONTRESIGNE = "journal_contresigne", "Journal de stage contresigné par le tuteur"
    JOURNAL_COMMENTE = "journal_commente", "Journal de stage commenté par le référent"
    # The weekly request to the tutor to confirm the presence, and its reminder.
    PRESENCE_DEMANDE = "presence_demande", "Confirmation de la présence demandée au tuteur"
    PRESENCE_RAPPEL = "presence_rappel", "Rappel : présence à confirmer par le tuteur"
    # The exam fiches (examens/): examens.EvenementFiche.
    FICHE_CREATION = "fiche_creation", "Fiche d'examen créée"
    FICHE_ENVOI = "fiche_envoi", "Fiche d'examen envoyée en relecture"
    FICHE_RELECTURE = "fiche_relecture", "Fiche d'examen relue par le référent"
    FICHE_REOUVERTURE = "fiche_reouverture", "Fiche d'examen rouverte par le référent"


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
