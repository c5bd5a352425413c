"""Presence confirmed by the host (L124-14): the weeks a tutor is asked to confirm in their
space, and their confirmation or correction.

What the tutor confirms is the record: each day is written through
`conventions.services.pointages_enregistrer` with the origin « confirmé par le tuteur » and
their name, under the locks of a decision of the law (the engine reads the other conventions
next). The engine runs before and after: if gratification becomes due (or stops being due),
or its month-by-month schedule changes, the tutor is told in plain words at once and the
référent by e-mail when whether it is due changed. The findings are computed from the log,
so the convention's page shows the new verdict without anything else to write.

Scope: a tutor's link, their own conventions whose log is kept (signed, under way, ended or
broken off, not attested) and not ended more than PRESENCE_RECUL_JOURS days ago."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import partial

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse

from conventions.models import Convention, Pointage
from conventions.moteur import Verdict, evaluer_convention
from conventions.semaines import Semaine, lundi_de, semaines
from conventions.services import JourSaisi, pointages_enregistrer
from conventions.verrous import verrouiller_pour_le_droit
from conventions.workflow import POINTAGE_POSSIBLE, garde_jour_releve
from core.audit import Action
from core.courrier import apres_validation
from espaces.models import LienEspace, Qualite
from organismes.selectors import organisme_pour_regles
from regles.calendrier import calendrier
from regles.echeancier import Mois
from regles.format import heures
from regles.parametres import ParametreNonEnVigueur, parametres
from regles.presence import Seuils, jours_prevus

RECUL_JOURS = 30  # when settings.PRESENCE_RECUL_JOURS is not there

MOIS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]


def recul() -> timedelta:
    return timedelta(days=getattr(settings, "PRESENCE_RECUL_JOURS", RECUL_JOURS))


def conventions_a_pointer(conventions: QuerySet[Convention], *, le: date) -> QuerySet[Convention]:
    """Of `conventions`, the ones whose log is kept, begun before `le` and not ended more than
    the setback ago."""
    return conventions.filter(
        statut__in=POINTAGE_POSSIBLE, debut__lt=le, fin__gte=le - recul()
    ).order_by("debut", "pk")


def conventions_du_tuteur(lien: LienEspace, *, le: date) -> QuerySet[Convention]:
    """The conventions a tutor's link may confirm the presence of: none for another link."""
    if lien.qualite != Qualite.TUTEUR or lien.tuteur_id is None:
        return Convention.objects.none()
    return conventions_a_pointer(Convention.objects.filter(tuteur_id=lien.tuteur_id), le=le)


@dataclass(frozen=True)
class Gratification:
    """What the engine says of a convention's gratification, for the tutor."""

    due: bool
    depuis: date | None  # its first day due (the stage's first day of the first month due)
    mois: tuple[Mois, ...]
    seuil: int  # minutes: strictly more makes it due

    @property
    def seuil_heures(self) -> str:
        return heures(self.seuil)

    def cle(self) -> tuple[tuple[date, int, Decimal, Decimal], ...]:
        return tuple((m.mois, m.compte, m.minimum, m.verse) for m in self.mois)


def gratification(verdict: Verdict) -> Gratification:
    c = verdict.resultat.convention
    mois = verdict.resultat.echeancier.mois
    premier = next((m.mois for m in mois if m.obligatoire), None)
    return Gratification(
        due=premier is not None,
        depuis=max(premier, c.debut) if premier else None,
        mois=mois,
        seuil=Seuils.au(parametres(), c.debut).gratification,
    )


@dataclass(frozen=True)
class Suivi:
    """One convention of the tutor's section: its weeks over and not confirmed, and its
    gratification as the engine sees it now."""

    convention: Convention
    semaines: list[Semaine]  # every week with a planned or recorded day
    a_confirmer: list[Semaine]
    gratification: Gratification


def suivre(convention: Convention, *, le: date) -> Suivi | None:
    """The weeks of `convention` and its gratification; None for a stage before the law
    Stages knows (no schedule to plan)."""
    try:
        verdict = evaluer_convention(convention)
        c = verdict.resultat.convention
        cal = calendrier(parametres().texte("reglages.zone_scolaire", c.debut))
    except (ParametreNonEnVigueur, ValueError):
        return None
    fermetures = organisme_pour_regles(convention.etablissement_accueil.organisme).fermetures
    toutes = semaines(
        c,
        prevus=jours_prevus(c, calendrier=cal, fermetures=fermetures),
        origines=dict(
            Pointage.objects.filter(convention=convention).values_list("jour", "origine")
        ),
        cal=cal,
        fermetures=fermetures,
    )
    return Suivi(
        convention,
        toutes,
        [s for s in toutes if s.terminee(le) and s.a_confirmer],
        gratification(verdict),
    )


def suivis(conventions: QuerySet[Convention], *, le: date) -> list[Suivi]:
    return [s for c in conventions if (s := suivre(c, le=le)) is not None]


def semaine_de(suivi: Suivi, lundi: date) -> Semaine | None:
    return next((s for s in suivi.semaines if s.lundi == lundi_de(lundi)), None)


@dataclass(frozen=True)
class Bilan:
    """What a confirmation changed, in the tutor's words."""

    corrigee: bool
    avant: Gratification
    apres: Gratification

    @property
    def due_change(self) -> bool:
        return self.avant.due != self.apres.due

    @property
    def echeancier_change(self) -> bool:
        return self.avant.cle() != self.apres.cle()

    @property
    def phrases(self) -> list[str]:
        if self.apres.due and not self.avant.due and self.apres.depuis:
            return [
                f"La gratification devient due à partir du {jour_texte(self.apres.depuis)} : "
                f"la durée du stage dépasse désormais {self.apres.seuil_heures}."
            ]
        if self.avant.due and not self.apres.due:
            return [
                "La gratification n'est plus obligatoire : la durée du stage ne dépasse plus "
                f"{self.apres.seuil_heures}."
            ]
        if self.echeancier_change:
            return ["Le calendrier de la gratification change : le voici mis à jour ci-dessous."]
        return []


def jour_texte(jour: date) -> str:
    premier = "1er" if jour.day == 1 else str(jour.day)
    return f"{premier} {MOIS[jour.month - 1]} {jour.year}"


class SemaineRefusee(Exception):
    """A week the tutor may not confirm (to come, or outside the stage)."""


@transaction.atomic
def semaine_confirmer(
    *,
    lien: LienEspace,
    convention: Convention,
    lundi: date,
    jours: Sequence[JourSaisi],
    corrigee: bool,
    aujourdhui: date,
) -> Bilan:
    """Record the week of `lundi` as the tutor confirms it (`corrigee`: they changed a day),
    all or nothing, and say what it changed. A day to come is refused, as everywhere."""
    if lien.tuteur is None:
        raise SemaineRefusee("Seul le tuteur du stage confirme sa présence.")
    for saisi in jours:
        if lundi_de(saisi.jour) != lundi:
            raise SemaineRefusee("Ce jour n'est pas dans la semaine affichée.")
        if refus := garde_jour_releve(saisi.jour, aujourdhui):
            raise SemaineRefusee(refus)
    verrouiller_pour_le_droit(convention)
    avant = gratification(evaluer_convention(convention))
    pointages_enregistrer(
        convention=convention,
        jours=jours,
        auteur=None,
        le=aujourdhui,
        origine="tuteur",
        tuteur=lien.tuteur,
        action=Action.PRESENCE_CORRIGEE if corrigee else Action.PRESENCE_CONFIRMEE,
    )
    bilan = Bilan(corrigee, avant, gratification(evaluer_convention(convention)))
    if bilan.due_change:
        apres_validation(partial(_prevenir_referent, convention.pk, bilan.phrases[0]))
    return bilan


def _prevenir_referent(convention_pk: int, phrase: str) -> None:
    """The référent learns that the tutor's confirmation changed whether gratification is
    due (the finding is on the convention's page)."""
    c = Convention.objects.select_related("etudiant", "referent", "tuteur").get(pk=convention_pk)
    if c.referent is None or not c.referent.email:
        return
    lignes = [
        f"Bonjour {c.referent},",
        "",
        f"{c.tuteur} vient de confirmer une semaine de présence de {c.etudiant} "
        f"(convention n° {c.pk}).",
        phrase,
        "",
        f"La convention : {settings.SITE_URL}{reverse('conventions:detail', args=[c.pk])}",
        "",
        "Stages",
    ]
    EmailMessage(
        subject=f"Gratification : convention n° {c.pk} de {c.etudiant}",
        body="\n".join(lignes),
        to=[c.referent.email],
    ).send()
