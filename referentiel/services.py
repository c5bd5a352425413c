"""Writes on the mission catalogue. The blocs and competences come from the arrêté: they are
seeded by migration, not edited through services."""

from __future__ import annotations

from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction

from referentiel.models import (
    Canal,
    Competence,
    FamilleMission,
    Force,
    Formation,
    Mission,
    MissionCompetence,
    SourceFamille,
    TypeReseau,
)


def famille_mission_creer(
    *,
    formation: Formation,
    code: str,
    libelle: str,
    ordre: int | None = None,
    source: SourceFamille = SourceFamille.AJOUT,
) -> FamilleMission:
    """Add a family to the catalogue, after the existing ones unless `ordre` is given."""
    if ordre is None:
        derniere = formation.familles_missions.order_by("-ordre").first()
        ordre = derniere.ordre + 1 if derniere else 1
    famille = FamilleMission(
        formation=formation,
        code=code.strip().upper(),
        libelle=libelle.strip(),
        ordre=ordre,
        source=source,
    )
    famille.full_clean()
    famille.save()
    return famille


@transaction.atomic
def mission_creer(
    *,
    famille: FamilleMission,
    code: str,
    libelle: str,
    competences: Mapping[Competence, Force],
    description: str = "",
    canal: Canal = Canal.OMNICANAL,
    type_reseau: TypeReseau | None = None,
    ordre: int | None = None,
) -> Mission:
    """Add a mission and the competences it trains; a mission trains at least one."""
    if not any(force == Force.PRINCIPALE for force in competences.values()):
        raise ValidationError(
            {"competences": "Une mission travaille au moins une compétence à titre principal."}
        )
    if ordre is None:
        derniere = famille.missions.order_by("-ordre").first()
        ordre = derniere.ordre + 1 if derniere else 1
    mission = Mission(
        famille=famille,
        code=code.strip().upper(),
        libelle=libelle.strip(),
        description=description.strip(),
        canal=canal,
        type_reseau=type_reseau or "",
        ordre=ordre,
    )
    mission.full_clean()
    mission.save()
    for competence, force in competences.items():
        mission_lier_competence(mission=mission, competence=competence, force=force)
    return mission


def mission_lier_competence(
    *, mission: Mission, competence: Competence, force: Force
) -> MissionCompetence:
    """Link a mission to a competence, or change the strength of an existing link."""
    lien = MissionCompetence.objects.filter(
        mission=mission, competence=competence
    ).first() or MissionCompetence(mission=mission, competence=competence)
    lien.force = force
    lien.full_clean()
    lien.save()
    return lien


def mission_retirer_du_catalogue(*, mission: Mission) -> Mission:
    """Stop offering a mission; the conventions that chose it keep it."""
    mission.actif = False
    mission.save(update_fields=["actif"])
    return mission
