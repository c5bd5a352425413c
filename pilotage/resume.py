"""The dashboard's summary when more cohorts are in training than one page can show
(an académie's instance, or a section with many groups): one line per cohort — students,
those without a convention in the school year, conventions in preparation and in force —
read in three queries whatever the number of cohorts, each line leading to its cohort's
full dashboard. A single section (two cohorts) never sees it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q

from conventions.models import Convention, PeriodeConvention, Statut
from conventions.workflow import EN_PREPARATION, EN_VIGUEUR
from etablissement.models import Enseignant, Etudiant, Promotion
from pilotage.annees import bornes_annee_scolaire

# Above this many cohorts in training, the dashboard lists them and builds none: a cohort's
# dashboard is one call of the rules engine on its conventions and their neighbours (about
# a quarter of a second for a cohort of 35), and dozens of them would make one long page
# nobody reads.
PROMOTIONS_PAR_PAGE = 4


@dataclass(frozen=True)
class LignePromotion:
    promotion: Promotion
    annee_formation: int  # 1 for the first year of study
    etudiants: int
    sans_convention: int  # students with no convention (not cancelled) in the school year
    en_preparation: int
    en_vigueur: int


def resume(
    promotions: Sequence[Promotion], *, annee: int, referent: Enseignant | None = None
) -> list[LignePromotion]:
    """One line per cohort of `promotions` in the school year starting in `annee`; with
    `referent`, counting the students this teacher follows only."""
    debut, fin = bornes_annee_scolaire(annee)
    eleves = Etudiant.objects.filter(promotion__in=promotions, archive=False)
    if referent is not None:
        eleves = eleves.filter(referent=referent)
    dans_l_annee = Convention.objects.filter(etudiant__in=eleves).filter(
        Exists(
            PeriodeConvention.objects.filter(
                convention=OuterRef("pk"), debut__lte=fin, fin__gte=debut
            )
        )
    )
    par_statut: Counter[tuple[int, str]] = Counter()
    for promo, statut, n in (
        dans_l_annee.order_by().values_list("etudiant__promotion", "statut").annotate(n=Count("pk"))
    ):
        par_statut[promo, statut] += n
    comptes = (
        eleves.order_by()
        .values("promotion")
        .annotate(
            n=Count("pk"),
            sans=Count(
                "pk",
                filter=~Q(pk__in=dans_l_annee.exclude(statut=Statut.ANNULEE).values("etudiant")),
            ),
        )
    )
    par_promotion = {c["promotion"]: (c["n"], c["sans"]) for c in comptes}
    lignes = []
    for p in promotions:
        n, sans = par_promotion.get(p.pk, (0, 0))
        lignes.append(
            LignePromotion(
                promotion=p,
                annee_formation=annee - p.annee_debut + 1,
                etudiants=n,
                sans_convention=sans,
                en_preparation=sum(par_statut[p.pk, s] for s in EN_PREPARATION),
                en_vigueur=sum(par_statut[p.pk, s] for s in EN_VIGUEUR),
            )
        )
    return lignes
