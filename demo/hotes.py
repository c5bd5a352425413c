"""The demo's host organisations: about forty fictional companies around Bordeaux, of every
size the quota rules tell apart (under 20 persons: 3 interns; from 20: 15 % rounded up),
with their tutors, their signatory and a few closures. Names, people and numbers are
invented; streets are real streets of the métropole, numbers in them are not checked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from demo.personnes import Personne

# Which catalogue missions a host of each trade offers (codes of referentiel's catalogue).
MISSIONS_PAR_PROFIL = {
    "boutique": (
        "SERVIR_CLIENT.ACCUEIL",
        "FIDELISER.PROGRAMMES_FIDELITE",
        "RESEAUX_SOCIAUX.CONTENUS",
    ),
    "vin": (
        "PROSPECTER.QUALIFIER_BESOINS",
        "DISTRIBUTEURS.REFERENCEMENT",
        "EVENEMENTS.PORTES_OUVERTES",
    ),
    "immobilier": (
        "PROSPECTER.FICHIERS",
        "PROSPECTER.RENDEZ_VOUS",
        "GERER_PORTEFEUILLE.QUALIFIER",
    ),
    "assurance": (
        "RENTABILISER_PORTEFEUILLE.DEVELOPPER_ACHATS",
        "PROSPECTER.CAMPAGNES",
        "SERVIR_CLIENT.RELANCES",
    ),
    "banque": (
        "RENTABILISER_PORTEFEUILLE.ANALYSER",
        "RENTABILISER_PORTEFEUILLE.REACTIVER",
        "SERVIR_CLIENT.ACCUEIL",
    ),
    "automobile": (
        "SERVIR_CLIENT.DEVIS_COMMANDES",
        "EVENEMENTS.ORGANISER",
        "FIDELISER.SATISFACTION",
    ),
    "telecom": (
        "PROSPECTER.CAMPAGNES",
        "FIDELISER.RECLAMATIONS",
        "RENTABILISER_PORTEFEUILLE.RETENIR",
    ),
    "ecommerce": (
        "E_COMMERCE.COMMANDES",
        "E_COMMERCE.CATALOGUE",
        "E_COMMERCE.VENTES_ADDITIONNELLES",
    ),
    "services": (
        "PROSPECTER.OBJECTIFS",
        "COMMUNIQUER.EMAILING",
        "RESEAUX_SOCIAUX.AUDIENCE",
    ),
    "grande_distribution": (
        "DISTRIBUTEURS.IMPLANTATION",
        "DISTRIBUTEURS.ANIMATIONS",
        "PROMOTION_VENTES.CHEZ_DISTRIBUTEUR",
    ),
}


@dataclass(frozen=True)
class Hote:
    cle: str  # also the host's e-mail domain, under .test
    raison_sociale: str
    enseigne: str
    naf: str
    effectif: int | None  # persons on the last day of each month; None: not declared yet
    adresse: str
    code_postal: str
    ville: str
    profil: str
    signataire: Personne
    tuteurs: tuple[Personne, ...]
    fermetures: tuple[tuple[date, date, str], ...] = ()

    def email(self, personne: Personne) -> str:
        return personne.email.split("@")[0] + f"@{self.cle}.test"


P = Personne
NOEL_2026 = (date(2026, 12, 24), date(2027, 1, 1), "Fermeture de fin d'année")

# Keys the scenario refers to.
QUOTA = "garonne-immobilier"  # 12 persons: three interns a week at most
PROLONGATION = "maison-peyrelade"  # the wine house of the July extension
AUTRES_ECOLES = "girondine-vins-fins"  # declares interns from other schools
SANS_EFFECTIF = "saint-seurin-conseil"  # just added: headcount not declared yet
PETITE_BOUTIQUE = "fleurs-saint-michel"  # 3 persons: the minor's host

HOTES: tuple[Hote, ...] = (
    # Shops and crafts of 3 to 5 persons.
    Hote(PETITE_BOUTIQUE, "Les Fleurs de Saint-Michel", "Les Fleurs de Saint-Michel", "47.76Z", 3,
         "14 place Meynard", "33800", "Bordeaux", "boutique",
         P("Corinne", "Mauriac", "Gérante"), (P("Corinne", "Mauriac", "Gérante"),),
         ((date(2026, 8, 3), date(2026, 8, 23), "Congés d'été"),)),
    Hote("cave-des-chartrons", "Cave des Chartrons", "La Cave des Chartrons", "47.25Z", 4,
         "52 rue Notre-Dame", "33000", "Bordeaux", "vin",
         P("Thierry", "Daney", "Caviste, gérant"), (P("Thierry", "Daney", "Caviste, gérant"),),
         (NOEL_2026,)),
    Hote("optique-gambetta", "Optique Gambetta", "Optique Gambetta", "47.78A", 5,
         "8 place Gambetta", "33000", "Bordeaux", "boutique",
         P("Samia", "Ouali", "Opticienne, gérante"), (P("Samia", "Ouali", "Opticienne, gérante"),)),
    Hote("cycles-talencais", "Cycles Talençais", "Cycles Talençais", "47.64Z", 4,
         "112 cours Gambetta", "33400", "Talence", "boutique",
         P("Pierre", "Lescure", "Gérant"), (P("Pierre", "Lescure", "Gérant"),)),
    Hote("atelier-saint-pierre", "Atelier Cuir Saint-Pierre", "Atelier Saint-Pierre", "47.72B", 3,
         "9 rue des Argentiers", "33000", "Bordeaux", "boutique",
         P("Agnès", "Teyssier", "Artisane, gérante"), (P("Agnès", "Teyssier", "Artisane, gérante"),),
         (NOEL_2026,)),
    Hote("librairie-du-bouscat", "Librairie du Bouscat", "Librairie du Bouscat", "47.61Z", 5,
         "143 avenue de la Libération", "33110", "Le Bouscat", "boutique",
         P("Françoise", "Lagarde", "Libraire, gérante"), (P("Hervé", "Duclos", "Libraire"),)),
    # Small companies, 6 to 19 persons: still three interns a week.
    Hote(QUOTA, "Garonne Immobilier", "Garonne Immobilier", "68.31Z", 12,
         "27 cours de Verdun", "33000", "Bordeaux", "immobilier",
         P("Vincent", "Arrieu", "Directeur d'agence"),
         (P("Aurélie", "Cassagne", "Négociatrice"), P("Julien", "Pontac", "Négociateur"))),
    Hote("quinconces-digital", "Quinconces Digital", "Agence Quinconces", "73.11Z", 15,
         "6 allées de Tourny", "33000", "Bordeaux", "services",
         P("Marion", "Lacaze", "Directrice associée"),
         (P("Benoît", "Rivière", "Chef de projet"), P("Clémence", "Audoin", "Chargée de clientèle"))),
    Hote("pessac-assurances", "Pessac Assurances Conseil", "Pessac Assurances", "66.22Z", 8,
         "21 avenue Jean Jaurès", "33600", "Pessac", "assurance",
         P("Éric", "Bacqué", "Courtier, gérant"), (P("Éric", "Bacqué", "Courtier, gérant"),)),
    Hote(PROLONGATION, "Maison Peyrelade Vins", "Maison Peyrelade", "46.34Z", 18,
         "31 quai de Bacalan", "33300", "Bordeaux", "vin",
         P("Bertrand", "Peyrelade", "Directeur général"),
         (P("Sylvie", "Médard", "Responsable commerciale France"),
          P("Hugo", "Desclaux", "Chargé d'export")),
         ((date(2026, 8, 10), date(2026, 8, 21), "Congés d'été"), NOEL_2026)),
    Hote("merignac-cuisines", "Mérignac Cuisines", "Mérignac Cuisines", "47.59A", 9,
         "45 avenue de la Somme", "33700", "Mérignac", "boutique",
         P("Laurent", "Fonteneau", "Gérant"), (P("Céline", "Bareyre", "Conceptrice-vendeuse"),)),
    Hote("begles-electromenager", "Bègles Électroménager", "Bègles Électro", "47.54Z", 11,
         "210 route de Toulouse", "33130", "Bègles", "boutique",
         P("Patrick", "Gouze", "Gérant"), (P("Nadia", "Sadi", "Responsable de magasin"),),
         ((date(2026, 1, 29), date(2026, 1, 30), "Inventaire annuel"),)),
    Hote("fitness-bastide", "Fitness Bastide", "Bastide Fitness", "93.13Z", 7,
         "5 avenue Thiers", "33100", "Bordeaux", "services",
         P("Romain", "Estrade", "Gérant"), (P("Romain", "Estrade", "Gérant"),)),
    Hote("voyages-sainte-catherine", "Voyages Sainte-Catherine", "Sainte-Catherine Voyages",
         "79.11Z", 6, "88 rue Sainte-Catherine", "33000", "Bordeaux", "services",
         P("Véronique", "Lasserre", "Directrice d'agence"), (P("Damien", "Pradel", "Conseiller voyages"),)),
    Hote("print-meriadeck", "Print Mériadeck", "Print Mériadeck", "18.12Z", 14,
         "10 rue du Château-d'Eau", "33000", "Bordeaux", "services",
         P("Gilles", "Campagne", "Gérant"), (P("Audrey", "Bonnin", "Commerciale sédentaire"),)),
    Hote("solaire-gironde", "Solaire Gironde Énergies", "Solaire Gironde", "43.21A", 16,
         "3 rue Gutenberg", "33700", "Mérignac", "services",
         P("Frédéric", "Lamothe", "Président"),
         (P("Estelle", "Morand", "Responsable commerciale"), P("Kevin", "Baudry", "Technico-commercial"))),
    Hote("mobiles-talence", "Talence Mobiles", "Talence Mobiles", "47.42Z", 6,
         "180 cours de la Libération", "33400", "Talence", "telecom",
         P("Sofiane", "Cherif", "Gérant"), (P("Sofiane", "Cherif", "Gérant"),)),
    Hote("chateau-peyrelongue", "Château Peyrelongue", "Château Peyrelongue", "11.02B", 17,
         "68 avenue de Canéjan", "33600", "Pessac", "vin",
         P("Anne", "de Peyrelongue", "Gérante"), (P("Mathilde", "Curutchet", "Responsable œnotourisme"),)),
    Hote(SANS_EFFECTIF, "Saint-Seurin Conseil", "Saint-Seurin Conseil", "70.22Z", None,
         "16 place des Martyrs de la Résistance", "33000", "Bordeaux", "services",
         P("Olivia", "Marsan", "Gérante"), (P("Olivia", "Marsan", "Gérante"),)),
    # 20 to 49 persons: 3 to 8 interns a week.
    Hote("immobiliere-du-medoc", "Immobilière du Médoc", "Immobilière du Médoc", "68.31Z", 20,
         "70 avenue du Médoc", "33320", "Eysines", "immobilier",
         P("Jean-Marc", "Sourbès", "Directeur"),
         (P("Laetitia", "Granger", "Négociatrice"), P("Alain", "Morlan", "Gestionnaire locatif"))),
    Hote("atlantique-courtage", "Atlantique Courtage Assurances", "Atlantique Courtage",
         "66.22Z", 22, "4 cours du Chapeau-Rouge", "33000", "Bordeaux", "assurance",
         P("Christine", "Vergez", "Directrice"),
         (P("Mickaël", "Dauga", "Chargé de clientèle"), P("Sandrine", "Latapie", "Souscriptrice"))),
    Hote("hotel-des-quinconces", "Hôtel des Quinconces", "Hôtel des Quinconces", "55.10Z", 24,
         "3 cours du Trente-Juillet", "33000", "Bordeaux", "services",
         P("Philippe", "Mazères", "Directeur"), (P("Caroline", "Jolibois", "Responsable commerciale"),)),
    Hote("auto-concept-merignac", "Auto Concept Mérignac", "Auto Concept", "45.11Z", 25,
         "120 avenue de la Somme", "33700", "Mérignac", "automobile",
         P("Stéphane", "Barbe", "Directeur de concession"),
         (P("David", "Ollivier", "Chef des ventes"), P("Émilie", "Sabatier", "Conseillère commerciale"))),
    Hote("banque-de-tourny", "Banque Privée de Tourny", "Banque de Tourny", "64.19Z", 28,
         "2 allées de Tourny", "33000", "Bordeaux", "banque",
         P("Arnaud", "Faget", "Directeur d'agence"), (P("Pauline", "Rigal", "Conseillère patrimoniale"),)),
    Hote("estuaire-telecom", "Estuaire Télécom Services", "Estuaire Télécom", "61.10Z", 30,
         "18 rue Lucien Faure", "33300", "Bordeaux", "telecom",
         P("Nicolas", "Puyo", "Directeur commercial"),
         (P("Marine", "Laffitte", "Responsable grands comptes"), P("Yann", "Coustet", "Chargé d'affaires"))),
    Hote("talence-automobiles", "Talence Automobiles", "Talence Automobiles", "45.11Z", 32,
         "240 cours de la Libération", "33400", "Talence", "automobile",
         P("Gérard", "Tauzin", "Gérant"), (P("Cédric", "Lavergne", "Vendeur automobile"),)),
    Hote("cotoon", "Cotoon", "Cotoon.fr", "47.91B", 38,
         "3 avenue de Canteranne", "33600", "Pessac", "ecommerce",
         P("Léna", "Dubernet", "Cofondatrice"),
         (P("Thomas", "Vignes", "Responsable e-commerce"), P("Amélie", "Roumégoux", "Chargée de relation client"))),
    Hote(AUTRES_ECOLES, "Girondine de Vins Fins", "Girondine de Vins Fins", "46.34Z", 45,
         "9 quai de Paludate", "33800", "Bordeaux", "vin",
         P("Henri", "Baudouin", "Président"),
         (P("Florence", "Castets", "Directrice commerciale"), P("Matthieu", "Lapeyre", "Responsable export"),
          P("Claire", "Séguy", "Responsable cavistes"))),
    Hote("rive-droite-contact", "Rive Droite Contact", "Rive Droite Contact", "82.20Z", 48,
         "1 rue Chaigneau", "33310", "Lormont", "telecom",
         P("Malika", "Hamdi", "Directrice de plateau"),
         (P("Jérôme", "Bouscarrut", "Superviseur"), P("Nora", "Belaïd", "Superviseure"))),
    # 50 to 249 persons.
    Hote("groupe-auto-garonne", "Groupe Automobile Garonne", "Garonne Automobiles", "45.11Z", 60,
         "8 avenue Charles de Gaulle", "33520", "Bruges", "automobile",
         P("Didier", "Cantegrit", "Directeur général"),
         (P("Fabien", "Ducasse", "Responsable des ventes"), P("Manon", "Hirigoyen", "Responsable marketing"))),
    Hote("vinea-export", "Vinéa Export", "Vinéa", "46.34Z", 65,
         "20 quai des Chartrons", "33000", "Bordeaux", "vin",
         P("Charles", "Brethes", "Directeur"),
         (P("Isabelle", "Dulau", "Responsable clientèle Europe"), P("Antoine", "Massip", "Chef de zone"))),
    Hote("distri-sport-merignac", "Distri-Sport Mérignac", "Distri-Sport", "47.64Z", 85,
         "Centre commercial Mérignac Soleil", "33700", "Mérignac", "grande_distribution",
         P("Olivier", "Castagnet", "Directeur de magasin"),
         (P("Jessica", "Laulhé", "Responsable de rayon"), P("Rémi", "Saint-Martin", "Responsable de rayon"))),
    Hote("mutuelle-girondine", "Mutuelle Girondine Santé", "Mutuelle Girondine", "65.12Z", 120,
         "15 rue Fondaudège", "33000", "Bordeaux", "assurance",
         P("Martine", "Lacampagne", "Directrice des ressources humaines"),
         (P("Sébastien", "Daugé", "Responsable développement"), P("Aline", "Fourès", "Conseillère mutualiste"),
          P("Yohan", "Mondiet", "Responsable relation adhérents"))),
    Hote("aquitaine-fibre", "Aquitaine Fibre Réseaux", "Aquitaine Fibre", "61.10Z", 150,
         "11 rue Marcel Issartier", "33700", "Mérignac", "telecom",
         P("Bruno", "Lahitte", "Directeur commercial"),
         (P("Karine", "Espagnet", "Responsable des ventes entreprises"), P("Loïc", "Barthe", "Chef de produit"))),
    Hote("banque-de-l-estuaire", "Banque de l'Estuaire", "Banque de l'Estuaire", "64.19Z", 210,
         "54 cours de l'Intendance", "33000", "Bordeaux", "banque",
         P("Catherine", "Pouyanne", "Responsable recrutement"),
         (P("Guillaume", "Darrigade", "Directeur d'agence"), P("Hélène", "Larrouy", "Conseillère clientèle"),
          P("Marc-Antoine", "Dupin", "Conseiller professionnels"))),
    # 250 persons and more.
    Hote("comptoir-numerique", "Comptoir Bordelais du Numérique", "Comptoir du Numérique",
         "47.91B", 260, "7 rue Lucien Faure", "33300", "Bordeaux", "ecommerce",
         P("Sarah", "Benhamou", "Responsable des ressources humaines"),
         (P("Maxime", "Poincet", "Responsable service client"), P("Anaïs", "Couderc", "Chef de projet web"),
          P("Jonathan", "Peyré", "Responsable marketplace"))),
    Hote("rive-gauche-distribution", "Rive Gauche Distribution", "Hypermarché Rives d'Arcins",
         "47.11F", 320, "Centre commercial Rives d'Arcins", "33130", "Bègles", "grande_distribution",
         P("Alexandre", "Bourrousse", "Directeur"),
         (P("Valérie", "Cazaux", "Manager des ventes"), P("Samuel", "Ithurbide", "Chef de secteur"),
          P("Lucie", "Pédarrieu", "Responsable drive"))),
    Hote("banque-garonne-atlantique", "Banque Garonne Atlantique", "Banque Garonne Atlantique",
         "64.19Z", 450, "15 rue Claude Bonnier", "33000", "Bordeaux", "banque",
         P("Delphine", "Estrabaud", "Chargée des relations écoles"),
         (P("Franck", "Lapouge", "Directeur d'agence"), P("Marion", "Casteran", "Conseillère clientèle"),
          P("Thibault", "Darcos", "Conseiller clientèle"))),
    Hote("sud-ouest-mutuelles", "Sud-Ouest Assurances Mutuelles", "SOAM", "65.12Z", 800,
         "1 avenue de Pythagore", "33700", "Mérignac", "assurance",
         P("Jean-Philippe", "Lacrouts", "Responsable campus et écoles"),
         (P("Carole", "Dumeau", "Responsable d'agence"), P("Xavier", "Larrouture", "Conseiller commercial"),
          P("Bérénice", "Sentou", "Responsable centre de relation client"))),
    Hote("atlantique-mobilites", "Atlantique Mobilités", "Atlantique Mobilités", "61.20Z", 1200,
         "40 rue Carle Vernet", "33800", "Bordeaux", "telecom",
         P("Isabelle", "Moulinié", "Responsable alternance et stages"),
         (P("Stéphanie", "Garrigues", "Responsable boutique"), P("Ludovic", "Barrau", "Responsable télévente"),
          P("Kenza", "Amrani", "Cheffe de projet fidélisation"))),
)  # fmt: skip
