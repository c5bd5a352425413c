"""Reads on the school, its cohorts and students, and the engine's view of a student."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db.models import Q, QuerySet, Value
from django.db.models.functions import Concat, Length

from core.recherche import normaliser
from etablissement.models import Enseignant, Etablissement, Etudiant, PeriodePromotion, Promotion
from etablissement.validators import normaliser_code
from regles import mineurs as regles_mineurs
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


# --- The students' list: search and filters, shared by the list screen and the export ---
# (etablissement/views/liste.py and echanges/exports/etudiants.py read the same students)


def nes_apres_sont_mineurs(jour: date) -> date:
    """The birth date after which a person is still a minor on `jour` (born that day: of age)."""
    return regles_mineurs.nes_apres_sont_mineurs(jour, parametres())


def rechercher_etudiants(etudiants: QuerySet[Etudiant], texte: str) -> QuerySet[Etudiant]:
    """Every word must match the name, first name, e-mail or INE: "lucas mart" finds Lucas
    Martin. A search that starts with a digit is an INE typed with its spaces
    ("123 456 789 ab"), or the start of an e-mail address."""
    if texte[0].isdigit():
        return etudiants.filter(
            Q(ine__icontains=normaliser_code(texte)) | Q(email__icontains=texte)
        )
    for mot in texte.split():
        etudiants = etudiants.filter(
            Q(recherche__contains=normaliser(mot))  # first name and name: "ines" finds Inès
            | Q(email__icontains=mot)
            | Q(ine__icontains=normaliser_code(mot))
        )
    return etudiants


def filtrer_etudiants(
    etudiants: QuerySet[Etudiant], filtres: dict[str, Any], *, le: date
) -> QuerySet[Etudiant]:
    """The students the list's filters keep (promotion, classe, referent, mineur, archive);
    archived students only when asked. "Minor" is said of `le`, which the caller decides."""
    if filtres.get("promotion"):
        etudiants = etudiants.filter(promotion=filtres["promotion"])
    if filtres.get("classe"):
        etudiants = etudiants.filter(classe=filtres["classe"])
    referent = filtres.get("referent")
    if referent == "aucun":
        etudiants = etudiants.filter(referent__isnull=True)
    elif referent:  # a teacher, or its id
        etudiants = etudiants.filter(referent=referent)
    limite = nes_apres_sont_mineurs(le)
    if filtres.get("mineur") == "oui":
        etudiants = etudiants.filter(date_naissance__gt=limite)
    elif filtres.get("mineur") == "non":
        etudiants = etudiants.filter(date_naissance__lte=limite)
    archive = filtres.get("archive")
    if archive == "oui":
        etudiants = etudiants.filter(archive=True)
    elif archive != "tous":
        etudiants = etudiants.filter(archive=False)
    return etudiants


def promotions_par_libelle(promotions: QuerySet[Promotion], texte: str) -> list[Promotion]:
    """The cohorts named `texte`, whatever the case ("ndrc FILTRÉE"): compared here, since
    SQLite folds the case of ASCII letters only; the length narrows the rows read."""
    cherche = " ".join(texte.split()).casefold()
    return [
        p
        for p in promotions.annotate(_longueur=Length("libelle")).filter(_longueur=len(cherche))
        if " ".join(p.libelle.split()).casefold() == cherche
    ]


def enseignants_par_libelle(enseignants: QuerySet[Enseignant], texte: str) -> list[Enseignant]:
    """The teachers named `texte` as the suggestions show them: "Claire Martin" (first name,
    then name), whatever the case."""
    cherche = " ".join(texte.split()).casefold()
    libelle = Concat("prenom", Value(" "), "nom")
    return [
        e
        for e in enseignants.annotate(_longueur=Length(libelle)).filter(_longueur=len(cherche))
        if f"{e.prenom} {e.nom}".casefold() == cherche
    ]
