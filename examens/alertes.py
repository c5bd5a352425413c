"""Alerts before the deposit deadline of the exam dossiers, a pass of `manage.py relances`
(settings.RELANCES_AUTRES_PASSES).

- 30, 15 and 7 days before the deadline (reglages.ndrc_alerte_dossier_jours, read on the
  deadline), the student and their référent are written to for every dossier not yet
  conforme, with what is missing and who must act. The alert of a threshold goes out at the
  first pass on or after its day: a pass missed on day 30 writes on day 29, and a first pass
  6 days before the deadline sends the 7-day alert only (never three at once).
- The day before (reglages.ndrc_alerte_dossier_personnel_jours), the section's administrators
  receive one e-mail listing every dossier still non-conforme.

Never twice: each alert is an `AlerteDossier` row (unique per session, student, threshold and
recipient), written in the same transaction as the e-mail is queued (sent once committed,
core.courrier.apres_validation); a second pass, or two passes at once, find the row and send
nothing. The pass never reads the clock: it is given the moment (`le`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import partial

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from comptes.models import Role, Utilisateur
from core.courrier import apres_validation
from examens.models import AlerteDossier, SessionExamen
from examens.preparation import Ligne, preparations_session
from regles.dossier_examen import Etat, jours_alerte
from regles.parametres import ParametreNonEnVigueur, parametres

ETUDIANT = "etudiant"
REFERENT = "referent"
PERSONNEL = "personnel"

# No threshold is further than this from the deadline (the model bounds `jours_avant` too).
HORIZON_JOURS = 366


@dataclass(frozen=True)
class Bilan:
    etudiants: int  # e-mails to students
    referents: int  # e-mails to référents
    personnel: int  # lists sent to the administrators


def passe(*, le: datetime) -> str:
    """The pass `manage.py relances` runs after its own; the line it prints."""
    bilan = alertes_envoyer(aujourdhui=timezone.localdate(le), le=le)
    return (
        f"{bilan.etudiants + bilan.referents} alerte(s) sur les dossiers d'examen "
        f"(étudiants et référents), {bilan.personnel} liste(s) des dossiers non conformes "
        "envoyée(s) à la section."
    )


def _envoyer(sujet: str, corps: str, a: list[str]) -> None:
    EmailMessage(subject=sujet, body=corps, to=a).send()


def _seuil_courant(restants: int, seuils: tuple[int, ...]) -> int | None:
    """The alert due when `restants` days are left: the nearest threshold reached."""
    atteints = [s for s in seuils if restants <= s]
    return min(atteints) if atteints else None


def _noter(session: SessionExamen, etudiant_pk: int, seuil: int, qui: str, le: datetime) -> bool:
    """Write the alert's row; False when it exists already (sent by an earlier pass)."""
    try:
        with transaction.atomic():
            _, cree = AlerteDossier.objects.get_or_create(
                session=session,
                etudiant_id=etudiant_pk,
                jours_avant=seuil,
                destinataire=qui,
                defaults={"envoyee_le": le},
            )
    except IntegrityError:  # a pass running at the same moment wrote it first
        return False
    return cree


def _corps(ligne: Ligne, session: SessionExamen, restants: int, *, pour: str) -> str:
    e = ligne.etudiant
    r = ligne.preparation
    limite = f"{session.date_limite_depot:%d/%m/%Y}"
    if pour == ETUDIANT:
        debut = [
            f"Bonjour {e.prenom},",
            "",
            f"Votre dossier d'examen (E4 et E6) doit être déposé au plus tard le {limite}, "
            f"dans {restants} jour{'s' if restants > 1 else ''}. Il n'est pas encore conforme : "
            "sans dossier conforme à cette date, l'épreuve est notée « non valide » et le "
            "diplôme ne peut pas être obtenu à cette session.",
        ]
        lien = f"{settings.SITE_URL}{reverse('etablissement:mon_stage')}"
    else:
        debut = [
            "Bonjour,",
            "",
            f"Le dossier d'examen (E4 et E6) de {e.prenom} {e.nom}, dont vous êtes le "
            f"référent, doit être déposé au plus tard le {limite}, dans {restants} "
            f"jour{'s' if restants > 1 else ''}. Il n'est pas encore conforme.",
        ]
        lien = f"{settings.SITE_URL}{reverse('examens:preparation_etudiant', args=[e.pk])}"
    manque = [f"- {k.texte} (à faire par {k.acteur.libelle})" for k in r.constats if k.bloquant]
    return "\n".join(
        [
            *debut,
            "",
            "Ce qui manque :",
            *manque,
            "",
            "Le détail, après connexion :",
            lien,
            "",
            "Stages",
        ]
    )


@transaction.atomic
def _alerter(
    session: SessionExamen, ligne: Ligne, seuil: int, restants: int, qui: str, le: datetime
) -> bool:
    e = ligne.etudiant
    if qui == ETUDIANT:
        adresse = e.email or (e.utilisateur.email if e.utilisateur else "")
    else:
        adresse = e.referent.email if e.referent else ""
    if not adresse or not _noter(session, e.pk, seuil, qui, le):
        return False
    sujet = (
        f"Stages : votre dossier d'examen est à compléter avant le "
        f"{session.date_limite_depot:%d/%m/%Y}"
        if qui == ETUDIANT
        else f"Stages : dossier d'examen de {e.prenom} {e.nom} à compléter"
    )
    apres_validation(
        partial(_envoyer, sujet, _corps(ligne, session, restants, pour=qui), [adresse])
    )
    return True


def _administrateurs() -> list[str]:
    return list(
        Utilisateur.objects.filter(is_active=True)
        .filter(Q(role=Role.ADMINISTRATEUR) | Q(is_superuser=True))
        .order_by("email")
        .values_list("email", flat=True)
    )


@transaction.atomic
def _alerter_personnel(
    session: SessionExamen, lignes: list[Ligne], seuil: int, le: datetime
) -> bool:
    """One e-mail listing the dossiers still non-conforme not yet listed to the section."""
    adresses = _administrateurs()
    if not adresses:
        return False
    nouvelles = [
        ligne for ligne in lignes if _noter(session, ligne.etudiant.pk, seuil, PERSONNEL, le)
    ]
    if not nouvelles:
        return False
    limite = f"{session.date_limite_depot:%d/%m/%Y}"
    corps = [
        "Bonjour,",
        "",
        f"Date limite de dépôt des dossiers d'examen de la promotion {session.promotion} : "
        f"le {limite}. {len(nouvelles)} dossier{'s' if len(nouvelles) > 1 else ''} "
        f"{'ne sont' if len(nouvelles) > 1 else 'n’est'} pas conforme"
        f"{'s' if len(nouvelles) > 1 else ''} :",
        "",
    ]
    for ligne in nouvelles:
        e = ligne.etudiant
        referent = f", référent : {e.referent}" if e.referent else ""
        corps.append(f"{e.nom} {e.prenom}{referent}")
        corps.extend(f"  - {k.texte}" for k in ligne.preparation.constats if k.bloquant)
    corps += [
        "",
        "La préparation des dossiers de la promotion, après connexion :",
        f"{settings.SITE_URL}"
        f"{reverse('examens:preparation_cohorte', kwargs={'promotion': session.promotion_id})}",
        "",
        "Stages",
    ]
    sujet = f"Stages : {len(nouvelles)} dossier(s) d'examen non conforme(s) avant le {limite}"
    apres_validation(partial(_envoyer, sujet, "\n".join(corps), adresses))
    return True


def alertes_envoyer(*, aujourdhui: date, le: datetime) -> Bilan:
    """One pass on `aujourdhui` (`le`: the moment written on each alert)."""
    etudiants = referents = personnel = 0
    sessions = SessionExamen.objects.select_related("promotion").filter(
        date_limite_depot__gte=aujourdhui,
        date_limite_depot__lte=aujourdhui + timedelta(days=HORIZON_JOURS),
    )
    p = parametres()
    for session in sessions.order_by("date_limite_depot", "pk"):
        limite = session.date_limite_depot
        restants = (limite - aujourdhui).days
        try:
            seuil = _seuil_courant(restants, jours_alerte(p, limite))
            veille = p.entier("reglages.ndrc_alerte_dossier_personnel_jours", limite)
        except ParametreNonEnVigueur:
            continue
        if seuil is None and restants > veille:
            continue
        a_completer = [
            ligne
            for ligne in preparations_session(session, le=aujourdhui)
            if ligne.preparation.etat != Etat.CONFORME
        ]
        if seuil is not None and restants > 0:
            for ligne in a_completer:
                etudiants += _alerter(session, ligne, seuil, restants, ETUDIANT, le)
                referents += _alerter(session, ligne, seuil, restants, REFERENT, le)
        if restants <= veille and a_completer:
            personnel += _alerter_personnel(session, a_completer, veille, le)
    return Bilan(etudiants, referents, personnel)
