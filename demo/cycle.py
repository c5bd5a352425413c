"""Moving a demo convention along its life cycle with the real transition function, the way
the section does: the référent submits, the administrator validates and collects the
signatures (acknowledging the engine's warnings first, as a named person), the référent
marks the stage started, over and attested. Presence is logged day by day from the schedule,
with the absences the scenario asks for."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError

from comptes.models import Utilisateur
from conventions.models import Convention, Statut
from conventions.moteur import vers_regles
from conventions.selectors import DETAILS
from conventions.services import (
    JourSaisi,
    TransitionRefusee,
    convention_acquitter,
    convention_transition,
    pointages_enregistrer,
)
from conventions.workflow import TRANSITIONS
from demo.equipe import Equipe
from organismes.selectors import organisme_pour_regles
from regles.calendrier import calendrier
from regles.constats import Severite
from regles.modele import TypeAbsence
from regles.parametres import parametres
from regles.presence import jours_prevus

# The usual path, and the status each step reaches.
PARCOURS = (
    ("soumettre", Statut.A_VALIDER),
    ("valider", Statut.VALIDEE),
    ("envoyer_signature", Statut.EN_SIGNATURE),
    ("enregistrer_signatures", Statut.SIGNEE),
    ("demarrer", Statut.EN_COURS),
    ("terminer", Statut.TERMINEE),
    ("attester", Statut.ATTESTEE),
)
_RANG = {statut: rang for rang, (_, statut) in enumerate(PARCOURS, 1)} | {Statut.BROUILLON: 0}
# The secretariat of the section (the administrator) sends for and records signatures.
_ADMINISTRATION = {"valider", "refuser", "envoyer_signature", "enregistrer_signatures"}


def _auteur(action: str, convention: Convention, equipe: Equipe) -> Utilisateur:
    if action in _ADMINISTRATION or TRANSITIONS[action].administrateur:
        return equipe.administratrice
    return equipe.compte(convention.referent_id)


def transition(
    convention: Convention,
    action: str,
    equipe: Equipe,
    motif: str = "",
    avertissements: Sequence[str] = (),
) -> Convention:
    """One transition. Warnings are acknowledged by the administrator: `avertissements`, the
    ones the scenario expects, before trying (one evaluation of the law saved); any other
    the engine raises, after a first refusal. A blocking finding is a fault of the
    scenario: it propagates."""
    auteur = _auteur(action, convention, equipe)
    if avertissements:
        # Not raised after all: the refusal below then names what is.
        with contextlib.suppress(ValidationError):
            convention_acquitter(
                convention=convention, codes=avertissements, auteur=equipe.administratrice
            )
    try:
        return convention_transition(
            convention=convention, action=action, auteur=auteur, motif=motif
        )
    except TransitionRefusee as refus:
        if not refus.constats or any(
            k.severite is not Severite.AVERTISSEMENT for k in refus.constats
        ):
            raise
        convention_acquitter(
            convention=convention,
            codes=[k.code for k in refus.constats],
            auteur=equipe.administratrice,
        )
        return convention_transition(
            convention=convention, action=action, auteur=auteur, motif=motif
        )


def avancer(
    convention: Convention,
    jusqu_a: Statut,
    equipe: Equipe,
    avertissements: Sequence[str] = (),
) -> Convention:
    """Take `convention` along the usual path up to the status `jusqu_a`; the expected
    `avertissements` are acknowledged at validation."""
    for action, statut in PARCOURS[_RANG[Statut(convention.statut)] : _RANG[jusqu_a]]:
        attendus = avertissements if action == "valider" else ()
        convention = transition(convention, action, equipe, avertissements=attendus)
        assert convention.statut == statut
    return convention


@dataclass(frozen=True)
class Absence:
    type: TypeAbsence
    minutes: int = 420  # the whole day by default
    presence: int = 0  # minutes present that day besides the absence


def releve_tenir(
    convention: Convention,
    *,
    jusqu_au: date,
    auteur: Utilisateur,
    absences: Mapping[date, Absence] | None = None,
) -> int:
    """Log every planned day of `convention` up to `jusqu_au`: present as planned, unless the
    day is one of `absences`. Returns the number of days logged."""
    absences = absences or {}
    c = (
        Convention.objects.select_related(*DETAILS)
        .prefetch_related("periodes", "exceptions", "pointages")
        .get(pk=convention.pk)
    )
    # The engine's own schedule (public holidays and the host's closures out): one truth.
    modele = vers_regles(c)
    prevus = jours_prevus(
        modele,
        calendrier=calendrier(parametres().texte("reglages.zone_scolaire", modele.debut)),
        fermetures=organisme_pour_regles(c.etablissement_accueil.organisme).fermetures,
    )
    jours = sorted(jour for jour in prevus if jour <= jusqu_au)
    saisis = []
    for jour in jours:
        absence = absences.get(jour)
        saisis.append(
            JourSaisi(
                jour,
                minutes_presence=absence.presence if absence else prevus[jour],
                absence=absence.type.value if absence else "",
                minutes_absence=absence.minutes if absence else 0,
            )
        )
    pointages_enregistrer(convention=convention, jours=saisis, auteur=auteur)
    return len(jours)
