"""The section's prospecting in the demo (prospection/), as of the story's day: the past hosts
with their record, eight companies found by the staff at various stages with their calls and
next steps (two follow-ups due), and the October campaign — sent to five, opened by three,
one company asking not to be solicited again. Built by the services; dated in the story."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from django.utils import timezone

from demo import personnes
from demo.accueil import sirens
from demo.calendrier import JOUR_DE_LA_DEMO
from demo.equipe import Equipe
from prospection import services
from prospection.models import Campagne, Prospect, Statut

# (name, town, sector, contact, status, [(days before the story's day, channel, outcome,
# next step, days from the story's day for it)])
PROSPECTS: tuple[tuple[Any, ...], ...] = (
    (
        "Boulangeries Lafitte",
        "Pessac",
        "Alimentation",
        "Sophie Lafitte",
        Statut.INTERESSE,
        [
            (
                20,
                "telephone",
                "Intéressée pour le stage de janvier, attend la plaquette.",
                "Envoyer la plaquette et rappeler",
                -3,
            )
        ],
    ),
    (
        "Optique Garonne",
        "Bordeaux",
        "Commerce de détail",
        "Karim Haddad",
        Statut.CONTACTE,
        [(12, "visite", "Rencontré au magasin ; le gérant décide en décembre.", "Rappeler", 5)],
    ),
    ("Cycles Médoc", "Mérignac", "Commerce de détail", "Léa Bertin", Statut.A_CONTACTER, []),
    (
        "Immobilière des Chartrons",
        "Bordeaux",
        "Immobilier",
        "Paul Mercier",
        Statut.OFFRE,
        [
            (30, "salon", "Rencontré au forum entreprises du lycée.", "", None),
            (9, "courriel", "Offre reçue pour deux stagiaires en janvier.", "", None),
        ],
    ),
    (
        "Assurances Dordogne",
        "Libourne",
        "Banque, assurance",
        "Hélène Petit",
        Statut.A_CONTACTER,
        [],
    ),
    (
        "Jardinerie du Bassin",
        "Arcachon",
        "Commerce de détail",
        "Marc Lemoine",
        Statut.CONTACTE,
        [(6, "telephone", "Messagerie ; rappel promis.", "Rappeler le responsable", -1)],
    ),
    ("Vins & Terroirs", "Saint-Émilion", "Alimentation", "Julie Martin", Statut.A_CONTACTER, []),
    ("Télécom Atlantique", "Bègles", "Télécommunications", "Yanis Morel", Statut.A_CONTACTER, []),
)
CAMPAGNE = "Accueillir un stagiaire de BTS NDRC en 2027"
OUVERTS, DECLINE = 3, "Télécom Atlantique"


def _adresse(nom: str) -> str:
    return f"contact@{''.join(c for c in nom.lower() if c.isalnum())[:20]}.prospects-demo.test"


def prospection_creer(equipe: Equipe) -> None:
    services.anciens_organismes_ajouter()
    auteur = equipe.administratrice
    crees = []
    for nom, ville, secteur, contact, statut, echanges in PROSPECTS:
        prospect = services.prospect_creer(
            nom=nom,
            ville=ville,
            secteur=secteur,
            contact_nom=contact,
            contact_email=_adresse(nom),
            contact_telephone="05 56 00 00 00",
        )
        for avant, canal, resultat, suite, dans in echanges:
            services.echange_ajouter(
                prospect=prospect,
                auteur=auteur,
                le=JOUR_DE_LA_DEMO - timedelta(days=avant),
                canal=canal,
                resultat=resultat,
                suite=suite,
                echeance=JOUR_DE_LA_DEMO + timedelta(days=dans) if dans is not None else None,
            )
        services.prospect_changer_statut(prospect=prospect, statut=statut)
        crees.append(prospect)
    choisis = [p for p in crees if p.statut in (Statut.A_CONTACTER, Statut.CONTACTE)][-5:]
    campagne = services.campagne_creer(
        titre=CAMPAGNE, message=services.MESSAGE_PAR_DEFAUT, prospects=choisis, auteur=auteur
    )
    services.campagne_envoyer(campagne=campagne)  # the e-mails are not sent during the build
    envoi = timezone.make_aware(datetime.combine(JOUR_DE_LA_DEMO - timedelta(days=40), time(10)))
    Campagne.objects.filter(pk=campagne.pk).update(envoyee_le=envoi)
    campagne.destinataires.update(envoye_le=envoi)
    for rang, destinataire in enumerate(campagne.destinataires.select_related("prospect")):
        if destinataire.prospect.nom == DECLINE:
            services.destinataire_decliner(destinataire=destinataire)
        elif rang < OUVERTS:
            services.destinataire_ouvrir(destinataire=destinataire)
    campagne.destinataires.exclude(ouvert_le=None).update(ouvert_le=envoi + timedelta(days=2))
    campagne.destinataires.exclude(decline_le=None).update(decline_le=envoi + timedelta(days=2))


def prospection_effacer() -> None:
    Campagne.objects.filter(cree_par__email__endswith=f"@{personnes.DOMAINE}").delete()
    Prospect.objects.filter(contact_email__endswith=".prospects-demo.test").delete()
    Prospect.objects.filter(organisme__siren__in=sirens()).delete()
