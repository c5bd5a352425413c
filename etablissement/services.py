"""Writes on the school's records: cohorts, their calendar, students and teachers."""

from __future__ import annotations

from datetime import date
from typing import Any

from comptes.models import Utilisateur
from etablissement.models import Enseignant, Etudiant, PeriodePromotion, Promotion
from etablissement.validators import normaliser_code
from referentiel.models import Formation, VersionReferentiel


def promotion_creer(
    *,
    formation: Formation,
    libelle: str,
    annee_debut: int,
    objectif_jours_par_annee: int | None = None,
    version_referentiel: VersionReferentiel | None = None,
) -> Promotion:
    """Create a cohort; without a target, the setting in force at its start; without a
    version, the one that governs its exam session."""
    promotion = Promotion(
        formation=formation,
        libelle=libelle.strip(),
        annee_debut=annee_debut,
    )
    if objectif_jours_par_annee is not None:  # else clean() reads the setting
        promotion.objectif_jours_par_annee = objectif_jours_par_annee
    if version_referentiel is not None:  # else clean() takes the one of the exam session
        promotion.version_referentiel = version_referentiel
    promotion.full_clean()
    promotion.save()
    return promotion


def periode_promotion_creer(
    *,
    promotion: Promotion,
    annee_formation: int,
    libelle: str,
    debut: date,
    fin: date,
    jours_vises: int,
) -> PeriodePromotion:
    periode = PeriodePromotion(
        promotion=promotion,
        annee_formation=annee_formation,
        libelle=libelle.strip(),
        debut=debut,
        fin=fin,
        jours_vises=jours_vises,
    )
    periode.full_clean()
    periode.save()
    return periode


def enseignant_creer(
    *,
    nom: str,
    prenom: str,
    email: str,
    telephone: str = "",
    utilisateur: Utilisateur | None = None,
) -> Enseignant:
    enseignant = Enseignant(
        nom=nom.strip(),
        prenom=prenom.strip(),
        email=email.strip().lower(),
        telephone=telephone.strip(),
        utilisateur=utilisateur,
    )
    enseignant.full_clean()
    enseignant.save()
    return enseignant


def etudiant_creer(
    *,
    promotion: Promotion,
    nom: str,
    prenom: str,
    date_naissance: date,
    ine: str = "",
    email: str = "",
    telephone: str = "",
    classe: str = "",
    representant_legal_nom: str = "",
    representant_legal_email: str = "",
    representant_legal_telephone: str = "",
    referent: Enseignant | None = None,
    utilisateur: Utilisateur | None = None,
) -> Etudiant:
    etudiant = Etudiant(
        promotion=promotion,
        nom=nom.strip(),
        prenom=prenom.strip(),
        date_naissance=date_naissance,
        ine=normaliser_code(ine),
        email=email.strip().lower(),
        telephone=telephone.strip(),
        classe=classe.strip(),
        representant_legal_nom=representant_legal_nom.strip(),
        representant_legal_email=representant_legal_email.strip().lower(),
        representant_legal_telephone=representant_legal_telephone.strip(),
        referent=referent,
        utilisateur=utilisateur,
    )
    etudiant.full_clean()
    etudiant.save()
    return etudiant


# What a person may change on a student's record, and how what they type is tidied, as at
# creation (the account and the archive flag have their own services).
_NORMALISER_ETUDIANT: dict[str, Any] = {
    "promotion": lambda v: v,
    "nom": str.strip,
    "prenom": str.strip,
    "date_naissance": lambda v: v,
    "ine": normaliser_code,
    "email": lambda v: v.strip().lower(),
    "telephone": str.strip,
    "classe": str.strip,
    "representant_legal_nom": str.strip,
    "representant_legal_email": lambda v: v.strip().lower(),
    "representant_legal_telephone": str.strip,
    "referent": lambda v: v,
}


def etudiant_modifier(*, etudiant: Etudiant, **champs: Any) -> Etudiant:
    """Change some fields of a student's record (those of `etudiant_creer` but the account)."""
    inconnus = sorted(set(champs) - set(_NORMALISER_ETUDIANT))
    if inconnus:
        raise TypeError(f"etudiant_modifier ne change pas : {', '.join(inconnus)}")
    for champ, valeur in champs.items():
        setattr(etudiant, champ, _NORMALISER_ETUDIANT[champ](valeur))
    etudiant.full_clean()
    etudiant.save(update_fields=list(champs))
    return etudiant


def etudiant_designer_referent(*, etudiant: Etudiant, referent: Enseignant | None) -> Etudiant:
    etudiant.referent = referent
    etudiant.full_clean()
    etudiant.save(update_fields=["referent"])
    return etudiant


def etudiant_archiver(*, etudiant: Etudiant) -> Etudiant:
    """Hide a student who left or graduated; their conventions stay."""
    etudiant.archive = True
    etudiant.save(update_fields=["archive"])
    return etudiant
