"""The référent's follow-up in the demo (suivi/), as of the story's day (27 November 2026,
demo/calendrier.py): during the November stage, the référents called most tutors in its
first days; Marc Dubourg visited one host on 24 November (report written, kilometres
entered) and has two visits planned on 3 December, their slots picked by the tutors; two
stages have had no contact at all — late once their first fortnight is over (the section's
setting, regles/parametres/reglages/suivi_*.yaml). Every stamp is a day of the story, never
after it; a slot to come is a plan, not a stamp."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from comptes.models import Utilisateur
from conventions.models import Convention, Statut
from demo import calendrier as cal
from demo import personnes
from suivi import services
from suivi.models import Visite

SANS_CONTACT = 2  # the last two stages of the list: the late follow-ups
VISITE_FAITE = date(2026, 11, 24)
VISITES_PREVUES = date(2026, 12, 3)


def _le(jour: date, heure: time = time(9, 0)) -> datetime:
    return timezone.make_aware(datetime.combine(jour, heure))


def _compte(convention: Convention) -> Utilisateur | None:
    referent = convention.referent
    return referent.utilisateur if referent is not None else None


def _planifier(convention: Convention, jour: date, heure: time, *, propose: date) -> Visite:
    visite = services.visite_proposer(
        convention=convention,
        creneaux=[
            services.CreneauSaisi(jour, heure, 60, ""),
            services.CreneauSaisi(jour + timedelta(days=1), heure, 60, ""),
        ],
        maintenant=_le(propose),
        aujourdhui=propose,
    )
    return services.creneau_choisir(
        visite=visite,
        creneau_pk=visite.creneaux.order_by("jour").first().pk,  # type: ignore[union-attr]
        maintenant=_le(propose + timedelta(days=1), time(14, 30)),
    )


def visites_creer() -> None:
    debut = cal.A_NOVEMBRE_2026[0]
    en_cours = list(
        Convention.objects.filter(
            statut=Statut.EN_COURS, periodes__debut=debut, tuteur__isnull=False
        )
        .select_related("referent", "tuteur")
        .order_by("pk")
        .distinct()
    )
    marc = personnes.ENSEIGNANTS[0].email
    de_marc = [c for c in en_cours if c.referent is not None and c.referent.email == marc]
    faite, *prevues = de_marc[:3]
    for rang, c in enumerate(en_cours[: len(en_cours) - SANS_CONTACT]):
        jour = debut + timedelta(days=1 + rang % 4)
        services.contact_ajouter(
            convention=c,
            nature="appel" if rang % 3 else "courriel",
            le=jour,
            avec=f"{c.tuteur}, tuteur" if c.tuteur else "le tuteur",
            note="Premiers jours conformes au planning ; missions de prospection confirmées.",
            auteur=_compte(c),
            maintenant=_le(jour, time(17, 0)),
            aujourdhui=jour,
        )
    visite = _planifier(faite, VISITE_FAITE, time(10, 0), propose=date(2026, 11, 17))
    services.compte_rendu_enregistrer(
        visite=visite,
        compte_rendu=services.CompteRendu(
            personnes_rencontrees=f"{faite.tuteur}, tuteur, et le stagiaire",
            avis_accueil="satisfaisant",
            commentaire_accueil="Stagiaire ponctuel, à l'aise au téléphone ; doit gagner en "
            "assurance en rendez-vous.",
            avis_referent="Missions conformes au référentiel (prospection, suivi de "
            "portefeuille). Bon encadrement.",
            accueil_possible="oui",
            kilometres=Decimal("18.4"),
        ),
        auteur=_compte(faite),
        maintenant=_le(VISITE_FAITE, time(18, 0)),
        aujourdhui=VISITE_FAITE,
    )
    for c, heure in zip(prevues, (time(10, 0), time(14, 30)), strict=False):
        _planifier(c, VISITES_PREVUES, heure, propose=date(2026, 11, 25))
