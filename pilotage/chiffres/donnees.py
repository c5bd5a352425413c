"""What the section's figures read of one school year, in a constant number of queries
whatever the number of students: the cohorts in training and their periods, the year's
conventions (every status but cancelled, once), one evaluation of the rules engine for those
in force (and their neighbours at the same hosts), each one in preparation judged alone, the
hosts' headcounts and past stages, the tutors' evaluations.

Nothing here reads the clock: a school year is named by the view."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Count

from conventions.models import Convention, PeriodeConvention, Statut
from conventions.moteur import avec_details
from conventions.workflow import EN_PREPARATION, EN_VIGUEUR, SIGNEES
from etablissement.models import PeriodePromotion, Promotion
from evaluations.models import Evaluation as EvaluationStage
from evaluations.models import Question, TypeQuestionnaire
from evaluations.reponses import libelle_reponse
from organismes.models import EffectifMensuel
from pilotage.annees import bornes_annee_scolaire
from pilotage.evaluation import evaluer_conventions, evaluer_projets, voisines
from regles.constats import Constat
from regles.evaluation import Evaluation


@dataclass
class Donnees:
    """The raw material of one school year's figures."""

    annee: int
    debut: date
    fin: date
    promotions: list[tuple[Promotion, int, list[PeriodePromotion]]]  # with its students
    conventions: list[Convention]  # of the year, not cancelled
    evaluation: Evaluation  # the engine on those in force
    projets: dict[int, list[Constat]]  # the findings of each one in preparation
    effectifs: dict[int, int]  # host id → its last known headcount by the year's end
    anciens: set[int]  # hosts with a signed stage before the year
    appreciations: list[str]  # the tutors' overall appreciation, one per evaluation asked

    def intervalles(self, convention: Convention) -> list[tuple[date, date]]:
        return [(p.debut, p.fin) for p in convention.periodes.all()]

    @property
    def signees(self) -> list[Convention]:
        return [c for c in self.conventions if c.statut in SIGNEES]


def _promotions(annee: int) -> list[tuple[Promotion, int, list[PeriodePromotion]]]:
    """The cohorts in training in `annee`, with their number of students and the periods of
    that year (2 queries)."""
    candidates = (
        Promotion.objects.filter(annee_debut__lte=annee)
        .annotate(effectif=Count("etudiants"))
        .order_by("-annee_debut", "libelle")
    )
    en_formation = [p for p in candidates if annee < p.annee_debut + p.nombre_annees]
    periodes: dict[int, list[PeriodePromotion]] = defaultdict(list)
    for periode in PeriodePromotion.objects.filter(
        promotion__in=[p.pk for p in en_formation]
    ).order_by("debut"):
        periodes[periode.promotion_id].append(periode)
    return [
        (
            p,
            p.effectif,
            [x for x in periodes[p.pk] if p.annee_debut + x.annee_formation - 1 == annee],
        )
        for p in en_formation
    ]


def _appreciations(conventions: list[Convention]) -> list[str]:
    """The answer to the tutor's « Appréciation générale » of each evaluation asked for these
    conventions ("" when not answered yet), 2 queries."""
    questions = {
        q.pk: q
        for q in Question.objects.filter(
            code="appreciation", questionnaire__type=TypeQuestionnaire.TUTEUR
        )
    }
    reponses = []
    for reponses_donnees, rempli in EvaluationStage.objects.filter(
        convention__in=[c.pk for c in conventions], type=TypeQuestionnaire.TUTEUR
    ).values_list("reponses", "remplie_le"):
        texte = ""
        if rempli is not None:
            for pk, question in questions.items():
                texte = libelle_reponse(question, (reponses_donnees or {}).get(str(pk)))
                if texte:
                    break
        reponses.append(texte)
    return reponses


def donnees_annee(annee: int) -> Donnees:
    """Everything the figures of the school year starting in `annee` read."""
    debut, fin = bornes_annee_scolaire(annee)
    promotions = _promotions(annee)
    ids = PeriodeConvention.objects.filter(debut__lte=fin, fin__gte=debut).values("convention_id")
    conventions = list(
        avec_details(Convention.objects.filter(pk__in=ids).exclude(statut=Statut.ANNULEE)).order_by(
            "pk"
        )
    )
    en_vigueur = [c for c in conventions if c.statut in EN_VIGUEUR]
    projets = [c for c in conventions if c.statut in EN_PREPARATION]
    autour = voisines([*en_vigueur, *projets])
    evaluation = evaluer_conventions(en_vigueur, autour)
    constats_projets = evaluer_projets(projets, [*en_vigueur, *autour])

    hotes = {c.etablissement_accueil.organisme_id for c in conventions if c.statut in SIGNEES}
    effectifs: dict[int, int] = {}
    for organisme, personnes in (
        EffectifMensuel.objects.filter(organisme__in=hotes, mois__lte=fin)
        .order_by("organisme_id", "mois")
        .values_list("organisme_id", "personnes")
    ):
        effectifs[organisme] = personnes  # the last month wins
    anciens = set(
        PeriodeConvention.objects.filter(
            convention__statut__in=SIGNEES,
            convention__etablissement_accueil__organisme__in=hotes,
            debut__lt=debut,
        )
        .order_by()
        .values_list("convention__etablissement_accueil__organisme_id", flat=True)
        .distinct()
    )
    return Donnees(
        annee=annee,
        debut=debut,
        fin=fin,
        promotions=promotions,
        conventions=conventions,
        evaluation=evaluation,
        projets=constats_projets,
        effectifs=effectifs,
        anciens=anciens,
        appreciations=_appreciations([c for c in conventions if c.statut in SIGNEES]),
    )
