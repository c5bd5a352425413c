"""Reads on the referential and the mission catalogue."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Count, Prefetch, Q, QuerySet

from referentiel.models import (
    Bloc,
    Competence,
    FamilleMission,
    Force,
    Formation,
    Mission,
    MissionCompetence,
    VersionReferentiel,
)


def formation_par_code(code: str) -> Formation | None:
    return Formation.objects.filter(code=code).first()


def version_en_vigueur(*, formation: Formation, session: int) -> VersionReferentiel | None:
    """The version that governs the exam session `session`, the newest if several overlap."""
    return (
        formation.versions.filter(session_debut__lte=session)
        .filter(Q(session_fin__isnull=True) | Q(session_fin__gte=session))
        .order_by("-session_debut")
        .first()
    )


def blocs_avec_competences(version: VersionReferentiel) -> QuerySet[Bloc]:
    """The blocs of `version` in order, their competences prefetched (2 queries)."""
    return version.blocs.order_by("code").prefetch_related(
        Prefetch("competences", queryset=Competence.objects.order_by("code"))
    )


def catalogue_missions(
    *, formation: Formation, version: VersionReferentiel, actives_seulement: bool = True
) -> QuerySet[FamilleMission]:
    """The mission families of `formation` with their missions and, for each mission, its
    links to the competences of `version` (3 queries, whatever the size of the catalogue)."""
    missions = Mission.objects.order_by("ordre", "code")
    if actives_seulement:
        missions = missions.filter(actif=True)
    liens = (
        MissionCompetence.objects.filter(competence__bloc__version=version)
        .select_related("competence")
        .order_by("force", "competence__code")
    )
    return formation.familles_missions.order_by("ordre", "code").prefetch_related(
        Prefetch(
            "missions",
            queryset=missions.prefetch_related(Prefetch("liens_competences", queryset=liens)),
        )
    )


def missions_pour_competence(competence: Competence) -> QuerySet[Mission]:
    """The active missions that train `competence`, those where it is the main one first."""
    return (
        Mission.objects.filter(actif=True, liens_competences__competence=competence)
        .select_related("famille")
        .order_by("liens_competences__force", "famille__ordre", "ordre")
    )


def couverture_competences(version: VersionReferentiel) -> QuerySet[Competence]:
    """Every competence of `version`, annotated with how many active missions train it
    mainly (`principales`) or incidentally (`secondaires`): zeros show the catalogue's gaps."""
    actives = Q(liens_missions__mission__actif=True)
    return (
        Competence.objects.filter(bloc__version=version)
        .annotate(
            principales=Count(
                "liens_missions", filter=actives & Q(liens_missions__force=Force.PRINCIPALE)
            ),
            secondaires=Count(
                "liens_missions", filter=actives & Q(liens_missions__force=Force.SECONDAIRE)
            ),
        )
        .select_related("bloc")
        .order_by("code")
    )


def competences_des_missions(
    missions: Iterable[Mission], *, version: VersionReferentiel
) -> QuerySet[Competence]:
    """The competences of `version` trained by any of `missions` (one query)."""
    return (
        Competence.objects.filter(bloc__version=version, liens_missions__mission__in=list(missions))
        .distinct()
        .order_by("code")
    )
