"""Reads on the school, its cohorts and students, and the engine's view of a student."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db.models import QuerySet

from etablissement.models import Enseignant, Etablissement, Etudiant, PeriodePromotion, Promotion
from regles import modele
from regles.parametres import parametres


def etablissement_principal() -> Etablissement | None:
    """The school this installation serves (the first one recorded), or None before the
    administrator has entered it."""
    return Etablissement.objects.order_by("pk").first()


def promotions_en_cours(*, annee_scolaire: int) -> QuerySet[Promotion]:
    """The cohorts in training during the school year that starts in `annee_scolaire`."""
    # The length of the training in force that year stands for every cohort's: it has been
    # two years since the BTS exists.
    annees = parametres().entier("reglages.ndrc_annees", date(annee_scolaire, 12, 31))
    return (
        Promotion.objects.filter(
            annee_debut__lte=annee_scolaire, annee_debut__gt=annee_scolaire - annees
        )
        .select_related("formation", "version_referentiel")
        .order_by("-annee_debut", "libelle")
    )


def periodes_de(
    promotion: Promotion, *, annee_formation: int | None = None
) -> QuerySet[PeriodePromotion]:
    periodes = promotion.periodes.order_by("debut")
    if annee_formation is not None:
        periodes = periodes.filter(annee_formation=annee_formation)
    return periodes


def etudiants_de(promotion: Promotion, *, archives: bool = False) -> QuerySet[Etudiant]:
    etudiants = promotion.etudiants.select_related("referent").order_by("nom", "prenom")
    return etudiants if archives else etudiants.filter(archive=False)


def etudiants_suivis_par(enseignant: Enseignant) -> QuerySet[Etudiant]:
    """The students `enseignant` follows as référent, archived ones left out."""
    return (
        enseignant.etudiants_suivis.filter(archive=False)
        .select_related("promotion")
        .order_by("promotion__annee_debut", "nom", "prenom")
    )


def etudiant_pour_regles(etudiant: Etudiant) -> modele.Etudiant:
    """The engine's view of a student: its id is the primary key, as text."""
    return modele.Etudiant(
        id=str(etudiant.pk),
        date_naissance=etudiant.date_naissance,
        debut_formation=etudiant.promotion.debut_formation,
    )


def etudiants_pour_regles(
    etudiants: QuerySet[Etudiant] | Iterable[Etudiant],
) -> list[modele.Etudiant]:
    if isinstance(etudiants, QuerySet):
        etudiants = etudiants.select_related("promotion")
    return [etudiant_pour_regles(e) for e in etudiants]
