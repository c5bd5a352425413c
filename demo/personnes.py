"""The demo's people: the accounts and their known passwords, the teaching team, the three
cohorts' students. All fictional; addresses end in `.test`, a domain reserved for tests
(RFC 6761), so no mail can ever reach a real person."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from comptes.models import Role

DOMAINE = "eiffel-demo.test"

# One password per role, printed by `manage.py demo`: a demo, not a secret.
MOTS_DE_PASSE = {
    Role.ADMINISTRATEUR: "Eiffel-Admin-2026",
    Role.ENSEIGNANT: "Eiffel-Prof-2026",
    Role.ETUDIANT: "Eiffel-Etudiant-2026",
}


@dataclass(frozen=True)
class Personne:
    prenom: str
    nom: str
    fonction: str = ""

    @property
    def email(self) -> str:
        return f"{_ascii(self.prenom)}.{_ascii(self.nom)}@{DOMAINE}"


def _ascii(texte: str) -> str:
    """The e-mail form of a name: lower case, no accents, no spaces."""
    table = str.maketrans("àâäçéèêëîïôöùûüÿ", "aaaceeeeiioouuuy")
    return texte.lower().translate(table).replace(" ", "-").replace("'", "")


ADMINISTRATRICE = Personne("Hélène", "Castaing", "Cheffe de travaux, secteur tertiaire")
# The seeded school has no head (not in its brochure); the demo names a fictitious one, who
# signs the conventions for the school when a signature circuit is tried.
CHEF_ETABLISSEMENT = "Bernard Lafitte (proviseur fictif de la démonstration)"
ENSEIGNANTS = (
    Personne("Marc", "Dubourg", "Professeur d'économie-gestion, relation client"),
    Personne("Isabelle", "Fourcade", "Professeure d'économie-gestion, digitalisation"),
    Personne("Karim", "Belkacem", "Professeur d'économie-gestion, négociation-vente"),
)

# 60 students, the first 30 in the cohort that started in September 2025, the others in the
# one of September 2026. Pairs are fixed here rather than drawn, so a rebuilt demo has the
# same names in the same places.
_PRENOMS = (
    "Léa", "Hugo", "Chloé", "Lucas", "Manon", "Nathan", "Emma", "Enzo", "Camille", "Théo",
    "Inès", "Louis", "Sarah", "Mathis", "Océane", "Tom", "Lina", "Yanis", "Clara", "Noah",
    "Zoé", "Maxime", "Anaïs", "Adam", "Lola", "Rayan", "Justine", "Gabriel", "Louna", "Axel",
    "Jade", "Evan", "Mélissa", "Kylian", "Maëlys", "Valentin", "Eva", "Mehdi", "Romane",
    "Baptiste", "Laura", "Sacha", "Margaux", "Ilyes", "Juliette", "Quentin", "Elisa", "Noé",
    "Bastien", "Nina", "Paul", "Alicia", "Matteo", "Salomé", "Antoine", "Yasmine", "Victor",
    "Lisa", "Alexis", "Ambre",
)  # fmt: skip
_NOMS = (
    "Lafargue", "Darriet", "Labat", "Duprat", "Lamarque", "Barrère", "Cazenave", "Dupouy",
    "Lalanne", "Larrieu", "Soulé", "Bordes", "Dufau", "Laborde", "Pujol", "Sarrazin", "Fabre",
    "Garcia", "Moreau", "Benali", "Nguyen", "Diallo", "Haddad", "Martins", "Ferreira",
    "Mercier", "Girard", "Faure", "Boyer", "Lemoine", "Roussel", "Perrin", "Marchand", "Dumas",
    "Brunet", "Arnaud", "Gauthier", "Renaud", "Vidal", "Carrère", "Lassalle", "Dartigues",
    "Peyrot", "Courrèges", "Baylac", "Lartigau", "Sallenave", "Capdevielle", "Etcheverry",
    "Traoré", "Kaya", "Lopez", "Roux", "Petit", "Blanc", "Chevalier", "Marty", "Ducos",
    "Tastet", "Cabanne",
)  # fmt: skip

PAR_PROMOTION = 30

# The 8 students of the cohort of September 2024 (exam session 2026), ranks 60-67, after the
# 60 above so that their ranks do not move.
_DIPLOMES = (
    ("Mathilde", "Lacoste"), ("Florian", "Daguerre"), ("Pauline", "Larroque"),
    ("Jérémy", "Bergès"), ("Élodie", "Hourcade"), ("Dylan", "Castéra"),
    ("Morgane", "Lesbats"), ("Samir", "Bouzid"),
)  # fmt: skip
RANGS_DIPLOMES = range(2 * PAR_PROMOTION, 2 * PAR_PROMOTION + len(_DIPLOMES))
# Their stage records, by what the exam dossier will make of them (session 2026).
RANGS_COMPLETS = (60, 61, 62, 63)  # every stage done and attested: 80 days
RANG_DUREE_COURTE = 64  # Élodie Hourcade: 3 days of sick leave in March, not made up
RANG_ATTESTATION_MANQUANTE = 65  # Dylan Castéra: the second year's attestation never came
RANGS_FICHES_EN_RELECTURE = (66, 67)  # stages complete, fiches still being reviewed

# Ranks (0-59) of the students the scenario needs by name.
RANG_PROLONGATION = 8  # Camille Lalanne: January, June and a July extension at one wine house
RANG_RUPTURE = 13  # Mathis Laborde: ends his November stage early, seeks another host
RANG_MINEURE = 30  # Jade Roussel, 17, one year ahead: a signed January convention
RANGS_QUOTA = (31, 32, 33)  # validated at the 12-person estate agency for January 2027
RANG_QUOTA_DEPASSE = 34  # Maëlys Brunet: the fourth there, refused for the quota
RANG_INCOMPLET = 35  # Valentin Arnaud: a draft with clauses missing
RANG_SANS_EFFECTIF = 36  # Eva Gauthier: a draft at a host without a declared headcount
RANG_REFUSEE = 37  # Mehdi Renaud: refused by the administrator
RANG_ANNULEE = 38  # Romane Vidal: cancelled after validation, the host withdrew
RANG_AVENANT = 39  # Baptiste Carrère: signed, his tutor changed by avenant
RANG_MINEUR_39H = 47  # Noé Capdevielle, 17: a draft at 39 h a week, refused by the engine
MINEURS = {
    RANG_MINEURE: date(2009, 2, 17),
    RANG_MINEUR_39H: date(2009, 5, 8),
}
# The students who log in: a 2nd-year student on stage today, the extension case, the minor.
RANGS_COMPTES = (RANG_PROLONGATION, 5, RANG_MINEURE, RANG_ANNULEE)


@dataclass(frozen=True)
class FicheEtudiant:
    rang: int
    prenom: str
    nom: str
    date_naissance: date

    @property
    def email(self) -> str:
        return Personne(self.prenom, self.nom).email

    @property
    def mineur(self) -> bool:
        return self.rang in MINEURS


def etudiants() -> list[FicheEtudiant]:
    """The 68 students; born in 2005-2007 (cohort of 2025), 2006-2008 (2026) or 2005-2006
    (2024), a few days apart, save the two minors of the 2026 cohort, born in 2009."""
    fiches = []
    paires = [*zip(_PRENOMS, _NOMS, strict=True), *_DIPLOMES]
    for rang, (prenom, nom) in enumerate(paires):
        annee_bac = 2024 if rang in RANGS_DIPLOMES else 2025 if rang < PAR_PROMOTION else 2026
        # Spread over the two years before the usual age at the baccalauréat (18).
        naissance = date(annee_bac - 19, 1, 9) + timedelta(days=(rang * 97) % 700)
        fiches.append(FicheEtudiant(rang, prenom, nom, MINEURS.get(rang, naissance)))
    return fiches


def representant_legal(fiche: FicheEtudiant) -> dict[str, str]:
    """A minor's convention is also signed by a parent: a fictional one, with contacts."""
    if not fiche.mineur:
        return {}
    parent = Personne("Nathalie" if fiche.rang % 2 == 0 else "Olivier", fiche.nom)
    return {
        "representant_legal_nom": f"{parent.prenom} {parent.nom}",
        "representant_legal_email": parent.email,
        "representant_legal_telephone": f"06 00 00 {fiche.rang:02d} 17",
    }
