"""One evaluation by the rules engine for a screen that shows many conventions (a cohort, a
student, a host): the conventions in force, read in a constant number of queries, and the
ones in force at the same hosts, without which a quota or a tutor's load would be undercounted.

A draft or a convention awaiting validation is not a convention yet (conventions.workflow,
EN_VIGUEUR): it counts in no total here; its own findings are on its page.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from django.db.models import Prefetch, QuerySet

from conventions.models import Convention, PeriodeConvention
from conventions.moteur import FENETRE, journaux, tous_vers_regles
from conventions.workflow import EN_VIGUEUR
from etablissement.selectors import etudiant_pour_regles
from organismes.models import EtablissementAccueil
from organismes.selectors import organismes_pour_regles
from regles.constats import Constat
from regles.evaluation import Evaluation, Situation, evaluer


def en_vigueur(conventions: QuerySet[Convention]) -> QuerySet[Convention]:
    return conventions.filter(statut__in=EN_VIGUEUR)


def voisines(conventions: Sequence[Convention]) -> list[Convention]:
    """The other conventions in force that the law compares with `conventions`, in 4 queries
    (none without a period): at the same host (SIREN), sharing a civil week with one of them
    (the weekly quota, a tutor's load) or holding the same post (the waiting period, within
    the engine's window).

    They are loaded with their periods only: the engine reads periods for the quota, the
    tutor and the waiting period; their schedule exceptions and presence logs make other
    students' totals, which these screens do not show. Evaluating only the ones that meet
    `conventions` keeps a cohort's dashboard from evaluating every stage of its hosts."""
    limites = bornes(conventions)
    if limites is None:
        return []
    debut, fin = limites
    organismes = {c.etablissement_accueil.organisme_id for c in conventions}
    # The hosts' sites as a list of values, as conventions.moteur.voisines does: as a
    # subquery, SQLite's planner scans the status index instead of the site index.
    sites = list(
        EtablissementAccueil.objects.filter(organisme_id__in=organismes)
        .order_by()
        .values_list("pk", flat=True)
    )
    # The status is tested here rather than in SQL: with it, SQLite's planner walks the
    # status index (every convention in force) instead of the sites'.
    candidates = (
        PeriodeConvention.objects.filter(
            convention__etablissement_accueil_id__in=sites,
            debut__lte=fin + FENETRE,
            fin__gte=debut - FENETRE,
        )
        .exclude(convention_id__in=[c.pk for c in conventions])
        .order_by()
        .values_list(
            "convention_id",
            "convention__statut",
            "convention__etablissement_accueil__organisme_id",
            "convention__poste",
            "debut",
            "fin",
        )
    )
    semaines, postes = _semaines_et_postes(conventions)
    retenues = {
        pk
        for pk, statut, organisme, poste, du, au in candidates
        if statut in EN_VIGUEUR
        and (
            (poste and (organisme, poste) in postes)
            or any(du <= a and au >= d for d, a in semaines.get(organisme, ()))
        )
    }
    autres = (
        Convention.objects.filter(pk__in=retenues)
        .select_related(
            "etudiant__promotion__formation",
            "etablissement_accueil__organisme",
            "tuteur",
            "referent",
        )
        .prefetch_related(
            Prefetch("periodes", queryset=PeriodeConvention.objects.order_by("debut")),
        )
    )
    return list(autres)


def _semaines_et_postes(
    conventions: Sequence[Convention],
) -> tuple[dict[int, list[tuple[date, date]]], set[tuple[int, str]]]:
    """Per host, the civil weeks the conventions cover (from the Monday of their first day, or
    of the tutor's designation, to the Sunday of their last), and the posts they hold."""
    semaines: dict[int, list[tuple[date, date]]] = defaultdict(list)
    postes = set()
    for c in conventions:
        organisme = c.etablissement_accueil.organisme_id
        for p in c.periodes.all():
            du = min(p.debut, c.date_effet_tuteur or p.debut)
            semaines[organisme].append(
                (du - timedelta(days=du.weekday()), p.fin + timedelta(days=6 - p.fin.weekday()))
            )
        if c.poste:
            postes.add((organisme, c.poste))
    return semaines, postes


def bornes(conventions: Iterable[Convention]) -> tuple[date, date] | None:
    """The first and last day of these conventions' periods (None: no period at all)."""
    periodes = [p for c in conventions for p in c.periodes.all()]
    if not periodes:
        return None
    return min(p.debut for p in periodes), max(p.fin for p in periodes)


def evaluer_conventions(
    conventions: Iterable[Convention], voisines: Iterable[Convention] = ()
) -> Evaluation:
    """Evaluate these conventions (loaded with `conventions.moteur.avec_details`) and their
    `voisines` together, in one engine call. The neighbours are other students' stages,
    compared by their periods only: their schedule exceptions and logs are not read."""
    propres = [c for c in conventions if c.periodes.all()]  # the engine needs a period
    autres = [c for c in voisines if c.periodes.all()]
    liste = [*propres, *autres]
    organismes = organismes_pour_regles({c.etablissement_accueil.organisme for c in liste})
    return evaluer(
        Situation(
            conventions=tous_vers_regles(liste, journaux(c.pk for c in propres)),
            organismes={o.siren: o for o in organismes},
            etudiants={str(c.etudiant_id): etudiant_pour_regles(c.etudiant) for c in liste},
        )
    )


def premier_jour(convention: Convention) -> date | None:
    periodes = convention.periodes.all()
    return min((p.debut for p in periodes), default=None)


def dernier_jour(convention: Convention) -> date | None:
    periodes = convention.periodes.all()
    fin = max((p.fin for p in periodes), default=None)
    if fin is not None and convention.rupture_dernier_jour:
        return min(fin, convention.rupture_dernier_jour)
    return fin


def evaluer_projets(
    projets: Sequence[Convention], contexte: Sequence[Convention]
) -> dict[int, list[Constat]]:
    """The own findings of each convention in preparation (`conventions.workflow
    .EN_PREPARATION`), as its page shows them: each judged alone against the conventions in
    force of `contexte` that share its host or its student, never against another draft (a
    draft is not a convention yet and counts in no quota). In 5 queries whatever their number
    (journals, hosts); one engine call per draft, on its few neighbours only."""
    propres = [c for c in projets if c.periodes.all()]
    if not propres:
        return {}
    autour = [c for c in contexte if c.periodes.all()]
    lus = journaux([c.pk for c in (*propres, *autour)])
    organismes = {
        o.siren: o
        for o in organismes_pour_regles(
            {c.etablissement_accueil.organisme for c in (*propres, *autour)}
        )
    }
    constats: dict[int, list[Constat]] = {}
    for projet in propres:
        hote = projet.etablissement_accueil.organisme_id
        proches = [
            c
            for c in autour
            if c.etablissement_accueil.organisme_id == hote or c.etudiant_id == projet.etudiant_id
        ]
        liste = [projet, *proches]
        evaluation = evaluer(
            Situation(
                conventions=tous_vers_regles(liste, lus),
                organismes={
                    c.etablissement_accueil.organisme.siren: organismes[
                        c.etablissement_accueil.organisme.siren
                    ]
                    for c in liste
                },
                etudiants={str(c.etudiant_id): etudiant_pour_regles(c.etudiant) for c in liste},
            )
        )
        resultat = evaluation.conventions.get(str(projet.pk))
        constats[projet.pk] = list(resultat.constats) if resultat is not None else []
    return constats
