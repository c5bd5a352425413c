"""The follow-up's e-mails, each sent after the commit (core.courrier.apres_validation): the
chosen slot confirmed to the référent and the tutor (with the event as an .ics file), a
visit cancelled. The proposal itself reaches the tutor with their space link (espaces)."""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import timezone

from core.courrier import apres_validation
from suivi.ics import evenement
from suivi.models import Visite


def _destinataires(visite: Visite) -> list[str]:
    adresses = [visite.referent.email]
    tuteur = visite.convention.tuteur
    if tuteur is not None and tuteur.email:
        adresses.append(tuteur.email)
    return [a for a in adresses if a]


def _debut(visite: Visite) -> datetime:
    assert visite.creneau is not None
    return timezone.make_aware(datetime.combine(visite.creneau.jour, visite.creneau.heure))


def _ics(visite: Visite, *, le: datetime, annule: bool = False) -> str:
    assert visite.creneau is not None
    c = visite.convention
    domaine = settings.SITE_URL.split("//")[-1].split("/")[0] or "stages"
    return evenement(
        uid=f"visite-{visite.pk}@{domaine}",
        debut=_debut(visite),
        duree=timedelta(minutes=visite.creneau.duree_minutes),
        titre=f"Visite de stage : {c.etudiant} chez {c.etablissement_accueil.organisme.raison_sociale}",
        lieu=visite.creneau.lieu,
        description=f"Visite de {visite.referent} (enseignant référent) au stage de {c.etudiant}.",
        horodatage=le,
        annule=annule,
    )


def _quand(visite: Visite) -> str:
    assert visite.creneau is not None
    cr = visite.creneau
    return f"le {cr.jour:%d/%m/%Y} à {cr.heure:%H:%M} ({cr.duree_minutes} min), {cr.lieu}"


def confirmer(visite_pk: int, le: datetime) -> None:
    apres_validation(partial(_confirmer, visite_pk, le))


def _charger(visite_pk: int) -> Visite:
    return Visite.objects.select_related(
        "creneau",
        "referent",
        "convention__etudiant",
        "convention__tuteur",
        "convention__etablissement_accueil__organisme",
    ).get(pk=visite_pk)


def _confirmer(visite_pk: int, le: datetime) -> None:
    visite = _charger(visite_pk)
    c = visite.convention
    corps = "\n".join(
        [
            "Bonjour,",
            "",
            f"La visite de stage de {c.etudiant} chez "
            f"{c.etablissement_accueil.organisme.raison_sociale} est fixée {_quand(visite)}.",
            f"Enseignant référent : {visite.referent} ({visite.referent.email}).",
            f"Tuteur : {c.tuteur or 'non désigné'}.",
            "",
            "Le fichier joint (visite.ics) l'ajoute à votre agenda.",
            "",
            "Stages",
        ]
    )
    message = EmailMessage(
        subject="Stages : visite de stage confirmée", body=corps, to=_destinataires(visite)
    )
    message.attach("visite.ics", _ics(visite, le=le), "text/calendar")
    message.send()


def annoncer_annulation(visite_pk: int, le: datetime) -> None:
    apres_validation(partial(_annulation, visite_pk, le))


def _annulation(visite_pk: int, le: datetime) -> None:
    visite = _charger(visite_pk)
    c = visite.convention
    corps = "\n".join(
        [
            "Bonjour,",
            "",
            f"La visite de stage de {c.etudiant} prévue {_quand(visite)} est annulée. "
            "L'enseignant référent vous proposera d'autres créneaux.",
            "",
            "Stages",
        ]
    )
    message = EmailMessage(
        subject="Stages : visite de stage annulée", body=corps, to=_destinataires(visite)
    )
    message.attach("visite.ics", _ics(visite, le=le, annule=True), "text/calendar")
    message.send()
