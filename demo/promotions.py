"""The three cohorts of the demo, their stage calendar and their students: thirty in each of
the two under way, eight in the one that sat the 2026 exam session."""

from __future__ import annotations

from dataclasses import dataclass

from comptes.models import Role
from demo import personnes
from demo.calendrier import JOURS_VISES, PROMOTIONS
from demo.equipe import Equipe, compte_creer
from demo.identifiants import ine
from etablissement.models import Etudiant, Promotion
from etablissement.services import etudiant_creer, periode_promotion_creer, promotion_creer
from referentiel.models import Formation


@dataclass
class Promotions:
    anciens: Promotion  # started in September 2025, in year 2
    nouveaux: Promotion  # started in September 2026, in year 1
    diplomes: Promotion  # started in September 2024, exam session 2026, stages all over
    etudiants: list[Etudiant]  # by rank: 0-29 the 2025 cohort, 30-59 the 2026 one, 60-67 2024

    def etudiant(self, rang: int) -> Etudiant:
        return self.etudiants[rang]


def promotions_creer(equipe: Equipe) -> Promotions:
    formation = Formation.objects.get(code="BTS-NDRC")
    cohortes = []
    for libelle, annee_debut, periodes in PROMOTIONS:
        promotion = promotion_creer(formation=formation, libelle=libelle, annee_debut=annee_debut)
        for annee_formation, nom, debut, fin in periodes:
            periode_promotion_creer(
                promotion=promotion,
                annee_formation=annee_formation,
                libelle=nom,
                debut=debut,
                fin=fin,
                jours_vises=JOURS_VISES,
            )
        cohortes.append(promotion)
    anciens, nouveaux, diplomes = cohortes

    etudiants = []
    for fiche in personnes.etudiants():
        ancien = fiche.rang < personnes.PAR_PROMOTION
        diplome = fiche.rang in personnes.RANGS_DIPLOMES
        compte = (
            compte_creer(personnes.Personne(fiche.prenom, fiche.nom), Role.ETUDIANT)
            if fiche.rang in personnes.RANGS_COMPTES
            else None
        )
        etudiants.append(
            etudiant_creer(
                promotion=diplomes if diplome else anciens if ancien else nouveaux,
                nom=fiche.nom,
                prenom=fiche.prenom,
                date_naissance=fiche.date_naissance,
                ine=ine(fiche.rang),
                email=fiche.email,
                telephone=f"06 00 01 {fiche.rang // 10:02d} {fiche.rang % 10 + 10}",
                classe="NDRC 2" if ancien or diplome else "NDRC 1",
                # Each teacher follows a third of each cohort under way: 20 students.
                referent=equipe.enseignants[fiche.rang % len(equipe.enseignants)],
                utilisateur=compte,
                **personnes.representant_legal(fiche),
            )
        )
    return Promotions(anciens=anciens, nouveaux=nouveaux, diplomes=diplomes, etudiants=etudiants)
