"""Reads of the fiches: a student's fiches, one of them as its owner or as staff, the fiches a
référent has to review, the versions of a fiche with the référent's word on each field, and
the stage a draft is taken from (examens/brouillon.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db.models import Prefetch, QuerySet

from comptes.models import Utilisateur
from conventions.models import Convention
from etablissement.models import Etudiant
from examens import brouillon
from examens.modeles import Champ, ModeleFiche, modele
from examens.models import AvisChamp, Fiche, StatutFiche, VersionFiche
from journal import selectors as journal
from journal.models import EntreeJournal


def fiches() -> QuerySet[Fiche]:
    """Fiches with what their lists show (the student, the stage's host, the versions and
    the référent's word on them) in a constant number of queries."""
    return (
        Fiche.objects.select_related(
            "etudiant__promotion", "etudiant__referent", "convention__etablissement_accueil"
        )
        .prefetch_related(
            Prefetch(
                "versions",
                queryset=VersionFiche.objects.order_by("-numero").prefetch_related(
                    Prefetch("avis", queryset=AvisChamp.objects.select_related("par"))
                ),
            )
        )
        .order_by("etudiant__nom", "etudiant__prenom", "type", "numero")
    )


def fiches_de(etudiant: Etudiant) -> QuerySet[Fiche]:
    return fiches().filter(etudiant=etudiant)


def fiche_de(etudiant: Etudiant, pk: int) -> Fiche | None:
    """A fiche of this student, or None (anyone else's fiche is not found)."""
    return fiches_de(etudiant).filter(pk=pk).first()


def a_relire(utilisateur: AbstractBaseUser | AnonymousUser, statut: str | None) -> QuerySet[Fiche]:
    """The fiches a member of staff reviews: an administrator every student's, a teacher
    those of the students they follow; `statut` narrows (None: every state)."""
    if not isinstance(utilisateur, Utilisateur) or not utilisateur.is_active:
        return Fiche.objects.none()
    qs = fiches()
    if not utilisateur.est_administrateur:
        if not utilisateur.est_enseignant:
            return Fiche.objects.none()
        qs = qs.filter(etudiant__referent__utilisateur=utilisateur)
    if statut:
        qs = qs.filter(statut=statut)
    return qs


def versions(fiche: Fiche) -> list[VersionFiche]:
    """The versions of a fiche, latest first (prefetched by `fiches()`)."""
    return sorted(fiche.versions.all(), key=lambda v: v.numero, reverse=True)


def courante(fiche: Fiche) -> VersionFiche:
    return versions(fiche)[0]


def derniere_relue(fiche: Fiche) -> VersionFiche | None:
    """The latest version the référent reviewed (its comments guide the next one)."""
    return next((v for v in versions(fiche) if v.relue_le is not None), None)


@dataclass(frozen=True)
class LigneChamp:
    champ: Champ
    texte: str
    avis: AvisChamp | None  # the référent's word on it, in the latest reviewed version


@dataclass(frozen=True)
class LigneSection:
    libelle: str
    champs: tuple[LigneChamp, ...]


def par_section(
    fiche: Fiche, version: VersionFiche, *, historique: bool = False
) -> list[LigneSection]:
    """The text of `version` laid out as the official form, each field with the référent's
    word on it: from the latest reviewed version (the comments guide the next one), or,
    in the history, from this version's own review only."""
    if version.relue_le or historique:
        relue = version if version.relue_le else None
    else:
        relue = derniere_relue(fiche)
    avis = {a.champ: a for a in relue.avis.all()} if relue else {}
    m = modele(fiche.type)
    return [
        LigneSection(
            s.libelle,
            tuple(
                LigneChamp(c, str(version.contenu.get(c.cle, "")), avis.get(c.cle))
                for c in s.champs
            ),
        )
        for s in m.sections
    ]


def dernier_commentaire(fiche: Fiche) -> str:
    """The référent's first comment on a field to fix, in the latest review: what the lists
    show beside the state."""
    relue = derniere_relue(fiche)
    if relue is None:
        return ""
    a_corriger = [a for a in relue.avis.all() if a.commentaire]
    return a_corriger[0].commentaire if a_corriger else ""


def conventions_possibles(etudiant: Etudiant) -> QuerySet[Convention]:
    """The stages a fiche may tell about: the student's signed conventions."""
    return journal.conventions_du_journal(etudiant)


def stage_pour(
    etudiant: Etudiant, convention: Convention, type_fiche: str, *, aujourdhui: date
) -> brouillon.Stage:
    """What the draft of a fiche of `type_fiche` about `convention` is taken from: its host,
    dates and place, and the log entries of that stage which feed that type of fiche."""
    site = convention.etablissement_accueil
    org = site.organisme
    couverture = journal.couverture_de(etudiant, aujourdhui=aujourdhui)
    pks = {
        e.pk for ligne in couverture.fiches if ligne.regle.code == type_fiche for e in ligne.entrees
    }
    entrees = EntreeJournal.objects.filter(pk__in=pks, convention=convention)

    def adresse(rue: str, code_postal: str, ville: str) -> str:
        return ", ".join(x for x in (rue.strip(), f"{code_postal} {ville}".strip()) if x)

    return brouillon.Stage(
        organisme=org.raison_sociale,
        adresse=adresse(org.adresse, org.code_postal, org.ville)
        or adresse(site.adresse, site.code_postal, site.ville),
        activite=f"Code NAF (APE) {org.naf}" if org.naf else "",
        lieu=", ".join(
            x for x in (site.enseigne, adresse(site.adresse, site.code_postal, site.ville)) if x
        ),
        periodes=tuple((p.debut, p.fin) for p in convention.periodes.all()),
        activites=tuple(
            brouillon.Activite(e.pk, e.date_debut, e.date_fin, e.activites) for e in entrees
        ),
    )


def modele_de(fiche: Fiche) -> ModeleFiche:
    return modele(fiche.type)


STATUTS_A_RELIRE = (StatutFiche.SOUMISE,)
