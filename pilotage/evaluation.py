"""One evaluation by the rules engine for a screen that shows many conventions (a cohort, a
student, a host): the conventions in force, read in a constant number of queries, and the
ones in force at the same hosts, without which a quota or a tutor's load would be undercounted.

A draft or a convention awaiting validation is not a convention yet (conventions.models,
STATUTS_EN_VIGUEUR): it counts in no total here; its own findings are on its page.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db.models import Exists, OuterRef, Prefetch, QuerySet

from conventions.models import STATUTS_EN_VIGUEUR, Convention, PeriodeConvention
from conventions.moteur import FENETRE, vers_regles
from etablissement.selectors import etudiant_pour_regles
from organismes.selectors import organismes_pour_regles
from regles.evaluation import Evaluation, Situation, evaluer


def avec_details(conventions: QuerySet[Convention]) -> QuerySet[Convention]:
    """What `vers_regles` and the screens read, in 5 queries whatever the count."""
    return conventions.select_related(
        "etudiant__promotion__formation",
        "etablissement_accueil__organisme",
        "tuteur",
        "referent",
    ).prefetch_related(
        Prefetch("periodes", queryset=PeriodeConvention.objects.order_by("debut")),
        "exceptions",
        "pointages",
    )


def en_vigueur(conventions: QuerySet[Convention]) -> QuerySet[Convention]:
    return conventions.filter(statut__in=STATUTS_EN_VIGUEUR)


def voisines(base: QuerySet[Convention], *, debut: date, fin: date) -> list[Convention]:
    """The conventions in force at the hosts (SIREN) of `base`, outside `base`, with a period
    within the engine's window around [debut, fin]: subqueries, whatever the size of `base`."""
    dans_la_fenetre = PeriodeConvention.objects.filter(
        convention=OuterRef("pk"), debut__lte=fin + FENETRE, fin__gte=debut - FENETRE
    )
    autres = (
        en_vigueur(Convention.objects.all())
        .filter(
            etablissement_accueil__organisme_id__in=base.values(
                "etablissement_accueil__organisme_id"
            )
        )
        .filter(Exists(dans_la_fenetre))
        .exclude(pk__in=base.values("pk"))
    )
    return list(avec_details(autres))


def bornes(conventions: Iterable[Convention]) -> tuple[date, date] | None:
    """The first and last day of these conventions' periods (None: no period at all)."""
    periodes = [p for c in conventions for p in c.periodes.all()]
    if not periodes:
        return None
    return min(p.debut for p in periodes), max(p.fin for p in periodes)


def evaluer_conventions(conventions: Iterable[Convention]) -> Evaluation:
    """Evaluate these conventions (loaded with `avec_details`) together, in one engine call."""
    liste = [c for c in conventions if c.periodes.all()]  # the engine needs a period
    organismes = organismes_pour_regles({c.etablissement_accueil.organisme for c in liste})
    return evaluer(
        Situation(
            conventions=[vers_regles(c) for c in liste],
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
