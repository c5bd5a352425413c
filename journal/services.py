"""Writes on the activity log: the student's entries and attachments, the tutor's
countersignature, the référent's comment.

Every rule of an entry is checked here, whoever calls: dates inside one of the convention's
periods and not to come, a day or a week at most, missions of the student's formation and
competences of their cohort's referential, nothing changed once the tutor countersigned.
The caller passes the moment (`le`) and the day (`aujourdhui`): nothing here reads the clock."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import IO

from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.db import transaction

from comptes.models import Utilisateur
from conventions.models import Convention, EvenementConvention
from conventions.workflow import JOURNAL_POSSIBLE
from core.audit import Action
from journal import fichiers
from journal.models import ACTIVITES_MAX, COMMENTAIRE_MAX, EntreeJournal, PieceJointe
from referentiel.models import Competence, Mission

# A day or a week: an entry covers at most seven consecutive days.
JOURS_MAX = 7

CONTRESIGNEE = "Votre tuteur a contresigné cette entrée : elle ne peut plus être modifiée."


@dataclass(frozen=True)
class Saisie:
    """What the student typed for an entry."""

    date_debut: date
    date_fin: date
    activites: str
    missions: tuple[Mission, ...] = ()
    competences: tuple[Competence, ...] = ()


def _verifier(convention: Convention, saisie: Saisie, *, aujourdhui: date) -> None:
    erreurs: dict[str, list[str]] = {}
    if convention.statut not in JOURNAL_POSSIBLE:
        erreurs.setdefault("__all__", []).append(
            "Le journal s'ouvre quand la convention est signée."
        )
    debut, fin = saisie.date_debut, saisie.date_fin
    if fin < debut:
        erreurs.setdefault("date_fin", []).append("La fin doit suivre le début.")
    elif (fin - debut) >= timedelta(days=JOURS_MAX):
        erreurs.setdefault("date_fin", []).append(
            f"Une entrée couvre un jour ou une semaine : {JOURS_MAX} jours au plus."
        )
    if debut > aujourdhui:
        erreurs.setdefault("date_debut", []).append(
            "Ce jour n'est pas encore passé : notez vos activités une fois faites."
        )
    periodes = list(convention.periodes.all())
    if not any(p.debut <= debut and fin <= p.fin for p in periodes):
        dates = " ; ".join(f"du {p.debut:%d/%m/%Y} au {p.fin:%d/%m/%Y}" for p in periodes)
        erreurs.setdefault("date_debut", []).append(
            f"Ces dates sortent des périodes de stage de la convention ({dates or 'aucune'})."
        )
    texte = saisie.activites.strip()
    if not texte:
        erreurs.setdefault("activites", []).append("Dites ce que vous avez fait.")
    elif len(texte) > ACTIVITES_MAX:
        erreurs.setdefault("activites", []).append(
            f"{ACTIVITES_MAX} caractères au plus (ici {len(texte)})."
        )
    promotion = convention.etudiant.promotion
    if any(m.famille.formation_id != promotion.formation_id for m in saisie.missions):
        erreurs.setdefault("missions", []).append(
            "Choisissez des missions du catalogue de votre formation."
        )
    if any(c.bloc.version_id != promotion.version_referentiel_id for c in saisie.competences):
        erreurs.setdefault("competences", []).append(
            "Choisissez des compétences du référentiel de votre promotion."
        )
    if erreurs:
        raise ValidationError(erreurs)


def _ecrire(entree: EntreeJournal, saisie: Saisie) -> None:
    entree.missions.set(saisie.missions)
    entree.competences.set(saisie.competences)


@transaction.atomic
def entree_creer(
    *, convention: Convention, saisie: Saisie, le: datetime, aujourdhui: date
) -> EntreeJournal:
    _verifier(convention, saisie, aujourdhui=aujourdhui)
    entree = EntreeJournal.objects.create(
        convention=convention,
        date_debut=saisie.date_debut,
        date_fin=saisie.date_fin,
        activites=saisie.activites.strip(),
        cree_le=le,
        modifie_le=le,
    )
    _ecrire(entree, saisie)
    return entree


def _verrouiller(entree: EntreeJournal) -> EntreeJournal:
    """The entry, row-locked until the end of the transaction: a countersignature and a
    change by the student never cross."""
    verrouillee = EntreeJournal.objects.select_for_update().get(pk=entree.pk)
    if verrouillee.contresignee:
        raise ValidationError(CONTRESIGNEE)
    return verrouillee


@transaction.atomic
def entree_modifier(
    *, entree: EntreeJournal, saisie: Saisie, le: datetime, aujourdhui: date
) -> EntreeJournal:
    entree = _verrouiller(entree)
    _verifier(entree.convention, saisie, aujourdhui=aujourdhui)
    entree.date_debut = saisie.date_debut
    entree.date_fin = saisie.date_fin
    entree.activites = saisie.activites.strip()
    entree.modifie_le = le
    entree.save()
    _ecrire(entree, saisie)
    return entree


@transaction.atomic
def entree_supprimer(*, entree: EntreeJournal) -> None:
    entree = _verrouiller(entree)
    noms = [p.fichier.name for p in entree.pieces.all()]
    stockage = PieceJointe._meta.get_field("fichier").storage
    entree.delete()

    def effacer() -> None:
        for nom in noms:
            stockage.delete(nom)

    transaction.on_commit(effacer)


@transaction.atomic
def piece_ajouter(
    *, entree: EntreeJournal, flux: IO[bytes], nom: str, taille: int, le: datetime
) -> PieceJointe:
    """Attach a file once its size and its real type are checked (FichierRefuse if not)."""
    entree = _verrouiller(entree)
    if entree.pieces.count() >= fichiers.PIECES_MAX:
        raise fichiers.FichierRefuse(
            f"{fichiers.PIECES_MAX} pièces jointes au plus par entrée : retirez-en une d'abord."
        )
    type_fichier = fichiers.verifier(flux, taille)
    piece = PieceJointe(
        entree=entree,
        nom=fichiers.nom_affiche(nom),
        type_contenu=type_fichier.type_contenu,
        taille=taille,
        ajoutee_le=le,
    )
    piece.fichier.save(fichiers.nom_aleatoire(type_fichier), File(flux), save=False)
    nom_stocke = piece.fichier.name
    try:  # a failed row leaves no orphan file behind
        piece.save()
    except Exception:
        piece.fichier.storage.delete(nom_stocke)
        raise
    return piece


@transaction.atomic
def piece_supprimer(*, piece: PieceJointe) -> None:
    _verrouiller(piece.entree)
    nom, stockage = piece.fichier.name, piece.fichier.storage
    piece.delete()
    transaction.on_commit(lambda: stockage.delete(nom))


@transaction.atomic
def contresigner(
    *, entrees: Iterable[EntreeJournal], nom: str, le: datetime
) -> list[EntreeJournal]:
    """The tutor countersigns entries of their interns (the caller has narrowed them to the
    link's scope); an entry already countersigned is left as it was."""
    faites = []
    for entree in entrees:
        verrouillee = EntreeJournal.objects.select_for_update().get(pk=entree.pk)
        if verrouillee.contresignee:
            continue
        verrouillee.contresigne_le = le
        verrouillee.contresigne_par = nom[:200]
        verrouillee.save(update_fields=["contresigne_le", "contresigne_par"])
        EvenementConvention.objects.create(
            convention_id=verrouillee.convention_id,
            action=Action.JOURNAL_CONTRESIGNE,
            commentaire=f"{verrouillee} — {nom}",
            donnees={"entree": verrouillee.pk},
        )
        faites.append(verrouillee)
    return faites


@transaction.atomic
def commenter(
    *, entree: EntreeJournal, texte: str, auteur: Utilisateur, le: datetime
) -> EntreeJournal:
    """The référent's comment on an entry (an empty text removes it)."""
    texte = texte.strip()
    if len(texte) > COMMENTAIRE_MAX:
        raise ValidationError(
            {"commentaire": f"{COMMENTAIRE_MAX} caractères au plus (ici {len(texte)})."}
        )
    entree = EntreeJournal.objects.select_for_update().get(pk=entree.pk)
    entree.commentaire_referent = texte
    entree.commente_le = le if texte else None
    entree.commente_par = auteur if texte else None
    entree.save(update_fields=["commentaire_referent", "commente_le", "commente_par"])
    EvenementConvention.objects.create(
        convention_id=entree.convention_id,
        action=Action.JOURNAL_COMMENTE,
        auteur=auteur,
        commentaire=str(entree),
        donnees={"entree": entree.pk},
    )
    return entree
