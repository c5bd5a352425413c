"""The demo's students' search (candidatures/): on the story's day six first-year students
still have no place for the January 2027 stage (Romane Vidal's convention was cancelled, the
host withdrew; she logs in: romane.vidal@eiffel-demo.test, the students' password). Two companies proposed a stage to the section, accepted by the
chef de travaux; five of the six logged their applications, one none yet; three marked their
interest in an offer, and Romane was proposed to the estate agency; the section set a
reminder for Monday 7 December to those still without a place.

Written through public.services and candidatures.services, dated by the story (never after
its day nor after the build). Removed by `propositions_effacer` (the students' applications
and interests go with the students)."""

from __future__ import annotations

from datetime import date, datetime, time

from django.utils import timezone

from candidatures import services
from candidatures.models import Canal, Reponse
from comptes.models import Utilisateur
from demo import personnes
from demo.calendrier import A_JANVIER_2027, B_JANVIER_2027, JOUR_DE_LA_DEMO
from demo.identifiants import ine
from etablissement.models import Etudiant, PeriodePromotion
from public import services as public_services
from public.models import (
    EvenementProposition,
    IntentionGratification,
    PropositionStage,
    StatutProposition,
)
from referentiel.models import Mission

# (entreprise, ville, contact, e-mail, tuteur, stagiaires, reçue le, acceptée le, missions,
#  périodes: « A » the second year's January, « B » the first year's)
OFFRES = (
    (
        "Lacoste Immobilier",
        "Bordeaux",
        "Sophie Lacoste",
        "sophie.lacoste@lacoste-immobilier.test",
        "Sophie Lacoste",
        2,
        date(2026, 10, 12),
        date(2026, 10, 14),
        ("PROSPECTER.CIBLES", "PROSPECTER.RENDEZ_VOUS", "SERVIR_CLIENT.ACCUEIL"),
        ("B",),
    ),
    (
        "Cycles Garonne",
        "Talence",
        "Hugo Bastide",
        "hugo.bastide@cycles-garonne.test",
        "Hugo Bastide",
        1,
        date(2026, 11, 2),
        date(2026, 11, 4),
        ("E_COMMERCE.CATALOGUE", "RESEAUX_SOCIAUX.CONTENUS", "SERVIR_CLIENT.DEVIS_COMMANDES"),
        ("A", "B"),
    ),
)

# The applications of the students without a place for January, by rank:
# (entreprise, contact, canal, date, réponse, notes)
CANDIDATURES: dict[int, tuple[tuple[str, str, str, date, str, str], ...]] = {
    personnes.RANG_ANNULEE: (
        (
            "Agence Médoc Habitat",
            "accueil@medoc-habitat.test",
            Canal.COURRIEL,
            date(2026, 11, 9),
            Reponse.REFUSEE,
            "Pas de stagiaire en janvier cette année.",
        ),
        (
            "Boutique Les Chartrons",
            "M. Darrieux, gérant",
            Canal.SUR_PLACE,
            date(2026, 11, 18),
            Reponse.ENTRETIEN,
            "Entretien le 2 décembre à 14 h ; apporter le CV imprimé.",
        ),
        ("Optique du Lac", "", Canal.PLATEFORME, date(2026, 11, 23), Reponse.EN_ATTENTE, ""),
    ),
    personnes.RANG_REFUSEE: (
        (
            "Garage Pessac Auto",
            "05 56 00 00 00",
            Canal.TELEPHONE,
            date(2026, 10, 20),
            Reponse.SANS_REPONSE,
            "Rappeler après les vacances.",
        ),
        (
            "Fleurs de Caudéran",
            "",
            Canal.RESEAU,
            date(2026, 11, 16),
            Reponse.EN_ATTENTE,
            "Contact par ma tante.",
        ),
    ),
    57: (  # Lisa Ducos
        ("Librairie Mollat Junior", "", Canal.COURRIEL, date(2026, 11, 5), Reponse.REFUSEE, ""),
    ),
    58: (  # Alexis Tastet
        (
            "Sport Atlantique",
            "Responsable du magasin",
            Canal.SUR_PLACE,
            date(2026, 11, 12),
            Reponse.ENTRETIEN,
            "",
        ),
        (
            "Télécoms Gironde",
            "recrutement@telecoms-gironde.test",
            Canal.PLATEFORME,
            date(2026, 11, 19),
            Reponse.EN_ATTENTE,
            "",
        ),
    ),
    59: (  # Ambre Cabanne
        (
            "Épicerie fine Saint-Pierre",
            "",
            Canal.SUR_PLACE,
            date(2026, 11, 10),
            Reponse.REFUSEE,
            "",
        ),
    ),
    # Victor Marty (56): nothing logged yet — he counts « sans candidature ».
}

# The day the section reminds the first-years still without a place for January.
RAPPEL = date(2026, 12, 7)

# (rang, offre, proposé à l'entreprise le)
INTERETS = (
    (personnes.RANG_ANNULEE, 0, date(2026, 11, 25)),
    (57, 0, None),
    (59, 1, None),
)


def _a(jour: date, heure: int = 10) -> datetime:
    """A moment of the story, never after the build."""
    return min(timezone.make_aware(datetime.combine(jour, time(heure))), timezone.now())


def candidatures_creer(administratrice: Utilisateur) -> None:
    periodes = {
        "A": PeriodePromotion.objects.get(debut=A_JANVIER_2027[0], promotion__annee_debut=2025),
        "B": PeriodePromotion.objects.get(debut=B_JANVIER_2027[0], promotion__annee_debut=2026),
    }
    offres = []
    for entreprise, ville, contact, email, tuteur, nombre, recue, acceptee, codes, quand in OFFRES:
        offre = public_services.proposition_creer(
            entreprise=entreprise,
            ville=ville,
            contact_nom=contact,
            contact_email=email,
            tuteur_nom=tuteur,
            gratification=IntentionGratification.A_VOIR,
            nombre_stagiaires=nombre,
            periodes=[periodes[q] for q in quand],
            missions=Mission.objects.filter(code__in=codes),
            message="Stage de janvier : nous formons le stagiaire dès le premier jour.",
        )
        public_services.proposition_changer_statut(
            proposition=offre, vers=StatutProposition.ACCEPTEE, par=administratrice
        )
        PropositionStage.objects.filter(pk=offre.pk).update(cree_le=_a(recue, 9))
        EvenementProposition.objects.filter(proposition=offre).update(horodatage=_a(acceptee))
        offres.append(offre)

    eleves = {
        rang: Etudiant.objects.get(ine=ine(rang))
        for rang in {*CANDIDATURES, *(rang for rang, _, _ in INTERETS)}
    }
    for rang, lignes in CANDIDATURES.items():
        for nom, contact, canal, jour, reponse, notes in lignes:
            services.candidature_creer(
                etudiant=eleves[rang],
                saisie=services.Saisie(
                    periode=periodes["B"],
                    organisme_nom=nom,
                    canal=canal,
                    date=jour,
                    reponse=reponse,
                    contact=contact,
                    notes=notes,
                ),
                le=_a(jour, 18),
                aujourdhui=JOUR_DE_LA_DEMO,
            )
    for rang, numero, propose_le in INTERETS:
        interet = services.interet_marquer(
            etudiant=eleves[rang], proposition=offres[numero], le=_a(date(2026, 11, 24))
        )
        if propose_le is not None:
            services.interet_proposer(interet=interet, par=administratrice, le=_a(propose_le))
    # The section's reminder to those still without a place, set for after the story's day:
    # the first pass of `manage.py relances` on or after it writes to them.
    services.rappel_prevoir(
        periode=periodes["B"], jour=RAPPEL, par=administratrice, aujourdhui=JOUR_DE_LA_DEMO
    )


def propositions_effacer() -> None:
    """The demo's offers and their trail (the interests go with them)."""
    offres = PropositionStage.objects.filter(
        contact_email__in=[email for _, _, _, email, *_ in OFFRES]
    )
    EvenementProposition.objects.filter(proposition__in=offres).delete()
    offres.delete()
