"""E-mails sent after a convention changes status (always after the commit)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail

from conventions.models import Convention
from conventions.workflow import Transition


def destinataires(convention: Convention) -> list[str]:
    adresses = [convention.etudiant.email]
    if convention.referent_id and convention.referent:
        adresses.append(convention.referent.email)
    return [a for a in adresses if a]


def notifier_transition(convention: Convention, transition: Transition, motif: str) -> None:
    adresses = destinataires(convention)
    if not adresses:
        return
    lignes = [
        "Bonjour,",
        "",
        f"La convention de stage de {convention.etudiant} chez {convention.etablissement_accueil} "
        f"est maintenant « {convention.get_statut_display().lower()} » "
        f"(action : {transition.libelle.lower()}).",
    ]
    if motif:
        lignes += ["", f"Motif : {motif}"]
    lignes += [
        "",
        f"Voir la convention : {settings.SITE_URL}/conventions/{convention.pk}/",
        "",
        "Stages",
    ]
    send_mail(
        subject=f"Convention n° {convention.pk} : {convention.get_statut_display().lower()}",
        message="\n".join(lignes),
        from_email=None,
        recipient_list=adresses,
    )
