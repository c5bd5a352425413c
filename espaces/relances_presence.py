"""The weekly request to tutors to confirm the presence, and its reminder
(`manage.py relances_presence`, run with `manage.py relances` by the same timer).

A week over and not confirmed is asked for at the first pass after it ends — the Monday
after, when the pass runs daily — once; if it is still not confirmed PRESENCE_RAPPEL_JOURS
days later, it is recalled, once. A tutor gets one e-mail per pass, whatever the number of
their weeks and stages. Every e-mail is written in the trail of the tutor's link
(`EvenementEspace`, the weeks it names and the moment of the pass), which is also what tells
the next pass what was already asked: a pass run twice sends nothing twice.

The link. Only its SHA-256 is stored, so an e-mail that carries the link carries a new one,
and a new one revokes the previous one (espaces.services.lien_envoyer). A tutor sent a link
in the last PRESENCE_LIEN_RECENT_JOURS days, still valid past the reminder's delay, keeps it:
the request then points to that e-mail instead of replacing it — a link that stops working
two days after it came would be worse than one more e-mail to look for. Otherwise the request
carries a new link. The pass never reads the clock: it is given the moment (`le`)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import partial

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from conventions.models import Convention
from core.audit import Action
from core.courrier import apres_validation
from espaces.models import EvenementEspace, LienEspace
from espaces.presence import conventions_a_pointer, suivre
from espaces.services import EnvoiRefuse, lien_envoyer, titulaire_tuteur
from organismes.models import Tuteur


@dataclass(frozen=True)
class Cadence:
    rappel: int  # days between the request and its reminder
    lien_recent: int  # a link sent so many days ago or less is kept

    @classmethod
    def reglee(cls) -> Cadence:
        return cls(
            rappel=getattr(settings, "PRESENCE_RAPPEL_JOURS", 3),
            lien_recent=getattr(settings, "PRESENCE_LIEN_RECENT_JOURS", 7),
        )


@dataclass(frozen=True)
class Bilan:
    demandes: int  # e-mails asking for new weeks (a reminder may ride along)
    rappels: int  # e-mails that only recall weeks already asked for


@dataclass(frozen=True)
class Semaine:
    cle: str  # "<convention pk>:<Monday ISO>", what the trail keeps
    texte: str  # the student and the week, for the e-mail


def relances_presence_envoyer(*, le: datetime, cadence: Cadence | None = None) -> Bilan:
    """One pass at the moment `le`: each tutor with weeks to ask for or to recall gets one
    e-mail."""
    cadence = cadence or Cadence.reglee()
    aujourdhui = timezone.localdate(le)
    par_tuteur: dict[Tuteur, list[Convention]] = defaultdict(list)
    for c in conventions_a_pointer(
        Convention.objects.filter(tuteur__isnull=False).select_related(
            "tuteur__organisme", "etudiant", "etablissement_accueil__organisme"
        ),
        le=aujourdhui,
    ):
        assert c.tuteur is not None
        par_tuteur[c.tuteur].append(c)
    demandes = rappels = 0
    for tuteur, conventions in par_tuteur.items():
        envoi = _tuteur(tuteur, conventions, le=le, aujourdhui=aujourdhui, cadence=cadence)
        demandes += envoi == "demande"
        rappels += envoi == "rappel"
    return Bilan(demandes, rappels)


def passe(*, le: datetime) -> str:
    """The pass `manage.py relances` runs after its own (settings.RELANCES_AUTRES_PASSES):
    one timer for every reminder; the line it prints."""
    bilan = relances_presence_envoyer(le=le)
    return (
        f"{bilan.demandes} demande(s) de confirmation de présence, "
        f"{bilan.rappels} rappel(s) de présence."
    )


def _semaines(conventions: list[Convention], aujourdhui: date) -> list[Semaine]:
    semaines = []
    for c in conventions:
        suivi = suivre(c, le=aujourdhui)
        # A civil week is asked for once it is over: on the Monday after.
        for s in (s for s in (suivi.a_confirmer if suivi else ()) if s.dimanche < aujourdhui):
            semaines.append(
                Semaine(
                    f"{c.pk}:{s.lundi.isoformat()}",
                    f"{c.etudiant} : semaine du {s.lundi:%d/%m/%Y} au {s.dimanche:%d/%m/%Y}",
                )
            )
    return semaines


def _deja(tuteur: Tuteur) -> tuple[dict[str, datetime], set[str]]:
    """The weeks already asked for (when) and already recalled, from the links' trail."""
    demandees: dict[str, datetime] = {}
    rappelees: set[str] = set()
    for action, donnees in EvenementEspace.objects.filter(
        lien__tuteur=tuteur, action__in=(Action.PRESENCE_DEMANDE, Action.PRESENCE_RAPPEL)
    ).values_list("action", "donnees"):
        for cle in donnees.get("semaines", ()):
            if action == Action.PRESENCE_DEMANDE:
                demandees[cle] = datetime.fromisoformat(donnees["le"])
            else:
                rappelees.add(cle)
    return demandees, rappelees


@transaction.atomic
def _tuteur(
    tuteur: Tuteur,
    conventions: list[Convention],
    *,
    le: datetime,
    aujourdhui: date,
    cadence: Cadence,
) -> str:
    """Ask one tutor for their new weeks and recall the old ones: "demande", "rappel" or ""
    (nothing to send, or no address on record)."""
    # One pass at a time per tutor: the second waits, then sees the first one's trail.
    Tuteur.objects.select_for_update().filter(pk=tuteur.pk).first()
    semaines = _semaines(conventions, aujourdhui)
    demandees, rappelees = _deja(tuteur)
    nouvelles = [s for s in semaines if s.cle not in demandees]
    a_rappeler = [
        s
        for s in semaines
        if s.cle in demandees
        and s.cle not in rappelees
        and le >= demandees[s.cle] + timedelta(days=cadence.rappel)
    ]
    if not nouvelles and not a_rappeler:
        return ""
    paragraphes = _paragraphes(nouvelles, a_rappeler)
    recent = (
        LienEspace.objects.filter(
            tuteur=tuteur,
            revoque_le__isnull=True,
            envoye_le__gte=le - timedelta(days=cadence.lien_recent),
            expire_le__gt=le + timedelta(days=cadence.rappel),
        )
        .order_by("-envoye_le", "-pk")
        .first()
    )
    if recent is not None:
        lien = recent
        apres_validation(partial(_sans_lien, recent.pk, tuple(paragraphes)))
    else:
        try:
            lien = lien_envoyer(
                titulaire=titulaire_tuteur(tuteur), le=le, auteur=None, phrases=tuple(paragraphes)
            ).lien
        except EnvoiRefuse:
            return ""
    for action, liste in (
        (Action.PRESENCE_DEMANDE, nouvelles),
        (Action.PRESENCE_RAPPEL, a_rappeler),
    ):
        if liste:
            EvenementEspace.objects.create(
                lien=lien,
                action=action,
                auteur=None,
                donnees={"semaines": [s.cle for s in liste], "le": le.isoformat()},
            )
    return "demande" if nouvelles else "rappel"


def _paragraphes(nouvelles: list[Semaine], a_rappeler: list[Semaine]) -> list[str]:
    lignes = []
    if nouvelles:
        lignes.append(
            "Merci de confirmer la présence de votre stagiaire pour "
            + ("cette semaine :" if len(nouvelles) == 1 else "ces semaines :")
        )
        lignes += [f"- {s.texte}" for s in nouvelles]
    if a_rappeler:
        lignes.append(
            "Rappel : ces semaines attendent encore votre confirmation :"
            if len(a_rappeler) > 1
            else "Rappel : cette semaine attend encore votre confirmation :"
        )
        lignes += [f"- {s.texte}" for s in a_rappeler]
    lignes.append(
        "Dans votre espace, rubrique « Présence à confirmer » : un clic si la présence a été "
        "celle que prévoit l'horaire, sinon corrigez le jour (heures, absence, fermeture). "
        "Ce que vous confirmez fait foi pour la durée du stage, la gratification et "
        "l'attestation."
    )
    return lignes


def _sans_lien(lien_pk: int, paragraphes: tuple[str, ...]) -> None:
    """The request to a tutor who holds a recent link: it points to that e-mail."""
    lien = LienEspace.objects.select_related("organisme").get(pk=lien_pk)
    assert lien.envoye_le is not None
    lignes = [
        f"Bonjour {lien.nom},",
        "",
        *paragraphes,
        "",
        "Utilisez le lien personnel que vous avez reçu par courriel le "
        f"{timezone.localtime(lien.envoye_le):%d/%m/%Y} (objet « Stages : votre espace "
        "d'organisme d'accueil »). S'il a expiré, la page vous permet d'en recevoir un "
        "nouveau à cette adresse.",
        "",
        "Stages",
    ]
    EmailMessage(
        subject="Stages : présence de votre stagiaire à confirmer",
        body="\n".join(lignes),
        to=[lien.email],
    ).send()
