"""Reads of the students' search: a student's applications and the offers routed to them,
the interested students of an offer, the candidates a company sees, and the class counters
of each coming stage period with the référent's list of their students.

A student's situation for a period is read from their conventions whose dates touch it:
signed (or later) → « convention signée »; any other but a cancelled one → « convention en
préparation »; none → « sans place »."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from django.db.models import Count, Q, QuerySet

from candidatures.models import Candidature, InteretOffre, RappelRecherche
from conventions.models import Convention, Statut
from conventions.workflow import SIGNEES
from etablissement.models import Enseignant, Etudiant, PeriodePromotion
from public.models import PropositionStage, StatutProposition
from regles.parametres import parametres
from regles.presence import annee_scolaire_du, bornes_annee_scolaire

# How far the coming periods reach: the end of the school year, or six months ahead in its
# last weeks (in July, the next year's first stages are the coming ones).
AU_MOINS = timedelta(days=183)


def horizon(le: date) -> date:
    """The last day a coming period may start on, seen on `le`."""
    p = parametres()
    _, fin = bornes_annee_scolaire(annee_scolaire_du(le, p), p)
    return max(fin, le + AU_MOINS)


class Situation(StrEnum):
    SANS_PLACE = "sans_place"
    EN_PREPARATION = "en_preparation"
    SIGNEE = "signee"

    @property
    def libelle(self) -> str:
        return {
            "sans_place": "Sans place",
            "en_preparation": "Convention en préparation",
            "signee": "Convention signée",
        }[self.value]


def _situations(
    etudiants: Iterable[Etudiant], periodes: Iterable[PeriodePromotion]
) -> dict[tuple[int, int], Situation]:
    """Each (student, period of their cohort) → their situation (two queries)."""
    par_promotion: dict[int, list[PeriodePromotion]] = defaultdict(list)
    for p in periodes:
        par_promotion[p.promotion_id].append(p)
    eleves = list(etudiants)
    intervalles: dict[int, list[tuple[str, date, date]]] = defaultdict(list)
    conventions = (
        Convention.objects.filter(etudiant__in=[e.pk for e in eleves])
        .exclude(statut=Statut.ANNULEE)
        .prefetch_related("periodes")
    )
    for c in conventions:
        for pc in c.periodes.all():
            intervalles[c.etudiant_id].append((c.statut, pc.debut, pc.fin))
    resultat: dict[tuple[int, int], Situation] = {}
    for e in eleves:
        for p in par_promotion.get(e.promotion_id, []):
            statuts = {s for s, d, f in intervalles[e.pk] if d <= p.fin and f >= p.debut}
            if statuts & set(SIGNEES):
                resultat[e.pk, p.pk] = Situation.SIGNEE
            elif statuts:
                resultat[e.pk, p.pk] = Situation.EN_PREPARATION
            else:
                resultat[e.pk, p.pk] = Situation.SANS_PLACE
    return resultat


def situations_de(
    etudiants: Iterable[Etudiant], periodes: Iterable[PeriodePromotion]
) -> dict[tuple[int, int], Situation]:
    """Each (student, period of their cohort) → their situation, for the reminders' pass."""
    return _situations(etudiants, periodes)


# --- The student's own search ---


def candidatures_de(etudiant: Etudiant) -> QuerySet[Candidature]:
    return Candidature.objects.filter(etudiant=etudiant).select_related("periode", "organisme")


def candidature_de(etudiant: Etudiant, pk: int) -> Candidature | None:
    """One of the student's own applications; None for anyone else's."""
    return candidatures_de(etudiant).filter(pk=pk).first()


def periodes_de(
    etudiant: Etudiant, *, le: date, deja: int | None = None
) -> QuerySet[PeriodePromotion]:
    """The periods an application may name: the cohort's periods not over on `le`, and the
    one it already names."""
    return (
        PeriodePromotion.objects.filter(promotion_id=etudiant.promotion_id)
        .filter(Q(fin__gte=le) | Q(pk=deja or 0))
        .select_related("promotion")
        .order_by("debut")
    )


@dataclass(frozen=True)
class PeriodeEtudiant:
    periode: PeriodePromotion
    situation: Situation


@dataclass(frozen=True)
class OffrePourEtudiant:
    offre: PropositionStage
    periodes: list[PeriodePromotion]  # the offer's periods of the student's cohort
    interet: InteretOffre | None


@dataclass(frozen=True)
class Recherche:
    periodes: list[PeriodeEtudiant]  # the cohort's periods not over, with the situation
    candidatures: list[Candidature]
    offres: list[OffrePourEtudiant]

    @property
    def a_placer(self) -> list[PeriodePromotion]:
        return [p.periode for p in self.periodes if p.situation == Situation.SANS_PLACE]

    @property
    def interets(self) -> list[OffrePourEtudiant]:
        return [o for o in self.offres if o.interet is not None]


def recherche_de(etudiant: Etudiant, *, le: date) -> Recherche:
    """The student's page: their coming periods and situation, their applications, and the
    section's offers for a period they still need a place for (or without a period named),
    with those they marked whatever their situation (they may withdraw)."""
    periodes = list(
        PeriodePromotion.objects.filter(
            promotion_id=etudiant.promotion_id, fin__gte=le, debut__lte=horizon(le)
        ).order_by("debut")
    )
    situations = _situations([etudiant], periodes)
    suivies = [PeriodeEtudiant(p, situations[etudiant.pk, p.pk]) for p in periodes]
    a_placer = {p.periode.pk for p in suivies if p.situation == Situation.SANS_PLACE}
    interets = {i.proposition_id: i for i in InteretOffre.objects.filter(etudiant=etudiant)}
    offres = []
    for offre in (
        PropositionStage.objects.filter(statut=StatutProposition.ACCEPTEE)
        .prefetch_related("periodes", "missions")
        .order_by("entreprise", "pk")
    ):
        toutes = list(offre.periodes.all())
        siennes = [p for p in toutes if p.promotion_id == etudiant.promotion_id]
        pour_lui = (a_placer and not toutes) or any(p.pk in a_placer for p in siennes)
        if pour_lui or offre.pk in interets:
            offres.append(OffrePourEtudiant(offre, siennes, interets.get(offre.pk)))
    return Recherche(suivies, list(candidatures_de(etudiant)), offres)


def offre_pour_etudiant(etudiant: Etudiant, pk: int, *, le: date) -> OffrePourEtudiant | None:
    return next((o for o in recherche_de(etudiant, le=le).offres if o.offre.pk == pk), None)


# --- The offer's side: the staff and the company ---


def interets_de_l_offre(proposition: PropositionStage) -> list[InteretOffre]:
    return list(
        InteretOffre.objects.filter(proposition=proposition)
        .select_related("etudiant__promotion", "etudiant__referent", "propose_par")
        .order_by("cree_le", "pk")
    )


def candidats_proposes(proposition: PropositionStage) -> list[str]:
    """The first names of the students the section proposed to the company, in the order it
    proposed them: nothing else of them leaves the section."""
    return list(
        InteretOffre.objects.filter(proposition=proposition, propose_le__isnull=False)
        .order_by("propose_le", "pk")
        .values_list("etudiant__prenom", flat=True)
    )


# --- The class counters and the référent's list ---


@dataclass(frozen=True)
class CompteursPeriode:
    periode: PeriodePromotion
    etudiants: int
    sans_place: int
    sans_candidature: int  # among those without a place: no application for this period
    en_preparation: int
    signees: int


@dataclass(frozen=True)
class LigneRecherche:
    etudiant: Etudiant
    periode: PeriodePromotion | None  # the first coming one without a signed convention
    situation: Situation | None
    candidatures: int  # for that period
    derniere: Candidature | None  # the last one for that period
    interets: int  # offers marked « m'intéresse »


@dataclass(frozen=True)
class TableauRecherche:
    compteurs: list[CompteursPeriode]
    lignes: list[LigneRecherche]
    # The lines by situation for the period each student searches for: without a place
    # first, then a convention in preparation, then signed.
    groupes: list[tuple[Situation, list[LigneRecherche]]]


def tableau_recherche(*, le: date, referent: Enseignant | None = None) -> TableauRecherche:
    """The coming periods' counters (those not over that start before `horizon`) of the students (those `referent` follows, if given),
    and one line per student for their next period (a constant number of queries)."""
    periodes = list(
        PeriodePromotion.objects.filter(fin__gte=le, debut__lte=horizon(le))
        .select_related("promotion")
        .order_by("debut", "promotion__annee_debut", "pk")
    )
    etudiants_qs = Etudiant.objects.filter(
        archive=False, promotion_id__in={p.promotion_id for p in periodes}
    ).select_related("promotion", "referent")
    if referent is not None:
        etudiants_qs = etudiants_qs.filter(referent=referent)
    etudiants = list(etudiants_qs.order_by("promotion__annee_debut", "nom", "prenom", "pk"))
    situations = _situations(etudiants, periodes)
    candidatures: dict[tuple[int, int], list[Candidature]] = defaultdict(list)
    for c in Candidature.objects.filter(
        etudiant__in=[e.pk for e in etudiants], periode__in=[p.pk for p in periodes]
    ).order_by("-date", "-pk"):
        candidatures[c.etudiant_id, c.periode_id].append(c)
    interets: dict[int, int] = defaultdict(int)
    for etudiant_id in InteretOffre.objects.filter(
        etudiant__in=[e.pk for e in etudiants], proposition__statut=StatutProposition.ACCEPTEE
    ).values_list("etudiant_id", flat=True):
        interets[etudiant_id] += 1

    compteurs = []
    for p in periodes:
        eleves = [e for e in etudiants if e.promotion_id == p.promotion_id]
        if not eleves:
            continue
        de = [situations[e.pk, p.pk] for e in eleves]
        sans = [e for e in eleves if situations[e.pk, p.pk] == Situation.SANS_PLACE]
        compteurs.append(
            CompteursPeriode(
                periode=p,
                etudiants=len(eleves),
                sans_place=len(sans),
                sans_candidature=sum(1 for e in sans if not candidatures[e.pk, p.pk]),
                en_preparation=de.count(Situation.EN_PREPARATION),
                signees=de.count(Situation.SIGNEE),
            )
        )
    par_promotion: dict[int, list[PeriodePromotion]] = defaultdict(list)
    for p in periodes:
        par_promotion[p.promotion_id].append(p)
    lignes = []
    for e in etudiants:
        siennes_p = par_promotion.get(e.promotion_id, [])
        # The period they search for: the first without a signed convention, else the next.
        cherchee = next(
            (x for x in siennes_p if situations[e.pk, x.pk] != Situation.SIGNEE),
            siennes_p[0] if siennes_p else None,
        )
        siennes = candidatures[e.pk, cherchee.pk] if cherchee else []
        lignes.append(
            LigneRecherche(
                etudiant=e,
                periode=cherchee,
                situation=situations[e.pk, cherchee.pk] if cherchee else None,
                candidatures=len(siennes),
                derniere=siennes[0] if siennes else None,
                interets=interets[e.pk],
            )
        )
    ordre = {Situation.SANS_PLACE: 0, Situation.EN_PREPARATION: 1, Situation.SIGNEE: 2}
    groupes = [
        (situation, [lg for lg in lignes if lg.situation == situation])
        for situation in sorted(ordre, key=ordre.__getitem__)
    ]
    return TableauRecherche(compteurs, lignes, [(s, g) for s, g in groupes if g])


def recherche_d_un_etudiant(etudiant: Etudiant, *, le: date) -> Recherche:
    """What the staff read of one student's search: the same as the student's page."""
    return recherche_de(etudiant, le=le)


# --- The reminders the section sets ---


def periodes_a_venir(*, le: date) -> QuerySet[PeriodePromotion]:
    """The periods the counters show (not over, starting before the horizon)."""
    return (
        PeriodePromotion.objects.filter(fin__gte=le, debut__lte=horizon(le))
        .select_related("promotion")
        .order_by("debut", "promotion__annee_debut", "pk")
    )


def rappels_prevus(*, le: date) -> list[RappelRecherche]:
    """The reminders of the periods not over, with how many students each reached."""
    return list(
        RappelRecherche.objects.filter(periode__fin__gte=le)
        .select_related("periode__promotion")
        .annotate(envoyes=Count("envois"))
        .order_by("jour", "pk")
    )
