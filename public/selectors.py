"""Reads for the public pages (the section's coming stage periods, its mission catalogue) and
for the proposals' follow-up by the staff and the students."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Case, Prefetch, Q, QuerySet, When

from etablissement.models import PeriodePromotion
from organismes.models import EtablissementAccueil, OrganismeAccueil
from public.models import EvenementProposition, PropositionStage, StatutProposition
from referentiel.models import Bloc, Formation, Mission, MissionCompetence, VersionReferentiel
from referentiel.selectors import blocs_avec_competences, catalogue_missions, version_en_vigueur
from regles.parametres import parametres
from regles.presence import annee_scolaire_du

FORMATION = "BTS-NDRC"


def periodes_a_venir(*, le: date) -> list[PeriodePromotion]:
    """The cohorts' stage periods not over on `le`, in date order (one query)."""
    return list(
        PeriodePromotion.objects.filter(fin__gte=le)
        .select_related("promotion")
        .order_by("debut", "promotion__annee_debut")
    )


def periodes_proposables(*, le: date, deja: Iterable[int] = ()) -> QuerySet[PeriodePromotion]:
    """The periods a company may pick on `le`: those not over, and those it already picked."""
    return (
        PeriodePromotion.objects.filter(Q(fin__gte=le) | Q(pk__in=list(deja)))
        .select_related("promotion")
        .order_by("debut")
    )


def missions_proposables(*, deja: Iterable[int] = ()) -> QuerySet[Mission]:
    """The catalogue's missions in force, and those the company already picked."""
    return (
        Mission.objects.filter(Q(actif=True) | Q(pk__in=list(deja)))
        .select_related("famille")
        .order_by("famille__ordre", "ordre", "code")
    )


def choix_periodes(periodes: list[PeriodePromotion]) -> list[tuple[int, str, date, date]]:
    """The periods as the simulator offers them: (id, label, first day, last day)."""
    return [
        (
            p.pk,
            f"{p.libelle} — {p.promotion.libelle}, {p.annee_formation}re année"
            if p.annee_formation == 1
            else f"{p.libelle} — {p.promotion.libelle}, {p.annee_formation}e année",
            p.debut,
            p.fin,
        )
        for p in periodes
    ]


@dataclass(frozen=True)
class MissionPublique:
    libelle: str
    description: str
    blocs: list[Bloc]  # the blocs whose competences the mission trains


@dataclass(frozen=True)
class FamillePublique:
    libelle: str
    missions: list[MissionPublique]


@dataclass(frozen=True)
class Catalogue:
    version: VersionReferentiel
    blocs: list[Bloc]
    familles: list[FamillePublique]


def catalogue_public(*, le: date) -> Catalogue | None:
    """The active missions by family, with the version of the referential a student who
    starts this school year is examined on; None before the referential is seeded."""
    formation = Formation.objects.filter(code=FORMATION).first()
    if formation is None:
        return None
    p = parametres()
    annees = p.entier("reglages.ndrc_annees", le)
    rentree = annee_scolaire_du(le, p)
    version = (
        version_en_vigueur(formation=formation, session=rentree + annees)
        or formation.versions.order_by("-session_debut").first()
    )
    if version is None:
        return None
    blocs = list(blocs_avec_competences(version))
    par_id = {b.pk: b for b in blocs}
    familles = [
        FamillePublique(
            libelle=famille.libelle,
            missions=[
                MissionPublique(
                    libelle=mission.libelle,
                    description=mission.description,
                    blocs=sorted(
                        {par_id[lien.competence.bloc_id] for lien in _liens(mission)},
                        key=lambda b: b.code,
                    ),
                )
                for mission in famille.missions.all()
            ],
        )
        for famille in catalogue_missions(formation=formation, version=version)
    ]
    return Catalogue(version=version, blocs=blocs, familles=[f for f in familles if f.missions])


def _liens(mission: Mission) -> list[MissionCompetence]:
    # Prefetched by catalogue_missions, with their competence: no query here.
    return list(mission.liens_competences.all())


def propositions_recues() -> list[PropositionStage]:
    """The staff's queue: every proposal with its periods, the received ones first, newest
    first (two queries)."""
    ordre = Case(When(statut=StatutProposition.RECUE, then=0), default=1)
    return list(
        PropositionStage.objects.prefetch_related("periodes").order_by(ordre, "-cree_le", "-pk")
    )


def proposition_et_suivi(*, pk: int) -> PropositionStage:
    """One proposal with its periods, missions and status changes (who, when, why)."""
    return PropositionStage.objects.prefetch_related(
        "periodes__promotion",
        "missions",
        Prefetch("evenements", EvenementProposition.objects.select_related("auteur")),
    ).get(pk=pk)


def offres_acceptees() -> list[PropositionStage]:
    """The offers the staff accepted, as the students see them (three queries)."""
    return list(
        PropositionStage.objects.filter(statut=StatutProposition.ACCEPTEE)
        .prefetch_related("periodes__promotion", "missions")
        .order_by("entreprise", "pk")
    )


def organisme_connu(
    proposition: PropositionStage,
) -> EtablissementAccueil | OrganismeAccueil | None:
    """The host the offer's SIRET points at: its site when known, else its organisation (by
    SIREN), else None."""
    if not proposition.siret:
        return None
    site = (
        EtablissementAccueil.objects.select_related("organisme")
        .filter(siret=proposition.siret)
        .first()
    )
    return site or OrganismeAccueil.objects.filter(siren=proposition.siret[:9]).first()
