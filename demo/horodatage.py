"""The demo's timestamps told by its story, not by the minute it was built.

The services stamp every record with the clock (`auto_now_add`): built in one go, a January
2026 convention would show its creation, validation and signatures on the day the demo was
built, months after its stage. Once the demo is built, each convention's timeline is
stamped again as the section lived it (created ten weeks before the stage, submitted,
validated, signed three weeks before, started on its first day, over on its last, attested
a week later), in the order it happened, never after the story's day (demo/calendrier.py)
nor after the build itself: no record is dated in the future of whoever opens the demo.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

from django.db.models import QuerySet
from django.utils import timezone

from conventions.models import Avenant, Convention, EvenementConvention, Pointage
from demo.calendrier import DERNIER_JOUR_RELEVE, JOUR_DE_LA_DEMO
from organismes.models import EvenementOrganisme, OrganismeAccueil

UNE_MINUTE = timedelta(minutes=1)


def _a(jour: date, heure: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(jour, time(heure)))


def limite(maintenant: datetime) -> datetime:
    """The latest moment a record of the story may bear: the story's day, or the build's
    moment if that is earlier."""
    return min(maintenant, _a(JOUR_DE_LA_DEMO, 17))


def _prevu(action: str, c: Convention, debut: date, fin: date) -> datetime:
    """When the section does `action` on a convention whose stage runs from debut to fin."""
    releve = min(fin, DERNIER_JOUR_RELEVE)
    signee = c.date_signature or debut - timedelta(days=21)
    moments = {
        "creation": _a(debut - timedelta(weeks=10), 9),
        "modification": _a(debut - timedelta(weeks=9)),
        "soumettre": _a(debut - timedelta(weeks=8)),
        "renvoyer": _a(debut - timedelta(weeks=8), 15),
        "acquittement": _a(debut - timedelta(weeks=7), 11),
        "valider": _a(debut - timedelta(weeks=7), 11),
        "refuser": _a(debut - timedelta(weeks=7), 11),
        "envoyer_signature": _a(debut - timedelta(weeks=6), 14),
        "enregistrer_signatures": _a(signee, 16),
        "annuler": _a(debut - timedelta(weeks=4)),
        "demarrer": _a(debut, 9),
        "presence": _a(releve, 18),
        "presence_confirmee": _a(releve, 18),  # the tutor's weeks (demo/presence.py)
        "avenant": _a(signee + timedelta(days=1), 11),
        "rompre": _a(c.rupture_dernier_jour or fin, 18),
        "terminer": _a(fin, 18),
        "attester": _a(fin + timedelta(days=7)),
    }
    return moments.get(action, _a(debut - timedelta(weeks=9)))


def _convention(c: Convention, plafond: datetime) -> None:
    periodes = sorted(c.periodes.all(), key=lambda p: p.debut)
    if not periodes:
        return
    debut, fin = periodes[0].debut, c.rupture_dernier_jour or periodes[-1].fin
    # A convention that follows a stage ended early is written after that end, not before.
    ruptures = [
        r
        for r in Convention.objects.filter(etudiant_id=c.etudiant_id)
        .exclude(pk=c.pk)
        .values_list("rupture_dernier_jour", flat=True)
        if r is not None and r < debut
    ]
    precedent: datetime | None = None
    if ruptures:  # the next working day, at opening time
        lendemain = max(ruptures) + timedelta(days=1)
        while lendemain.weekday() >= 5:
            lendemain += timedelta(days=1)
        precedent = _a(lendemain, 9) - UNE_MINUTE
    for evenement in c.evenements.order_by("pk"):
        moment = _prevu(evenement.action, c, debut, fin)
        if precedent is not None:
            moment = max(moment, precedent + UNE_MINUTE)  # the order they happened in
        moment = min(moment, plafond)
        EvenementConvention.objects.filter(pk=evenement.pk).update(horodatage=moment)
        if evenement.action == "avenant":
            Avenant.objects.filter(convention=c).update(cree_le=moment)
        precedent = moment
    premier = c.evenements.order_by("horodatage", "pk").values_list("horodatage", flat=True)
    cree = premier.first() or min(_a(debut - timedelta(weeks=10), 9), plafond)
    Convention.objects.filter(pk=c.pk).update(cree_le=cree, modifie_le=precedent or cree)
    for jour in c.pointages.values_list("jour", flat=True):
        Pointage.objects.filter(convention=c, jour=jour).update(saisi_le=min(_a(jour, 18), plafond))


def _organismes(organismes: QuerySet[OrganismeAccueil], plafond: datetime) -> None:
    """A month's headcount is declared at the start of the next month."""
    for evenement in EvenementOrganisme.objects.filter(organisme__in=organismes):
        quand = evenement.donnees.get("mois") or evenement.donnees.get("lundi")
        try:
            jour = date.fromisoformat(str(quand))
        except ValueError:
            continue
        suivant = (jour.replace(day=28) + timedelta(days=4)).replace(day=1)
        EvenementOrganisme.objects.filter(pk=evenement.pk).update(
            horodatage=min(_a(suivant), plafond)
        )


def horodater(
    conventions: Iterable[Convention],
    organismes: QuerySet[OrganismeAccueil],
    *,
    maintenant: datetime,
) -> None:
    """Stamp the demo's records along its story, none later than `limite(maintenant)`."""
    plafond = limite(maintenant)
    for c in conventions:
        _convention(c, plafond)
    _organismes(organismes, plafond)
