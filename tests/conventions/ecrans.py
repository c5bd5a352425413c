"""Helpers of the screen tests: a convention moved along its life cycle, a teacher who
follows a student, the POST data of the convention form."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from comptes.models import Utilisateur
from conventions.models import Convention, Statut
from conventions.moteur import evaluer_convention
from conventions.services import convention_acquitter, convention_transition
from etablissement.models import Enseignant, Etudiant
from organismes.models import OrganismeAccueil, Tuteur
from regles.contenus import CONTENUS, DERIVES
from tests import fabriques

PARCOURS = ("soumettre", "valider", "envoyer_signature", "enregistrer_signatures", "demarrer")


def avancer(convention: Convention, jusqua: Statut, auteur: Utilisateur) -> Convention:
    """Move a lawful convention along its life cycle up to `jusqua`, its warnings
    acknowledged on the way (as a person would)."""
    for action in PARCOURS:
        if convention.statut == jusqua:
            break
        if action in ("valider", "envoyer_signature"):
            codes = [k.code for k in evaluer_convention(convention).avertissements]
            if codes:
                convention_acquitter(convention=convention, codes=codes, auteur=auteur)
        convention = convention_transition(convention=convention, action=action, auteur=auteur)
    assert convention.statut == jusqua
    return convention


def referent(utilisateur: Utilisateur) -> Enseignant:
    """The teacher record of this account."""
    return fabriques.enseignant(
        nom=utilisateur.last_name, prenom=utilisateur.first_name, utilisateur=utilisateur
    )


def etudiant_suivi_par(utilisateur: Utilisateur, **champs: Any) -> Etudiant:
    return fabriques.etudiant(referent=referent(utilisateur), **champs)


def formulaire(
    *,
    etudiant: Etudiant,
    organisme: OrganismeAccueil,
    tuteur: Tuteur | None,
    periodes: Sequence[tuple[date, date]] = ((date(2026, 3, 2), date(2026, 3, 27)),),
    **surcharges: Any,
) -> dict[str, Any]:
    """The POST data of a complete convention form (every clause typed)."""
    donnees: dict[str, Any] = {
        "etudiant": etudiant.pk,
        "etablissement_accueil": organisme.etablissements.first().pk,  # type: ignore[union-attr]
        "tuteur": tuteur.pk if tuteur else "",
        "date_effet_tuteur": "",
        "referent": "",
        "poste": "",
        "minutes_lundi": "7",
        "minutes_mardi": "7",
        "minutes_mercredi": "7",
        "minutes_jeudi": "7",
        "minutes_vendredi": "7",
        "minutes_samedi": "0",
        "minutes_dimanche": "0",
        "gratification_mode": "aucune",
        "gratification_montant": "",
        "gratification_methode": "reelle",
        "objectifs": "",
        "periodes-TOTAL_FORMS": str(len(periodes)),
        "periodes-INITIAL_FORMS": "0",
        "periodes-MIN_NUM_FORMS": "1",
        "periodes-MAX_NUM_FORMS": "1000",
    }
    for code, texte in fabriques.CLAUSES.items():
        donnees[f"clause_{code}"] = texte
    for contenu in CONTENUS:
        if contenu.code not in DERIVES:
            donnees.setdefault(f"clause_{contenu.code}", "")
    for i, (debut, fin) in enumerate(periodes):
        donnees[f"periodes-{i}-debut"] = debut.isoformat()
        donnees[f"periodes-{i}-fin"] = fin.isoformat()
    donnees.update(surcharges)
    return donnees
