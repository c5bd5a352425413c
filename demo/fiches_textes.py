"""What the demo's candidates wrote in their fiches: a text for each field of the official
models (examens/modeles_fiches.yaml), in the words of a BTS NDRC student, `{org}` standing
for the host. What the draft takes from the stage (host, address, dates, place, the log's
activities) is kept as drawn; these texts fill what it leaves blank."""

from __future__ import annotations

TITRES = {
    "E4_NEGO": "Négociation d'un contrat annuel avec un client professionnel",
    "E4_EVENEMENT": "Organisation d'une soirée de lancement pour les clients fidèles",
    "E6_DISTRIBUTEURS": "Animation des points de vente revendeurs de {org}",
    "E6_PARTENAIRES": "Relance des partenaires prescripteurs de {org}",
    "E6_VENTE_DIRECTE": "Animation d'une équipe de vendeurs à domicile",
}

# What a draft may leave blank (no address, no NAF code, no log): the student writes it.
_REPLIS = {
    "organisation": "{org}",
    "adresse": "Bordeaux (Gironde)",
    "type_structure": "Entreprise privée, société par actions simplifiée, une douzaine de salariés",
    "dates": "Deuxième année de formation, période de stage de novembre",
    "lieu": "Siège de {org}, Bordeaux",
    "periodes": "Stages de première et de deuxième année",
}

_E4_COMMUN = {
    "offre": (
        "{org} propose une gamme de produits et de services à destination des particuliers "
        "et des professionnels, avec un contrat d'entretien annuel qui représente le tiers du "
        "chiffre d'affaires. L'offre présentée en annexe est le contrat « Sérénité »."
    ),
    "clientele": (
        "Particuliers fidèles (60 % des ventes), petites entreprises et commerces du "
        "quartier (30 %), collectivités et associations (10 %)."
    ),
    "modes_vente": (
        "Vente en magasin, vente à distance (téléphone et site marchand), rendez-vous chez "
        "le client pour les professionnels."
    ),
    "demarche": (
        "Extraction du fichier clients des deux dernières années, segmentation par chiffre "
        "d'affaires et par date du dernier achat, choix de 40 comptes à relancer en priorité."
    ),
    "objectifs_prospection": "Obtenir 8 rendez-vous qualifiés en trois semaines.",
    "activites_prospection": (
        "Phoning avec un guide d'entretien validé par le tuteur, e-mailing personnalisé, "
        "suivi des relances dans le logiciel de gestion de la relation client."
    ),
    "resultats_prospection": "40 contacts appelés, 11 rendez-vous pris, 4 devis signés.",
    "points_forts": (
        "L'écoute du client et la reformulation de ses besoins ; la préparation des "
        "arguments chiffrés avant chaque entretien."
    ),
    "solutions": (
        "Face aux objections sur le prix, présentation du coût mensuel plutôt qu'annuel et "
        "comparaison avec le coût d'une intervention hors contrat."
    ),
    "ameliorations": (
        "Mieux préparer la conclusion de l'entretien ; proposer systématiquement une vente "
        "additionnelle adaptée."
    ),
    "informations": (
        "Prix pratiqués par trois concurrents du secteur, attentes des clients "
        "professionnels en matière de délais d'intervention."
    ),
    "objectifs_information": (
        "Ajuster l'argumentaire et proposer à l'équipe une grille tarifaire plus lisible."
    ),
    "veille": (
        "Alertes sur les sites des concurrents, lecture de la presse professionnelle, "
        "questions posées aux clients lors des entretiens."
    ),
    "contribution": (
        "Fiche de synthèse partagée avec l'équipe commerciale et mise à jour de 60 fiches "
        "clients dans le logiciel."
    ),
}

_E4 = {
    "E4_NEGO": {
        "historique": (
            "Client professionnel depuis 2021, dont le contrat arrivait à échéance ; il "
            "hésitait à le renouveler après une hausse de tarif."
        ),
        "acteurs": (
            "Le gérant de l'entreprise cliente (décideur, attentif au budget), sa "
            "responsable administrative (utilisatrice), mon tuteur (appui sur les prix)."
        ),
        "objectifs": "Renouveler le contrat pour un an et y ajouter l'option de dépannage rapide.",
        "phases": (
            "Préparation du dossier client, prise de rendez-vous par téléphone, entretien de "
            "découverte, présentation de l'offre avec le simulateur de prix, traitement des "
            "objections, conclusion et envoi du contrat."
        ),
        "resultats": "Contrat renouvelé avec l'option, soit 1 450 € de chiffre d'affaires annuel.",
        "difficultes": "Le client voulait une remise supérieure à la marge autorisée.",
    },
    "E4_EVENEMENT": {
        "historique": (
            "Chaque année {org} réunit ses clients fidèles pour présenter ses nouveautés ; la "
            "participation avait baissé l'an dernier."
        ),
        "acteurs": (
            "Ma tutrice (budget et validation), deux vendeurs (accueil et démonstrations), un "
            "traiteur partenaire, 120 clients invités."
        ),
        "objectifs": "Accueillir 50 clients, vendre 20 contrats sur place, recueillir 30 avis.",
        "phases": (
            "Rétroplanning, choix des invités dans le fichier, invitations par e-mail et "
            "relances téléphoniques, préparation des stands, accueil le jour même, "
            "exploitation des contacts le lendemain."
        ),
        "resultats": "54 clients présents, 23 contrats vendus, 38 questionnaires de satisfaction.",
        "difficultes": "Des désistements de dernière minute : liste d'attente mise en place.",
    },
}

_E6_COMMUN = {
    "offre": "La gamme de {org} vendue par son réseau, et les services qui l'accompagnent.",
    "acteurs_reseau": (
        "L'animateur réseau de {org}, les responsables des points de vente ou des "
        "partenaires, leurs équipes, et la clientèle finale."
    ),
    "contexte": (
        "Les ventes du réseau ont reculé de 6 % l'an dernier ; {org} veut redynamiser les "
        "relations avant la saison."
    ),
    "ressources": (
        "Tableau de bord des ventes (tableur), guide d'entretien, kit de communication "
        "(affiches, publications pour les réseaux sociaux), compte rendu de visite type."
    ),
}

_E6 = {
    "E6_DISTRIBUTEURS": {
        "presentation_reseau": "Douze revendeurs indépendants en Gironde et dans les Landes.",
        "diagnostic": (
            "Quatre revendeurs réalisent 70 % des ventes ; les autres manquent de supports "
            "et de formation sur les nouveautés."
        ),
        "methodologie": (
            "Visite de six revendeurs avec mon tuteur, relevé de la mise en avant, animation "
            "d'une demi-journée de formation produit, suivi des ventes sur deux mois."
        ),
        "resultats": "Ventes des six revendeurs visités en hausse de 9 % sur la période.",
        "preconisations": "Une visite par trimestre et une lettre d'information mensuelle.",
    },
    "E6_PARTENAIRES": {
        "presentation_reseau": (
            "Une trentaine de prescripteurs : agences immobilières, artisans et associations "
            "de quartier qui recommandent {org}."
        ),
        "diagnostic": "La moitié des partenaires n'avait reçu aucune nouvelle depuis un an.",
        "methodologie": (
            "Mise à jour du fichier des partenaires, appels de relance, envoi d'un kit de "
            "recommandation, organisation d'un petit-déjeuner des partenaires."
        ),
        "resultats": "18 partenaires relancés, 9 présents au petit-déjeuner, 14 recommandations.",
        "preconisations": "Un programme de parrainage récompensant chaque recommandation.",
    },
    "E6_VENTE_DIRECTE": {
        "presentation_reseau": "Huit conseillers qui vendent à domicile et en réunion.",
        "diagnostic": "Les nouveaux conseillers abandonnent souvent dans leurs trois premiers mois.",
        "methodologie": (
            "Entretiens avec les conseillers, conception d'un guide de démarrage, animation "
            "d'une réunion d'équipe et suivi hebdomadaire des ventes."
        ),
        "resultats": "Deux nouveaux conseillers ont réalisé leurs premières ventes.",
        "preconisations": "Un parrainage des nouveaux conseillers par un conseiller expérimenté.",
    },
}


def titre(type_fiche: str, organisation: str) -> str:
    return TITRES[type_fiche].format(org=organisation)


def textes(type_fiche: str, organisation: str) -> dict[str, str]:
    """Every field's text for a fiche of `type_fiche` written at `organisation`."""
    if type_fiche.startswith("E4"):
        modele = {**_REPLIS, **_E4_COMMUN, **_E4[type_fiche]}
    else:
        modele = {**_REPLIS, **_E6_COMMUN, **_E6[type_fiche]}
    return {cle: texte.format(org=organisation) for cle, texte in modele.items()}


# The référent's comment on a field sent back « à corriger ».
A_CORRIGER = {
    "diagnostic": (
        "Appuyez le diagnostic sur des chiffres (ventes par partenaire, fréquence des "
        "contacts) : la commission attend une analyse, pas un constat."
    ),
}
