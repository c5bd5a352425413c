"""Reads of the activity log shared by the student's, the staff's and the tutor's screens:
a student's entries by convention and week, the coverage of their log, the entries a
tutor's link may countersign and the attachments each person may open."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Prefetch, QuerySet

from conventions.models import Convention, PeriodeConvention
from conventions.workflow import JOURNAL_POSSIBLE
from etablissement.models import Etudiant
from journal import couverture
from journal.models import EntreeJournal, PieceJointe
from referentiel.models import Competence, Force, MissionCompetence


def entrees(conventions: QuerySet[Convention]) -> QuerySet[EntreeJournal]:
    """The entries of `conventions`, latest first, with what their pages show (4 queries)."""
    return (
        EntreeJournal.objects.filter(convention__in=conventions)
        .select_related("convention__etablissement_accueil__organisme", "convention__etudiant")
        .prefetch_related(
            "missions",
            Prefetch("competences", queryset=Competence.objects.order_by("code")),
            "pieces",
        )
        .order_by("-date_debut", "-pk")
    )


def conventions_du_journal(etudiant: Etudiant) -> QuerySet[Convention]:
    """The student's conventions a log may tell about: signed, under way or over."""
    return (
        Convention.objects.filter(etudiant=etudiant, statut__in=JOURNAL_POSSIBLE)
        .select_related("etablissement_accueil__organisme", "tuteur")
        .prefetch_related(
            Prefetch("periodes", queryset=PeriodeConvention.objects.order_by("debut"))
        )
        .order_by("-debut", "-pk")
    )


@dataclass
class Semaine:
    lundi: date
    entrees: list[EntreeJournal] = field(default_factory=list)

    @property
    def dimanche(self) -> date:
        return self.lundi + timedelta(days=6)


@dataclass
class JournalConvention:
    convention: Convention
    semaines: list[Semaine]

    @property
    def nombre(self) -> int:
        return sum(len(s.entrees) for s in self.semaines)


def par_convention_et_semaine(etudiant: Etudiant) -> list[JournalConvention]:
    """The log of each convention, its entries grouped by calendar week (latest first)."""
    conventions = list(conventions_du_journal(etudiant))
    par_convention: dict[int, dict[date, Semaine]] = {c.pk: {} for c in conventions}
    for e in entrees(Convention.objects.filter(pk__in=par_convention)):
        lundi = e.date_debut - timedelta(days=e.date_debut.weekday())
        par_convention[e.convention_id].setdefault(lundi, Semaine(lundi)).entrees.append(e)
    return [
        JournalConvention(
            c, sorted(par_convention[c.pk].values(), key=lambda s: s.lundi, reverse=True)
        )
        for c in conventions
    ]


def entree_de(etudiant: Etudiant, pk: int) -> EntreeJournal | None:
    return entrees(conventions_du_journal(etudiant)).filter(pk=pk).first()


def couverture_de(etudiant: Etudiant, *, aujourdhui: date) -> couverture.Couverture:
    """The coverage of the student's whole log over their cohort's referential."""
    version_id = etudiant.promotion.version_referentiel_id
    competences = list(
        Competence.objects.filter(bloc__version_id=version_id).order_by("bloc__code", "code")
    )
    liste = list(entrees(conventions_du_journal(etudiant)))
    principales: dict[int, set[str]] = {}
    for lien in MissionCompetence.objects.filter(
        mission__entrees_journal__in=liste,
        force=Force.PRINCIPALE,
        competence__bloc__version_id=version_id,
    ).select_related("competence"):
        principales.setdefault(lien.mission_id, set()).add(lien.competence.code)
    vues = [
        couverture.EntreeVue(
            pk=e.pk,
            date_debut=e.date_debut,
            date_fin=e.date_fin,
            competences=frozenset(
                {c.code for c in e.competences.all()}
                | {code for m in e.missions.all() for code in principales.get(m.pk, ())}
            ),
            reseaux=frozenset(m.type_reseau for m in e.missions.all() if m.type_reseau),
        )
        for e in liste
    ]
    periodes = [
        (p.debut, p.fin)
        for p in PeriodeConvention.objects.filter(
            convention__etudiant=etudiant, convention__statut__in=JOURNAL_POSSIBLE
        )
    ]
    return couverture.calculer(
        competences=[couverture.CompetenceVue(c.code, c.libelle) for c in competences],
        entrees=vues,
        periodes=periodes,
        aujourdhui=aujourdhui,
    )


def a_contresigner(conventions: QuerySet[Convention]) -> QuerySet[EntreeJournal]:
    """The entries of `conventions` (a tutor's scope) not countersigned yet, oldest first."""
    return (
        entrees(conventions.filter(statut__in=JOURNAL_POSSIBLE))
        .filter(contresigne_le__isnull=True)
        .order_by("convention__etudiant__nom", "date_debut", "pk")
    )


def pieces_de(conventions: QuerySet[Convention]) -> QuerySet[PieceJointe]:
    """The attachments of the entries of `conventions`: whoever may read those conventions'
    log may open them, nobody else."""
    return PieceJointe.objects.filter(entree__convention__in=conventions).select_related("entree")
