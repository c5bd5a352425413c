"""Writes of the exam session's screens: the session of a cohort (its year and the deposit
deadline the académie publishes) and the deposit of a candidate's dossier. Each checks its
bounds and answers in French (ValidationError), never a 500."""

from __future__ import annotations

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction

from comptes.models import Utilisateur
from etablissement.models import Etudiant, Promotion
from examens.models import DepotDossier, SessionExamen

# The readiness rule's parameters start on 01/09/2018: a session's deadline falls in its
# year or the one before, so the first session judged is 2020.
ANNEE_MIN = 2020
ANNEE_MAX = 2100


def _verifier(annee: int, date_limite: date) -> None:
    erreurs = {}
    if not ANNEE_MIN <= annee <= ANNEE_MAX:
        erreurs["annee"] = f"La session doit être comprise entre {ANNEE_MIN} et {ANNEE_MAX}."
    elif not annee - 1 <= date_limite.year <= annee:
        erreurs["date_limite_depot"] = (
            f"La date limite de dépôt d'une session {annee} tombe entre le 1er janvier "
            f"{annee - 1} et le 31 décembre {annee}."
        )
    if erreurs:
        raise ValidationError(erreurs)


@transaction.atomic
def session_enregistrer(promotion: Promotion, *, annee: int, date_limite: date) -> SessionExamen:
    """Set (or change) the exam session of `promotion`."""
    _verifier(annee, date_limite)
    session, _ = SessionExamen.objects.select_for_update().update_or_create(
        promotion=promotion, defaults={"annee": annee, "date_limite_depot": date_limite}
    )
    return session


@transaction.atomic
def depot_enregistrer(
    session: SessionExamen, etudiant: Etudiant, *, depose_le: date, par: Utilisateur | None
) -> DepotDossier:
    """Record the day `etudiant`'s dossier was handed in (a second record corrects the day)."""
    if etudiant.promotion_id != session.promotion_id:
        raise ValidationError("Cet étudiant n'est pas de la promotion de cette session.")
    if depose_le < session.date_limite_depot - timedelta(days=366):
        raise ValidationError(
            {"depose_le": "Cette date de dépôt est antérieure de plus d'un an à la date limite."}
        )
    if depose_le.year > session.annee:
        raise ValidationError({"depose_le": f"Cette date est après la session {session.annee}."})
    depot, _ = DepotDossier.objects.update_or_create(
        session=session, etudiant=etudiant, defaults={"depose_le": depose_le, "enregistre_par": par}
    )
    return depot


@transaction.atomic
def depot_annuler(session: SessionExamen, etudiant: Etudiant) -> bool:
    """Remove a deposit recorded by mistake; whether there was one."""
    supprimes, _ = DepotDossier.objects.filter(session=session, etudiant=etudiant).delete()
    return bool(supprimes)
