"""Reads of the prospecting: the filtered list, a prospect's history, a campaign's recipients."""

from __future__ import annotations

from django.db.models import Count, Min, Q, QuerySet
from django.utils import timezone

from core.recherche import normaliser
from prospection.models import Campagne, Destinataire, Echange, Prospect


def prospects(
    *, recherche: str = "", statut: str = "", secteur: str = "", relance_due: bool = False
) -> QuerySet[Prospect]:
    """The prospects, with the earliest due date of their next steps (`prochaine_echeance`)."""
    liste = Prospect.objects.annotate(prochaine_echeance=Min("echanges__echeance"))
    for mot in normaliser(recherche).split():
        liste = liste.filter(recherche__contains=mot)
    if statut:
        liste = liste.filter(statut=statut)
    if secteur:
        liste = liste.filter(secteur__iexact=secteur)
    if relance_due:
        liste = liste.filter(echanges__echeance__lte=timezone.localdate()).distinct()
    return liste.order_by("nom", "id")


def secteurs() -> list[str]:
    return sorted(
        set(Prospect.objects.exclude(secteur="").values_list("secteur", flat=True)), key=normaliser
    )


def prospect(pk: int) -> Prospect:
    return Prospect.objects.select_related("organisme").get(pk=pk)


def echanges(prospect: Prospect) -> QuerySet[Echange]:
    return prospect.echanges.select_related("auteur")


def campagnes() -> QuerySet[Campagne]:
    return Campagne.objects.select_related("cree_par").annotate(
        nombre=Count("destinataires"),
        ouverts=Count("destinataires", filter=Q(destinataires__ouvert_le__isnull=False)),
        proposes=Count("destinataires", filter=Q(destinataires__proposition__isnull=False)),
    )


def campagne(pk: int) -> Campagne:
    return campagnes().get(pk=pk)


def destinataires(campagne: Campagne) -> QuerySet[Destinataire]:
    return campagne.destinataires.select_related("prospect", "proposition")
