"""Seed the BTS NDRC: the 2018 referential (3 blocs, 10 competences) and the mission catalogue
of the Lycée Gustave Eiffel's brochure (11 families), each mission mapped to competences.

Sources: /work/shared/docs/referentiel-ndrc.md §1 (blocs, competences, with the labels of the
référentiel's tableau de synthèse; the 2025 exam circular's wording is kept as the variant)
and §1.1 (families -> blocs, our proposal: no official mapping exists). The data is written
here rather than read from a file so that this migration never changes once applied.
"""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

FORMATION = "BTS-NDRC"
VERSION = "NDRC-2018"

# (code, libellé, unité, épreuve, coefficient, [(code, libellé, variante)])
BLOCS = [
    (
        "B1",
        "Relation client et négociation-vente",
        "U4",
        "E4",
        5,
        [
            ("B1.1", "Cibler et prospecter la clientèle", ""),
            ("B1.2", "Négocier et accompagner la relation client", ""),
            ("B1.3", "Organiser et animer un évènement commercial", ""),
            ("B1.4", "Exploiter et mutualiser l'information commerciale", ""),
        ],
    ),
    (
        "B2",
        "Relation client à distance et digitalisation",
        "U5",
        "E5",
        4,
        [
            (
                "B2.1",
                "Maîtriser la relation omnicanale",
                "Maîtriser la relation client omnicanale",
            ),
            ("B2.2", "Animer la relation client digitale", ""),
            ("B2.3", "Développer la relation client en e-commerce", ""),
        ],
    ),
    (
        "B3",
        "Relation client et animation de réseaux",
        "U6",
        "E6",
        3,
        [
            ("B3.1", "Implanter et promouvoir l'offre chez des distributeurs", ""),
            (
                "B3.2",
                "Développer et animer un réseau de partenaires",
                "Développer et piloter un réseau de partenaires",
            ),
            ("B3.3", "Créer et animer un réseau de vente directe", ""),
        ],
    ),
]

P, S = "principale", "secondaire"

# (code, libellé, [(code, libellé, canal, type de réseau, description, {compétence: force})])
# Libellés are the brochure's; a brochure line whose bloc depends on where it is done
# (sales promotion) is split into one mission per place, the line kept as description.
FAMILLES = [
    (
        "SERVIR_CLIENT",
        "Servir le client et suivre les commandes en cours",
        [
            (
                "ACCUEIL",
                "Accueil et traitement des demandes",
                "omnicanal",
                "",
                "",
                {"B1.2": P, "B2.1": S},
            ),
            (
                "DEVIS_COMMANDES",
                "Chiffrage, devis, élaboration de solutions, commandes, livraisons, factures, paiements",
                "omnicanal",
                "",
                "",
                {"B1.2": P, "B2.3": S},
            ),
            (
                "RELANCES",
                "Relance de devis, suivi de commandes, suivi d'affaires",
                "omnicanal",
                "",
                "",
                {"B1.2": P, "B2.1": S},
            ),
        ],
    ),
    (
        "GERER_PORTEFEUILLE",
        "Gérer un portefeuille de clients-prospects",
        [
            (
                "QUALIFIER",
                "Enrichir, requalifier, analyser, segmenter le portefeuille",
                "omnicanal",
                "",
                "",
                {"B1.1": P, "B1.4": S},
            ),
            (
                "OPPORTUNITES",
                "Rechercher des opportunités d'affaires et de marges",
                "omnicanal",
                "",
                "",
                {"B1.1": P, "B1.4": S, "B2.1": S},
            ),
        ],
    ),
    (
        "RENTABILISER_PORTEFEUILLE",
        "Analyser et rentabiliser le portefeuille existant",
        [
            (
                "ANALYSER",
                "Analyser les portefeuilles de clients et de prospects",
                "omnicanal",
                "",
                "",
                {"B1.1": P, "B2.1": S},
            ),
            (
                "REACTIVER",
                "Réactiver les clients passifs, inactifs, perdus",
                "telephone",
                "",
                "",
                {"B1.2": P, "B1.1": S, "B2.1": S},
            ),
            (
                "RETENIR",
                "Retenir les clients abandonnistes",
                "omnicanal",
                "",
                "",
                {"B1.2": P, "B2.1": S},
            ),
            (
                "DEVELOPPER_ACHATS",
                "Améliorer les volumes d'achat et les taux d'équipement des clients actifs",
                "omnicanal",
                "",
                "",
                {"B1.2": P},
            ),
            (
                "PARRAINAGE",
                "Activer le parrainage et/ou la recommandation auprès des clients engagés",
                "omnicanal",
                "",
                "",
                {"B1.1": P, "B1.2": S},
            ),
        ],
    ),
    (
        "PROSPECTER",
        "Prospecter, gagner des clients",
        [
            (
                "OBJECTIFS",
                "Objectifs : conquête de territoires, commercialisation de nouveaux produits, nouveaux segments",
                "omnicanal",
                "",
                "",
                {"B1.1": P},
            ),
            (
                "CIBLES",
                "Définition des cibles : segments de clientèles, secteurs géographiques",
                "omnicanal",
                "",
                "",
                {"B1.1": P, "B1.4": S},
            ),
            (
                "FICHIERS",
                "Création des fichiers de prospection, pré-qualification",
                "omnicanal",
                "",
                "",
                {"B1.1": P, "B1.4": S},
            ),
            (
                "RENDEZ_VOUS",
                "Prise de rendez-vous pour les commerciaux référents",
                "telephone",
                "",
                "",
                {"B1.1": P, "B2.1": S},
            ),
            (
                "QUALIFIER_BESOINS",
                "Prise de contact, qualification des besoins et des opportunités d'affaires",
                "omnicanal",
                "",
                "",
                {"B1.1": P, "B1.2": S},
            ),
            (
                "CAMPAGNES",
                "Campagnes d'e-mailing et de phoning, prise de rendez-vous, tournées terrain",
                "omnicanal",
                "",
                "",
                {"B1.1": P, "B2.1": S, "B2.2": S},
            ),
        ],
    ),
    (
        "FIDELISER",
        "Fidéliser, contribuer à la qualité des prestations",
        [
            (
                "RECLAMATIONS",
                "Traiter les réclamations et demandes de SAV",
                "omnicanal",
                "",
                "",
                {"B1.2": P, "B2.1": S, "B2.3": S},
            ),
            (
                "SATISFACTION",
                "Faire des enquêtes de satisfaction",
                "omnicanal",
                "",
                "",
                {"B1.2": P, "B1.4": S, "B2.1": S},
            ),
            (
                "EXPERIENCE_CLIENT",
                "Contribuer à une meilleure expérience client",
                "omnicanal",
                "",
                "",
                {"B1.2": P, "B2.3": S},
            ),
            (
                "PROGRAMMES_FIDELITE",
                "Cartes de fidélité, clients privilégiés, ventes privées",
                "omnicanal",
                "",
                "",
                {"B1.2": P},
            ),
        ],
    ),
    (
        "DISTRIBUTEURS",
        "Vendre auprès des distributeurs",
        [
            (
                "REFERENCEMENT",
                "Suivi du référencement des produits",
                "point_de_vente",
                "distributeurs",
                "",
                {"B3.1": P, "B1.2": S},
            ),
            (
                "IMPLANTATION",
                "Suivi de l'implantation de l'offre sur le lieu de vente",
                "point_de_vente",
                "distributeurs",
                "",
                {"B3.1": P},
            ),
            (
                "ANIMATIONS",
                "Animations en magasin, offres promotionnelles",
                "point_de_vente",
                "distributeurs",
                "",
                {"B3.1": P, "B1.3": S},
            ),
            (
                "SUIVI_VENTES",
                "Suivi des ventes, livraisons, mises en rayon",
                "point_de_vente",
                "distributeurs",
                "",
                {"B3.1": P, "B1.2": S},
            ),
        ],
    ),
    (
        "E_COMMERCE",
        "Vendre en e-commerce",
        [
            ("COMMANDES", "Suivi et traitement des commandes", "web", "", "", {"B2.3": P}),
            (
                "CATALOGUE",
                "Mise à jour du catalogue produit et des tarifs",
                "web",
                "",
                "",
                {"B2.3": P},
            ),
            (
                "PROMOTIONS",
                "Actions promotionnelles, soldes, animations commerciales",
                "web",
                "",
                "",
                {"B2.3": P, "B2.2": S},
            ),
            (
                "COMPORTEMENT_VISITEURS",
                "Analyse du comportement des visiteurs, reciblage",
                "web",
                "",
                "",
                {"B2.3": P},
            ),
            (
                "VENTES_ADDITIONNELLES",
                "Ventes additionnelles, ventes croisées",
                "web",
                "",
                "",
                {"B2.3": P},
            ),
            ("PAGES", "Améliorations éventuelles de pages", "web", "", "", {"B2.3": P, "B2.2": S}),
            ("SITES", "Création éventuelle de sites", "web", "", "", {"B2.3": P, "B2.2": S}),
            (
                "REFERENCEMENT_WEB",
                "Amélioration éventuelle du référencement",
                "web",
                "",
                "",
                {"B2.3": P, "B2.2": S},
            ),
        ],
    ),
    (
        "RESEAUX_SOCIAUX",
        "Blogs et réseaux sociaux",
        [
            (
                "AUDIENCE",
                "Développer l'audience et la visibilité digitale",
                "reseaux_sociaux",
                "",
                "",
                {"B2.2": P},
            ),
            ("CONTENUS", "Publier des contenus pertinents", "reseaux_sociaux", "", "", {"B2.2": P}),
            (
                "ANIMER_ECHANGES",
                "Animer, suivre, modérer, répondre, exploiter les échanges",
                "reseaux_sociaux",
                "",
                "",
                {"B2.2": P, "B1.4": S},
            ),
            ("COMPTES", "Création éventuelle de comptes", "reseaux_sociaux", "", "", {"B2.2": P}),
        ],
    ),
    (
        "COMMUNIQUER",
        "Communiquer",
        [
            (
                "OFFRE",
                "Communiquer sur l'offre, la gamme, l'entreprise",
                "omnicanal",
                "",
                "",
                {"B1.1": P, "B2.2": S},
            ),
            (
                "PLAN",
                "Plan de communication, campagnes de communication",
                "omnicanal",
                "",
                "",
                {"B1.1": P, "B1.3": S, "B2.2": S},
            ),
            (
                "PUBLIPOSTAGE",
                "Produire des contenus pour le publipostage, les flyers, le boîtage",
                "courrier",
                "",
                "",
                {"B1.1": P, "B1.3": S},
            ),
            (
                "EMAILING",
                "Produire des contenus pour des campagnes d'e-mailing",
                "email",
                "",
                "",
                {"B2.2": P, "B1.1": S},
            ),
            (
                "PHONING",
                "Produire des contenus pour des campagnes de phoning",
                "telephone",
                "",
                "",
                {"B2.1": P, "B1.1": S},
            ),
            (
                "BLOGS",
                "Produire des contenus pour les blogs et réseaux sociaux",
                "reseaux_sociaux",
                "",
                "",
                {"B2.2": P},
            ),
        ],
    ),
    (
        "EVENEMENTS",
        "Évènements commerciaux",
        [
            (
                "PORTES_OUVERTES",
                "Journées portes ouvertes, foires, salons",
                "evenement",
                "",
                "",
                {"B1.3": P},
            ),
            (
                "ORGANISER",
                "Participer, animer, organiser un évènement",
                "evenement",
                "",
                "Une réunion de vente à domicile est l'évènement d'un réseau de vente directe ; "
                "une soirée partenaires, celui d'un réseau de partenaires.",
                {"B1.3": P, "B3.3": S, "B3.2": S},
            ),
            (
                "EXPLOITER_CONTACTS",
                "Analyser, exploiter les contacts et opportunités d'affaires",
                "evenement",
                "",
                "",
                {"B1.3": P, "B1.4": S},
            ),
        ],
    ),
    (
        "PROMOTION_VENTES",
        "Promotion des ventes",
        [
            (
                "CHEZ_DISTRIBUTEUR",
                "Proposer des offres promotionnelles chez un distributeur",
                "point_de_vente",
                "distributeurs",
                "Plaquette : « Proposer des offres promotionnelles, soldes, fins de séries… », "
                "ici sur le lieu de vente d'un distributeur.",
                {"B3.1": P},
            ),
            (
                "LORS_EVENEMENT",
                "Proposer des offres promotionnelles lors d'un évènement de l'entreprise",
                "evenement",
                "",
                "Plaquette : « Proposer des offres promotionnelles, soldes, fins de séries… », "
                "ici lors d'un évènement organisé par l'entreprise.",
                {"B1.3": P},
            ),
            (
                "EN_LIGNE",
                "Proposer des offres promotionnelles en ligne",
                "web",
                "",
                "Plaquette : « Proposer des offres promotionnelles, soldes, fins de séries… », "
                "ici sur le site marchand.",
                {"B2.3": P},
            ),
        ],
    ),
]


def semer(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    Formation = apps.get_model("referentiel", "Formation")
    VersionReferentiel = apps.get_model("referentiel", "VersionReferentiel")
    Bloc = apps.get_model("referentiel", "Bloc")
    Competence = apps.get_model("referentiel", "Competence")
    FamilleMission = apps.get_model("referentiel", "FamilleMission")
    Mission = apps.get_model("referentiel", "Mission")
    MissionCompetence = apps.get_model("referentiel", "MissionCompetence")

    formation = Formation.objects.create(
        code=FORMATION,
        intitule="BTS Négociation et digitalisation de la relation client",
    )
    version = VersionReferentiel.objects.create(
        formation=formation,
        code=VERSION,
        libelle="BTS NDRC, référentiel de 2018",
        texte_source=(
            "Arrêté du 19 février 2018 portant définition et fixant les conditions de "
            "délivrance du brevet de technicien supérieur « Négociation et digitalisation de "
            "la relation client », JORF n° 0054 du 6 mars 2018 ; première session en 2020."
        ),
        session_debut=2020,
    )
    competences = {}
    for code, libelle, unite, epreuve, coefficient, liste in BLOCS:
        bloc = Bloc.objects.create(
            version=version,
            code=code,
            libelle=libelle,
            unite=unite,
            epreuve=epreuve,
            coefficient=coefficient,
        )
        for code_competence, libelle_competence, variante in liste:
            competences[code_competence] = Competence.objects.create(
                bloc=bloc,
                code=code_competence,
                libelle=libelle_competence,
                variante_libelle=variante,
            )

    for ordre_famille, (code, libelle, missions) in enumerate(FAMILLES, start=1):
        famille = FamilleMission.objects.create(
            formation=formation, code=code, libelle=libelle, ordre=ordre_famille, source="plaquette"
        )
        for ordre, (suffixe, libelle_mission, canal, reseau, description, forces) in enumerate(
            missions, start=1
        ):
            mission = Mission.objects.create(
                famille=famille,
                code=f"{code}.{suffixe}",
                libelle=libelle_mission,
                description=description,
                canal=canal,
                type_reseau=reseau,
                ordre=ordre,
            )
            MissionCompetence.objects.bulk_create(
                MissionCompetence(mission=mission, competence=competences[c], force=force)
                for c, force in forces.items()
            )


def retirer(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    Formation = apps.get_model("referentiel", "Formation")
    VersionReferentiel = apps.get_model("referentiel", "VersionReferentiel")
    Bloc = apps.get_model("referentiel", "Bloc")
    Competence = apps.get_model("referentiel", "Competence")
    FamilleMission = apps.get_model("referentiel", "FamilleMission")
    Mission = apps.get_model("referentiel", "Mission")
    MissionCompetence = apps.get_model("referentiel", "MissionCompetence")

    # Children first, without the deletion collector: when several apps are unapplied in one
    # run (`migrate referentiel zero`), the historical models it compares are rendered from
    # different states and it refuses them. Nothing else points at these rows any more: the
    # migrations of the apps that do are unapplied before this one.
    base = schema_editor.connection.alias
    MissionCompetence.objects.filter(mission__famille__formation__code=FORMATION)._raw_delete(base)
    Mission.objects.filter(famille__formation__code=FORMATION)._raw_delete(base)
    FamilleMission.objects.filter(formation__code=FORMATION)._raw_delete(base)
    Competence.objects.filter(bloc__version__code=VERSION)._raw_delete(base)
    Bloc.objects.filter(version__code=VERSION)._raw_delete(base)
    VersionReferentiel.objects.filter(code=VERSION)._raw_delete(base)
    Formation.objects.filter(code=FORMATION)._raw_delete(base)


class Migration(migrations.Migration):
    dependencies = [
        ("referentiel", "0001_formation_referentiel_missions"),
    ]

    operations = [
        migrations.RunPython(semer, retirer),
    ]
