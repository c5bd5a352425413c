"""The life cycle of a convention as data: which action moves it from which status to which,
who may do it, and what it demands (a reason, a clean bill from the engine)."""

from __future__ import annotations

from dataclasses import dataclass

from conventions.models import Statut

S = Statut


@dataclass(frozen=True)
class Transition:
    action: str
    libelle: str
    depuis: tuple[Statut, ...]
    vers: Statut
    motif_requis: bool = False  # sending back, refusing, cancelling: say why
    verifier_droit: bool = False  # refused while the engine has a blocking finding
    acquitter: bool = False  # warnings must be acknowledged by a named user first
    administrateur: bool = False  # the whole section's decision (chef de travaux)


TRANSITIONS: dict[str, Transition] = {
    t.action: t
    for t in (
        Transition(
            "soumettre", "Soumettre à validation", (S.BROUILLON,), S.A_VALIDER, verifier_droit=False
        ),
        Transition(
            "renvoyer",
            "Renvoyer en brouillon",
            (S.A_VALIDER, S.VALIDEE),
            S.BROUILLON,
            motif_requis=True,
        ),
        Transition(
            "valider",
            "Valider",
            (S.A_VALIDER,),
            S.VALIDEE,
            verifier_droit=True,
            acquitter=True,
            administrateur=True,
        ),
        Transition(
            "refuser", "Refuser", (S.A_VALIDER,), S.ANNULEE, motif_requis=True, administrateur=True
        ),
        Transition(
            "envoyer_signature",
            "Envoyer en signature",
            (S.VALIDEE,),
            S.EN_SIGNATURE,
            verifier_droit=True,
            acquitter=True,
        ),
        Transition(
            "enregistrer_signatures",
            "Enregistrer les signatures",
            (S.EN_SIGNATURE,),
            S.SIGNEE,
            verifier_droit=True,
        ),
        Transition("demarrer", "Marquer en cours", (S.SIGNEE,), S.EN_COURS),
        Transition("terminer", "Marquer terminée", (S.EN_COURS,), S.TERMINEE),
        Transition("attester", "Enregistrer l'attestation", (S.TERMINEE, S.ROMPUE), S.ATTESTEE),
        Transition(
            "annuler",
            "Annuler",
            (S.BROUILLON, S.A_VALIDER, S.VALIDEE, S.EN_SIGNATURE, S.SIGNEE),
            S.ANNULEE,
            motif_requis=True,
        ),
        Transition("rompre", "Mettre fin au stage", (S.EN_COURS,), S.ROMPUE, motif_requis=True),
    )
}


# Signed by every party: the text is fixed, a change goes through an avenant (its PDF is
# never generated again).
SIGNEES: tuple[Statut, ...] = (S.SIGNEE, S.EN_COURS, S.TERMINEE, S.ROMPUE, S.ATTESTEE)


def actions_possibles(statut: str) -> list[Transition]:
    return [t for t in TRANSITIONS.values() if statut in t.depuis]


@dataclass(frozen=True)
class Attente:
    """Who the convention waits for in its current status, and for what."""

    qui: str  # a key of ACTEURS
    quoi: str


ACTEURS = {
    "section": "La section",
    "signataires": "Les signataires",
    "organisme": "L'organisme d'accueil",
}

ATTENTES: dict[str, Attente] = {
    S.BROUILLON: Attente("section", "Le référent complète la convention et la soumet."),
    S.A_VALIDER: Attente("section", "Un administrateur la valide ou la renvoie."),
    S.VALIDEE: Attente("section", "Le secrétariat l'envoie en signature."),
    S.EN_SIGNATURE: Attente("signataires", "Étudiant, organisme et établissement la signent."),
    S.SIGNEE: Attente("organisme", "Le stage commence à la date prévue."),
    S.EN_COURS: Attente("organisme", "L'organisme tient le relevé de présence."),
    S.TERMINEE: Attente("organisme", "L'organisme délivre l'attestation de stage."),
    S.ROMPUE: Attente("organisme", "L'organisme délivre l'attestation de stage."),
}


def statuts_en_attente_de(qui: str) -> list[str]:
    return [statut for statut, attente in ATTENTES.items() if attente.qui == qui]
