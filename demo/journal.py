"""The demo's activity log: Camille Lalanne (the demo's student login) logged her year-1
stage at the wine house (January and June 2026, over) and is logging her November 2026
stage, on today. One entry countersigned by her tutor, one commented by her référent; what
she has not done yet (an event, the networks of E6) shows as gaps while January is to come.

Written through journal.services, on the days of the story (demo/calendrier.py): nothing
after the story's day."""

from __future__ import annotations

from datetime import date, datetime, time

from django.utils import timezone

from conventions.models import Convention
from demo import personnes
from demo.calendrier import JOUR_DE_LA_DEMO
from journal import services
from journal.models import EntreeJournal
from referentiel.models import Competence, Mission

# (début, fin, texte, missions, compétences, contresignée le, commentaire du référent le)
Ligne = tuple[date, date, str, tuple[str, ...], tuple[str, ...], date | None, date | None]

ANNEE_1: tuple[Ligne, ...] = (
    (
        date(2026, 1, 5),
        date(2026, 1, 9),
        "Découverte de la maison et de ses vins ; accueil des clients au caveau, "
        "préparation des commandes des particuliers.",
        ("SERVIR_CLIENT.ACCUEIL", "SERVIR_CLIENT.DEVIS_COMMANDES"),
        (),
        date(2026, 1, 10),
        None,
    ),
    (
        date(2026, 1, 19),
        date(2026, 1, 23),
        "Préparation de la soirée dégustation du 23 janvier : invitations aux clients "
        "fidèles, logistique, accueil de 40 personnes, relance des contacts le lendemain.",
        ("EVENEMENTS.ORGANISER", "EVENEMENTS.EXPLOITER_CONTACTS"),
        ("B1.3",),
        None,
        date(2026, 1, 27),
    ),
    (
        date(2026, 6, 8),
        date(2026, 6, 12),
        "Animation en magasin chez deux cavistes de Bordeaux : mise en avant du rosé, "
        "relevé des ventes de la semaine.",
        ("DISTRIBUTEURS.ANIMATIONS", "DISTRIBUTEURS.SUIVI_VENTES"),
        (),
        None,
        None,
    ),
)

NOVEMBRE: tuple[Ligne, ...] = (
    (
        date(2026, 11, 16),
        date(2026, 11, 20),
        "Prise en main du logiciel de gestion commerciale ; qualification de 60 fiches "
        "clients (coordonnées, dernier achat, potentiel).",
        ("GERER_PORTEFEUILLE.QUALIFIER",),
        ("B1.4",),
        date(2026, 11, 21),
        None,
    ),
    (
        date(2026, 11, 23),
        date(2026, 11, 23),
        "Phoning de relance des devis en attente : 25 appels, 4 rendez-vous obtenus.",
        ("SERVIR_CLIENT.RELANCES", "COMMUNIQUER.PHONING"),
        ("B1.2",),
        None,
        date(2026, 11, 25),
    ),
    (
        date(2026, 11, 26),
        date(2026, 11, 26),
        "Rendez-vous avec un client professionnel avec ma tutrice : découverte des "
        "besoins, proposition d'un devis.",
        ("PROSPECTER.QUALIFIER_BESOINS",),
        ("B1.1", "B1.2"),
        None,
        None,
    ),
)

COMMENTAIRES = {
    date(2026, 1, 27): "Bonne matière pour une fiche E4 « évènement » : notez les chiffres "
    "(invités, ventes du soir, contacts relancés).",
    date(2026, 11, 25): "Précisez combien de devis ont été signés après vos appels : c'est "
    "le résultat attendu dans la fiche.",
}


def _a(jour: date, heure: int = 18) -> datetime:
    return timezone.make_aware(datetime.combine(jour, time(heure)))


def _ecrire(convention: Convention, lignes: tuple[Ligne, ...]) -> list[EntreeJournal]:
    version = convention.etudiant.promotion.version_referentiel_id
    ecrites = []
    for debut, fin, texte, missions, competences, contresignee, commentee in lignes:
        entree = services.entree_creer(
            convention=convention,
            saisie=services.Saisie(
                date_debut=debut,
                date_fin=fin,
                activites=texte,
                missions=tuple(Mission.objects.filter(code__in=missions)),
                competences=tuple(
                    Competence.objects.filter(code__in=competences, bloc__version_id=version)
                ),
            ),
            le=_a(fin),
            aujourdhui=JOUR_DE_LA_DEMO,
        )
        tuteur = convention.tuteur
        if contresignee and tuteur is not None:
            services.contresigner(
                entrees=[entree], nom=f"{tuteur.prenom} {tuteur.nom}", le=_a(contresignee, 10)
            )
        referent = convention.referent
        if commentee and referent is not None and referent.utilisateur is not None:
            services.commenter(
                entree=entree,
                texte=COMMENTAIRES[commentee],
                auteur=referent.utilisateur,
                le=_a(commentee, 12),
            )
        ecrites.append(entree)
    return ecrites


def journal_creer() -> list[EntreeJournal]:
    """Camille's log over her ended year-1 stage and her November stage under way."""
    email = personnes.etudiants()[personnes.RANG_PROLONGATION].email
    conventions = Convention.objects.filter(etudiant__email=email).prefetch_related("periodes")

    def qui_couvre(jour: date) -> Convention | None:
        return next(
            (c for c in conventions if any(p.debut <= jour <= p.fin for p in c.periodes.all())),
            None,
        )

    entrees: list[EntreeJournal] = []
    for lignes in (ANNEE_1, NOVEMBRE):
        convention = qui_couvre(lignes[0][0])
        if convention is not None:
            entrees += _ecrire(convention, lignes)
    return entrees
