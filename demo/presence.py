"""The demo's presence confirmed by the tutors (espaces/presence.py): in every stage under way
on the demo's day, the weeks before the last one were confirmed by the tutor in their space;
the last one, typed by the section up to the day before, still waits for the tutor — it is
what « Présence à confirmer » shows in the tutor's space and /presence/ lists."""

from __future__ import annotations

from django.db.models import QuerySet

from conventions.models import Convention, OriginePointage, Statut
from conventions.semaines import lundi_de
from conventions.services import JourSaisi, pointages_enregistrer
from core.audit import Action
from demo.calendrier import DERNIER_JOUR_RELEVE


def presence_confirmer(conventions: QuerySet[Convention]) -> int:
    """Mark the weeks before the demo's week as confirmed by each stage's tutor, as their
    space would have written them. Returns the number of stages."""
    derniere = lundi_de(DERNIER_JOUR_RELEVE)
    nombre = 0
    for c in conventions.filter(statut=Statut.EN_COURS, tuteur__isnull=False).select_related(
        "tuteur"
    ):
        jours = [
            JourSaisi(p.jour, p.minutes_presence, p.absence, p.minutes_absence)
            for p in c.pointages.filter(jour__lt=derniere)
        ]
        if not jours:
            continue
        pointages_enregistrer(
            convention=c,
            jours=jours,
            auteur=None,
            le=DERNIER_JOUR_RELEVE,
            origine=OriginePointage.TUTEUR,
            tuteur=c.tuteur,
            action=Action.PRESENCE_CONFIRMEE,
        )
        nombre += 1
    return nombre
