"""The life cycle of a convention as data: which action moves it from which status to which,
who may do it, and what it demands (a reason, a clean bill from the engine); which status
allows what besides (an edit, an avenant, the presence log, a reminder); and the guards that
say, in French, why an action cannot happen. Services raise what a guard says; views ask the
same guards what to show."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

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


# -- What each status allows -----------------------------------------------------------------

# Still in preparation: edited directly. Once validated it is sent back to draft first, and
# once signed it changes through an avenant.
MODIFICATION_POSSIBLE: tuple[Statut, ...] = (S.BROUILLON, S.A_VALIDER)
# Signed and not over: an avenant changes it (and its own circuit is signed then).
AVENANT_POSSIBLE: tuple[Statut, ...] = (S.SIGNEE, S.EN_COURS)
# A convention's signature circuit opens once it is validated (opening sends it to
# signature), or « en signature » when the paper path was chosen first.
CIRCUIT_POSSIBLE: tuple[Statut, ...] = (S.VALIDEE, S.EN_SIGNATURE)
# The presence log is kept while the stage happens and until its attestation.
POINTAGE_POSSIBLE: tuple[Statut, ...] = (S.SIGNEE, S.EN_COURS, S.TERMINEE, S.ROMPUE)
# The référent's follow-up (suivi/): promised contacts are owed, visits planned, while the
# stage is signed and not over; the log itself stays open to note a late contact.
SUIVI_ATTENDU: tuple[Statut, ...] = (S.SIGNEE, S.EN_COURS)
# A stage that took place (or is taking place) and whose attestation is not recorded yet.
A_ATTESTER: tuple[Statut, ...] = (S.SIGNEE, S.EN_COURS, S.TERMINEE, S.ROMPUE)
# On its way to signature: whoever has not signed the convention is reminded.
SIGNATURE_ATTENDUE: tuple[Statut, ...] = (S.VALIDEE, S.EN_SIGNATURE)
# Signed by every party: the text is fixed, a change goes through an avenant (its PDF is
# never generated again).
SIGNEES: tuple[Statut, ...] = (S.SIGNEE, S.EN_COURS, S.TERMINEE, S.ROMPUE, S.ATTESTEE)
# The student's activity log (journal/): a stage signed for, under way or over.
JOURNAL_POSSIBLE: tuple[Statut, ...] = SIGNEES
# Not a convention yet (a draft, one awaiting validation): judged on its own against the ones
# in force, counted in no total; with the validated ones waiting for signature, the ones whose
# blocking findings still stop them.
EN_PREPARATION: tuple[Statut, ...] = (S.BROUILLON, S.A_VALIDER)
# Counted in the quotas, caps and totals of other conventions: every one that was validated
# and not cancelled (a draft is not a convention yet).
EN_VIGUEUR: tuple[Statut, ...] = (
    S.VALIDEE,
    S.EN_SIGNATURE,
    S.SIGNEE,
    S.EN_COURS,
    S.TERMINEE,
    S.ATTESTEE,
    S.ROMPUE,
)


def actions_possibles(statut: str) -> list[Transition]:
    return [t for t in TRANSITIONS.values() if statut in t.depuis]


# -- Guards: None when the action may happen, else why not ---------------------------------


def _libelle(statut: str) -> str:
    return str(Statut(statut).label).lower()


def garde_transition(transition: Transition, statut: str) -> str | None:
    if statut in transition.depuis:
        return None
    return f"Impossible de « {transition.libelle.lower()} » une convention « {_libelle(statut)} »."


def garde_motif(transition: Transition, motif: str) -> str | None:
    if transition.motif_requis and not motif.strip():
        return f"Indiquez le motif pour « {transition.libelle.lower()} »."
    return None


def garde_droit(transition: Transition, bloquants: int) -> str | None:
    """Whether the engine's verdict lets the action through: one that checks the law
    (`verifier_droit`) is refused while `bloquants` (the number of blocking findings) is not
    zero; the page then offers the fix, not this button."""
    if not transition.verifier_droit or not bloquants:
        return None
    constats = "constat bloquant" if bloquants == 1 else "constats bloquants"
    return (
        f"« {transition.libelle} » sera refusé tant que le moteur relève {bloquants} "
        f"{constats} : corrigez d'abord la convention."
    )


RUPTURE_INCOMPLETE = "Indiquez le dernier jour du stage et qui a pris l'initiative d'y mettre fin."


def garde_rupture(dernier_jour: date | None, initiative: str) -> str | None:
    """Ending a stage early records its last day and who took the initiative (which decides
    the waiting period before the host's next intern)."""
    if dernier_jour and initiative:
        return None
    return RUPTURE_INCOMPLETE


def garde_date_signature(date_signature: date | None, le: date) -> str | None:
    """The day the last party signed is not in the future (`le` is today)."""
    if date_signature is not None and date_signature > le:
        return "La date de signature ne peut pas être postérieure à aujourd'hui."
    return None


def garde_modification(statut: str) -> str | None:
    if statut in MODIFICATION_POSSIBLE:
        return None
    return (
        "Une convention validée ne se modifie plus directement : renvoyez-la en brouillon "
        "ou, si elle est signée, faites un avenant."
    )


def garde_avenant(statut: str) -> str | None:
    if statut in AVENANT_POSSIBLE:
        return None
    return "Un avenant modifie une convention signée ou en cours."


def garde_circuit(statut: str, *, avenant: bool = False) -> str | None:
    """Whether a signature circuit may open: a convention's from « validée » (opening sends
    it to signature) or « en signature » without one (the paper path was chosen first); an
    avenant's on a convention signed or running."""
    if avenant:
        if statut in AVENANT_POSSIBLE:
            return None
        return (
            "Un avenant se signe sur une convention signée ou en cours ; celle-ci est "
            f"« {_libelle(statut)} »."
        )
    if statut in CIRCUIT_POSSIBLE:
        return None
    return (
        "Le circuit de signature s'ouvre sur une convention validée ; celle-ci est "
        f"« {_libelle(statut)} »."
    )


def garde_pointage(statut: str) -> str | None:
    if statut in POINTAGE_POSSIBLE:
        return None
    return (
        "Le relevé de présence se tient pendant le stage : la convention est "
        f"« {_libelle(statut)} »."
    )


def garde_jour_releve(jour: date, le: date) -> str | None:
    """A day of presence is recorded once it has come (`le` is today): a day to come is
    planned, not done."""
    if jour <= le:
        return None
    return (
        f"Le {jour:%d/%m/%Y} est à venir : sa présence se relève ce jour-là ou après, "
        "pas à l'avance."
    )


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
