"""The headcount the quota reads (R124-12), shown one way on every page: the figure retained
for a stage starting on a given day, the month it comes from, how the engine chose it (the
month before, or the average of the months before), the ceiling it gives (R124-10), and how
the figure was obtained (typed by the section, imported, declared by the host).

The figure and the ceiling are the engine's (`regles.quotas.effectif`, `quota`), read with
the parameters in force on that day; nothing here reads the clock."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from core.audit import Action
from organismes.models import EvenementOrganisme, OrganismeAccueil
from organismes.selectors import organismes_pour_regles
from regles.modele import Organisme
from regles.parametres import Parametres, parametres
from regles.quotas import effectif, quota

# How a month's headcount was obtained (`effectif_enregistrer(origine=…)`), in French.
ORIGINES = {
    "saisie": "saisi par la section",
    "import": "importé d'une liste d'organismes",
    "organisme": "déclaré par l'organisme",
}


@dataclass(frozen=True)
class Declaration:
    mois: date
    personnes: int
    origine: str  # in French (ORIGINES), or "" when unknown
    par: str  # who typed it, if anyone
    le: datetime | None


@dataclass(frozen=True)
class EffectifRetenu:
    pour_le: date  # the first day of the stage (or week) the figure is for
    valeur: Decimal | None  # None: no month declared before that day
    plafond: int  # interns per civil week (R124-10)
    mois_precedent: date  # the first day of the month before `pour_le`
    dernier: int | None  # that month's headcount, if declared
    moyenne: Decimal | None  # average of the months declared among `mois_moyenne`
    mois_declares: int
    mois_moyenne: int
    declaration: Declaration | None  # the latest month declared among those read

    @property
    def par_la_moyenne(self) -> bool:
        """The average won over the month before (R124-12 retains the higher)."""
        return (
            self.valeur is not None
            and self.moyenne is not None
            and self.moyenne == self.valeur
            and self.dernier != self.valeur
        )

    @property
    def entier(self) -> bool:
        return self.valeur is not None and self.valeur % 1 == 0


def _mois_avant(jour: date, n: int) -> date:
    index = jour.year * 12 + jour.month - 1 - n
    return date(index // 12, index % 12 + 1, 1)


def effectif_retenu(organisme: OrganismeAccueil, *, pour_le: date) -> EffectifRetenu:
    """The R124-12 headcount of `organisme` for a stage starting on `pour_le`."""
    return effectifs_retenus([(organisme, pour_le)])[0]


def effectifs_retenus(
    demandes: Sequence[tuple[OrganismeAccueil, date]],
) -> list[EffectifRetenu]:
    """The R124-12 headcount of each (host, first day) asked for, in 4 queries whatever their
    number: the hosts' months (organisme_pour_regles) and their headcount events."""
    if not demandes:
        return []
    p = parametres()
    hotes = {o.pk: o for o, _ in demandes}
    regles = dict(zip(hotes, organismes_pour_regles(list(hotes.values())), strict=True))
    # The latest event of each host's month: how the figure was obtained, by whom.
    evenements: dict[tuple[int, str], EvenementOrganisme] = {}
    for e in (
        EvenementOrganisme.objects.filter(organisme_id__in=list(hotes), action=Action.EFFECTIF)
        .select_related("auteur")
        .order_by("horodatage", "pk")
    ):
        evenements[(e.organisme_id, str(e.donnees.get("mois", "")))] = e
    return [_retenu(regles[o.pk], o.pk, pour_le, evenements, p) for o, pour_le in demandes]


def _retenu(
    regles: Organisme,
    pk: int,
    pour_le: date,
    evenements: dict[tuple[int, str], EvenementOrganisme],
    p: Parametres,
) -> EffectifRetenu:
    nombre = p.entier("quota.mois_moyenne_effectif", pour_le)
    valeur = effectif(regles, pour_le, mois_moyenne=nombre)
    plafond = (
        quota(valeur, p=p, le=pour_le)
        if valeur is not None
        else p.entier("quota.plafond_petit_organisme", pour_le)
    )
    mois = [_mois_avant(pour_le, i) for i in range(1, nombre + 1)]
    declares = {m: v for m in mois if (v := regles.effectifs.get(m)) is not None}
    declaration = None
    if declares:
        recent = max(declares)
        evenement = evenements.get((pk, recent.isoformat()))
        origine, par, le = "", "", None
        if evenement is not None:
            origine = ORIGINES.get(evenement.donnees.get("origine", ""), "")
            if evenement.auteur is not None:
                par = evenement.auteur.get_full_name() or evenement.auteur.email
                origine = origine or ORIGINES["saisie"]
            le = evenement.horodatage
        declaration = Declaration(recent, declares[recent], origine, par, le)
    return EffectifRetenu(
        pour_le=pour_le,
        valeur=valeur,
        plafond=plafond,
        mois_precedent=mois[0],
        dernier=declares.get(mois[0]),
        moyenne=(Decimal(sum(declares.values())) / len(declares)) if declares else None,
        mois_declares=len(declares),
        mois_moyenne=nombre,
        declaration=declaration,
    )
