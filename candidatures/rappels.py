"""Reminders to the students still without a place, on the days the section sets
(RappelRecherche), a pass of `manage.py relances` (settings.RELANCES_AUTRES_PASSES).

A reminder goes out at the first pass on or after its day, while its period is not over,
to each student of the cohort (not archived) without a convention over the period, with an
address (their record's, else their account's). Never twice: each one is a `RappelEnvoye`
row (unique per reminder and student), written in the same transaction as the e-mail is
queued (sent once committed, core.courrier.apres_validation). The pass never reads the
clock: it is given the moment (`le`)."""

from __future__ import annotations

from datetime import datetime
from functools import partial

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from candidatures.models import Candidature, RappelEnvoye, RappelRecherche
from candidatures.selectors import Situation, situations_de
from core.courrier import apres_validation
from etablissement.models import Etudiant


def passe(*, le: datetime) -> str:
    """The pass `manage.py relances` runs after its own; the line it prints."""
    envoyes = rappels_envoyer(le=le)
    return f"{envoyes} rappel(s) de recherche de stage envoyé(s) aux étudiants sans place."


def _envoyer(sujet: str, corps: str, a: list[str]) -> None:
    EmailMessage(subject=sujet, body=corps, to=a).send()


def _corps(etudiant: Etudiant, rappel: RappelRecherche, candidatures: int) -> str:
    p = rappel.periode
    notees = (
        f"Vous avez noté {candidatures} candidature{'s' if candidatures > 1 else ''} pour "
        "cette période : notez aussi les réponses, votre référent les lit."
        if candidatures
        else "Vous n'avez noté aucune candidature pour cette période : notez chaque "
        "entreprise contactée, votre référent suit votre recherche."
    )
    return "\n".join(
        [
            f"Bonjour {etudiant.prenom},",
            "",
            f"Le {p.libelle.lower()} a lieu du {p.debut:%d/%m/%Y} au {p.fin:%d/%m/%Y} et vous "
            "n'avez pas encore de convention pour cette période.",
            notees,
            "",
            "Vos candidatures et les offres que la section a reçues des entreprises, après "
            "connexion :",
            f"{settings.SITE_URL}{reverse('candidatures:recherche')}",
            "",
            "Stages",
        ]
    )


@transaction.atomic
def _rappeler(rappel: RappelRecherche, etudiant: Etudiant, candidatures: int, le: datetime) -> bool:
    adresse = etudiant.email or (etudiant.utilisateur.email if etudiant.utilisateur else "")
    if not adresse:
        return False
    try:
        with transaction.atomic():
            _, cree = RappelEnvoye.objects.get_or_create(
                rappel=rappel, etudiant=etudiant, defaults={"envoye_le": le}
            )
    except IntegrityError:  # a pass running at the same moment wrote it first
        return False
    if not cree:
        return False
    sujet = f"Stages : votre recherche de stage pour le {rappel.periode.libelle.lower()}"
    apres_validation(partial(_envoyer, sujet, _corps(etudiant, rappel, candidatures), [adresse]))
    return True


def rappels_envoyer(*, le: datetime) -> int:
    aujourdhui = timezone.localdate(le)
    rappels = list(
        RappelRecherche.objects.filter(jour__lte=aujourdhui, periode__fin__gte=aujourdhui)
        .select_related("periode")
        .order_by("jour", "pk")
    )
    envoyes = 0
    for rappel in rappels:
        deja = set(rappel.envois.values_list("etudiant_id", flat=True))
        eleves = [
            e
            for e in Etudiant.objects.filter(
                promotion_id=rappel.periode.promotion_id, archive=False
            ).select_related("utilisateur")
            if e.pk not in deja
        ]
        situations = situations_de(eleves, [rappel.periode])
        nombres: dict[int, int] = {}
        for etudiant_id in Candidature.objects.filter(periode=rappel.periode).values_list(
            "etudiant_id", flat=True
        ):
            nombres[etudiant_id] = nombres.get(etudiant_id, 0) + 1
        for e in eleves:
            if situations[e.pk, rappel.periode.pk] == Situation.SANS_PLACE and _rappeler(
                rappel, e, nombres.get(e.pk, 0), le
            ):
                envoyes += 1
    return envoyes
