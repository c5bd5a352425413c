"""The evaluations asked at the end of each period of a stage, and their reminders.

When a period of a signed stage is over (its last day, or the last day of a stage ended
early, passed), its tutor's and its student's evaluations are created and asked for, once;
then reminded at J+3 and J+10 (settings.EVALUATIONS_RELANCES_JOURS) while not answered,
never twice (the evaluation counts its reminders), at most one e-mail a day. A period over
for longer than settings.EVALUATIONS_FENETRE_JOURS is not asked for any more: a first pass on
years of history writes to nobody about stages long gone.

The student's e-mail points to « Mon stage ». The tutor's carries their space's personal
link: that link belongs to the spaces (a layer above), so the caller hands in the function
that sends it (`au_tuteur`; espaces/evaluations.py). The pass never reads the clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import partial

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from conventions.models import PeriodeConvention, Statut
from conventions.workflow import A_ATTESTER
from core.courrier import apres_validation
from evaluations.models import Evaluation, TypeQuestionnaire
from evaluations.selectors import version_publiee

# au_tuteur(evaluation, rang, le): e-mail the tutor (rang 0: the request, 1, 2…: reminders);
# False when it could not (no address): asked again at the next pass.
AuTuteur = Callable[[Evaluation, int, datetime], bool]

DEMANDEES = (TypeQuestionnaire.TUTEUR, TypeQuestionnaire.ETUDIANT)


def relances_jours() -> tuple[int, ...]:
    return tuple(getattr(settings, "EVALUATIONS_RELANCES_JOURS", (3, 10)))


def fenetre() -> timedelta:
    return timedelta(days=getattr(settings, "EVALUATIONS_FENETRE_JOURS", 30))


def _jour(moment: datetime) -> date:
    return timezone.localdate(moment)


def periodes_terminees(*, le: datetime) -> list[PeriodeConvention]:
    """The periods over at `le`, not longer ago than the window, of stages that took place."""
    aujourdhui = _jour(le)
    depuis = aujourdhui - fenetre()
    return list(
        PeriodeConvention.objects.filter(
            convention__statut__in=(*A_ATTESTER, Statut.ATTESTEE),
        )
        .filter(
            Q(fin__lt=aujourdhui, fin__gte=depuis)
            | Q(
                convention__rupture_dernier_jour__lt=aujourdhui,
                convention__rupture_dernier_jour__gte=depuis,
            )
        )
        .exclude(convention__rupture_dernier_jour__lt=F("debut"))
        .select_related("convention__etudiant", "convention__tuteur")
        .order_by("pk")
    )


def rang_du(evaluation: Evaluation, *, le: datetime) -> int | None:
    """Which e-mail `evaluation` is owed at `le`: 0 the request, n the n-th reminder, None
    nothing (answered, all reminders sent, not yet time, or already one today)."""
    if evaluation.remplie_le is not None:
        return None
    if evaluation.demandee_le is None:
        return 0
    jours = relances_jours()
    if evaluation.relances >= len(jours):
        return None
    dernier = evaluation.relancee_le or evaluation.demandee_le
    if _jour(dernier) >= _jour(le):
        return None
    if (_jour(le) - _jour(evaluation.demandee_le)).days < jours[evaluation.relances]:
        return None
    return evaluation.relances + 1


def mon_stage_url() -> str:
    return f"{settings.SITE_URL}{reverse('etablissement:mon_stage')}"


def _ecrire_etudiant(evaluation_pk: int, rang: int) -> None:
    ev = Evaluation.objects.select_related("convention__etudiant", "periode").get(pk=evaluation_pk)
    eleve = ev.convention.etudiant
    organisme = ev.convention.etablissement_accueil.organisme.raison_sociale
    debut = "Rappel : v" if rang else "V"
    lignes = [
        f"Bonjour {eleve.prenom},",
        "",
        f"{debut}otre période de stage chez {organisme}, du {ev.periode.debut:%d/%m/%Y} au "
        f"{ev.periode.fin:%d/%m/%Y}, est terminée. Donnez-nous votre avis sur ce stage et sur "
        "l'organisme : cela aide la section à choisir les prochains lieux de stage.",
        "",
        "Le formulaire est sur votre page « Mon stage », après connexion :",
        mon_stage_url(),
        "",
        "Stages",
    ]
    EmailMessage(
        subject=f"Stages : votre avis sur le stage chez {organisme}",
        body="\n".join(lignes),
        to=[eleve.email],
    ).send()


def _au_etudiant(evaluation: Evaluation, rang: int, le: datetime) -> bool:
    if not evaluation.convention.etudiant.email:
        return False
    apres_validation(partial(_ecrire_etudiant, evaluation.pk, rang))
    return True


@dataclass(frozen=True)
class Bilan:
    demandes: int
    relances: int


@transaction.atomic
def _traiter(evaluation: Evaluation, *, le: datetime, au_tuteur: AuTuteur) -> int | None:
    verrouillee = Evaluation.objects.select_for_update().get(pk=evaluation.pk)
    rang = rang_du(verrouillee, le=le)
    if rang is None:
        return None
    ecrire = au_tuteur if verrouillee.type == TypeQuestionnaire.TUTEUR else _au_etudiant
    if not ecrire(verrouillee, rang, le):
        return None
    if rang == 0:
        verrouillee.demandee_le = le
    else:
        verrouillee.relances = rang
        verrouillee.relancee_le = le
    verrouillee.save(update_fields=["demandee_le", "relances", "relancee_le"])
    return rang


def evaluations_demander(*, le: datetime, au_tuteur: AuTuteur) -> Bilan:
    """One pass: create the evaluations of the periods just over, ask for them, remind."""
    terminees = periodes_terminees(le=le)
    for periode in terminees:
        for type_ in DEMANDEES:
            publiee = version_publiee(type_)
            if publiee is None:
                continue
            Evaluation.objects.get_or_create(
                periode=periode,
                type=type_,
                defaults={"convention_id": periode.convention_id, "questionnaire": publiee},
            )
    demandes = relances = 0
    # Asked already (its reminders), or of a period just over (its request).
    a_traiter = (
        Evaluation.objects.filter(type__in=DEMANDEES, remplie_le__isnull=True)
        .filter(Q(demandee_le__isnull=False) | Q(periode__in=[p.pk for p in terminees]))
        .order_by("pk")
    )
    for evaluation in a_traiter:
        rang = _traiter(evaluation, le=le, au_tuteur=au_tuteur)
        if rang == 0:
            demandes += 1
        elif rang is not None:
            relances += 1
    return Bilan(demandes, relances)
