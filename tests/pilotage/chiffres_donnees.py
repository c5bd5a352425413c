"""A small section built by hand for the figures' tests, every figure counted in the tests.

School year 2025-2026. Cohort NDRC 2025-2027 (1re année: January 5-30 and May 25 - June 19
2026) has three students: Alice and Bruno signed for January, Chloé has a draft with no
clause (stopped by the law). Cohort NDRC 2024-2026 (2e année in 2025-2026) has Dan, who did
January 2025 at Quai des Affaires in 1re année and has nothing this year: Quai des Affaires
returns, Garonne Immobilier is new."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.utils import timezone

from comptes.models import Utilisateur
from conventions.models import Convention
from conventions.services import convention_transition
from evaluations import services as evaluations_services
from evaluations.models import Evaluation, Question, TypeQuestionnaire
from tests import fabriques
from tests.pilotage.outils import chef_de_travaux, valider

JANVIER = ((date(2026, 1, 5), date(2026, 1, 30)),)


def _moment(jour: date) -> datetime:
    return timezone.make_aware(datetime(jour.year, jour.month, jour.day, 10))


def signer(
    convention: Convention, chef: Utilisateur, *, demandee: date, signee: date
) -> Convention:
    """Validated and signed through the workflow on `signee`, created (requested) on
    `demandee`."""
    valider(convention, chef)
    convention_transition(convention=convention, action="envoyer_signature", auteur=chef)
    convention_transition(
        convention=convention, action="enregistrer_signatures", auteur=chef, le=signee
    )
    Convention.objects.filter(pk=convention.pk).update(cree_le=_moment(demandee))
    convention.refresh_from_db()
    return convention


def apprecier(convention: Convention, reponse: str | None) -> None:
    """The tutor's evaluation of the convention's period asked, answered `reponse` (None:
    not filled yet)."""
    evaluation = evaluations_services.evaluation_obtenir(
        periode=convention.periodes.get(), type_=TypeQuestionnaire.TUTEUR
    )
    if reponse is None:
        return
    question = Question.objects.get(questionnaire=evaluation.questionnaire, code="appreciation")
    Evaluation.objects.filter(pk=evaluation.pk).update(
        reponses={str(question.pk): reponse}, remplie_le=_moment(date(2026, 2, 2))
    )


def section() -> dict[str, Any]:
    evaluations_services.questionnaires_par_defaut(le=timezone.now())
    chef = chef_de_travaux()
    promo = fabriques.promotion(annee_debut=2025)
    anciens = fabriques.promotion(annee_debut=2024)
    alice = fabriques.etudiant(promotion=promo, nom="Arnaud", prenom="Alice")
    bruno = fabriques.etudiant(promotion=promo, nom="Bernard", prenom="Bruno")
    chloe = fabriques.etudiant(promotion=promo, nom="Chevalier", prenom="Chloé")
    dan = fabriques.etudiant(promotion=anciens, nom="Dupuy", prenom="Dan")
    quai = fabriques.organisme(
        raison_sociale="Quai des Affaires", naf="47.11F", effectif=12, du=date(2024, 9, 1)
    )
    garonne = fabriques.organisme(raison_sociale="Garonne Immobilier", naf="68.31Z", effectif=300)
    signer(
        fabriques.convention(
            etudiant_=dan,
            organisme_=quai,
            periodes=((date(2025, 1, 6), date(2025, 1, 31)),),
            auteur=chef,
        ),
        chef,
        demandee=date(2024, 11, 4),
        signee=date(2024, 12, 2),
    )
    a = signer(
        fabriques.convention(etudiant_=alice, organisme_=quai, periodes=JANVIER, auteur=chef),
        chef,
        demandee=date(2025, 11, 3),
        signee=date(2025, 11, 20),  # 17 days
    )
    b = signer(
        fabriques.convention(etudiant_=bruno, organisme_=garonne, periodes=JANVIER, auteur=chef),
        chef,
        demandee=date(2025, 11, 1),
        signee=date(2025, 11, 5),  # 4 days
    )
    brouillon = fabriques.convention(
        etudiant_=chloe, organisme_=quai, periodes=JANVIER, auteur=chef, contenus={}
    )
    apprecier(a, "Satisfaisante")
    apprecier(b, None)
    return {"chef": chef, "promo": promo, "alice": a, "bruno": b, "brouillon": brouillon}


def plus_d_etudiants(nombre: int) -> None:
    """`nombre` more students of NDRC 2025-2027, each signed for January at a host of their
    own (hosts with no NAF code): more rows, the same queries."""
    chef = chef_de_travaux()
    promo = fabriques.promotion(annee_debut=2025, periodes=False, libelle="NDRC bis 2025-2027")
    for rang in range(nombre):
        eleve = fabriques.etudiant(promotion=promo, nom=f"Etudiant{rang:02d}")
        signer(
            fabriques.convention(
                etudiant_=eleve,
                organisme_=fabriques.organisme(raison_sociale=f"Hôte {rang}"),
                periodes=JANVIER,
                auteur=chef,
            ),
            chef,
            demandee=date(2025, 11, 3),
            signee=date(2025, 11, 20),
        )
