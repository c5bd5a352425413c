"""Writes on the fiches: the student creates, drafts and sends a fiche for review, attaches
the offer's annex (E4); the référent reviews it field by field and may reopen a fiche found
conforme.

The life of a fiche: brouillon → soumise (the version is frozen: `soumise_le`) → conforme
(every field conforme: frozen for good, unless the référent reopens it) or à corriger; the
student's next change then starts a new version, a copy of the last one, so the reviewed
text stays as it was read. Every rule is checked here, whoever calls; each write locks the
fiche's row (a review and a change never cross), a creation the student's row (two
creations never draw the same number). The caller passes the moment: nothing here reads
the clock."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import IO

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import File
from django.db import transaction
from django.db.models import Max
from pypdf import PdfReader
from pypdf.errors import PdfReadError

from comptes.models import Utilisateur
from conventions.acces import peut_modifier
from conventions.models import Convention
from conventions.workflow import JOURNAL_POSSIBLE
from core.audit import Action
from etablissement.models import Etudiant
from examens import brouillon, selectors
from examens.modeles import ModeleFiche, modele
from examens.models import (
    COMMENTAIRE_MAX,
    TITRE_MAX,
    AvisChamp,
    AvisChampChoix,
    EvenementFiche,
    Fiche,
    StatutFiche,
    TypeFiche,
    VersionFiche,
)
from journal import fichiers

# Not a legal figure: more fiches than any exam asks for, a bound on what one may create.
FICHES_MAX = 12  # per candidate and per exam
# The offer's annex is two pages recto-verso: a PDF of a few pages.
ANNEXE_MAX = 5 * 1024 * 1024

EN_RELECTURE = "Cette fiche est en relecture chez votre référent : attendez son retour."
FIGEE = (
    "Cette fiche est conforme : elle est figée. Si elle doit changer, demandez à votre "
    "référent de la rouvrir."
)
PAS_REFERENT = "Seuls le référent de l'étudiant et les administrateurs relisent ses fiches."


def _nettoyer(texte: str) -> str:
    """The text as kept: no NUL character (PostgreSQL refuses them), Unix line ends, no
    blank around."""
    return texte.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n").strip()


def _journaliser(
    fiche: Fiche, action: Action, version: VersionFiche, auteur: Utilisateur | None = None
) -> None:
    EvenementFiche.objects.create(
        fiche=fiche,
        action=action,
        auteur=auteur,
        commentaire=f"Version {version.numero}",
        donnees={"version": version.numero, "statut": fiche.statut},
    )


def groupe(type_fiche: str) -> tuple[str, ...]:
    """The types numbered together: E4's two fiche types, E6's three, the fiche sujet."""
    epreuve = modele(type_fiche).epreuve
    return tuple(t for t in TypeFiche.values if modele(t).epreuve == epreuve)


def _verifier_titre(titre: str) -> str:
    titre = " ".join(_nettoyer(titre).split())
    if not titre:
        raise ValidationError({"titre": "Donnez un intitulé à la fiche."})
    if len(titre) > TITRE_MAX:
        raise ValidationError({"titre": f"{TITRE_MAX} caractères au plus (ici {len(titre)})."})
    return titre


@transaction.atomic
def fiche_creer(
    *,
    etudiant: Etudiant,
    type_fiche: str,
    titre: str,
    convention: Convention | None,
    activite_reelle: bool = True,
    le: datetime,
    aujourdhui: date,
) -> Fiche:
    """A new fiche, numbered after the student's others of the same exam; drawn from the
    stage (and its log) when one is given, blank otherwise."""
    if type_fiche not in TypeFiche.values:
        raise ValidationError({"type_fiche": "Choisissez un type de fiche de la liste."})
    titre = _verifier_titre(titre)
    m = modele(type_fiche)
    if convention is not None and (
        convention.etudiant_id != etudiant.pk or convention.statut not in JOURNAL_POSSIBLE
    ):
        raise ValidationError({"convention": "Choisissez un de vos stages signés."})
    # The student's row, locked: the next number is read and taken by one creation at a time.
    Etudiant.objects.select_for_update().only("pk").get(pk=etudiant.pk)
    memes = Fiche.objects.filter(etudiant=etudiant, type__in=groupe(type_fiche))
    if memes.count() >= FICHES_MAX:
        raise ValidationError(f"{FICHES_MAX} fiches au plus pour cette épreuve.")
    numero = (memes.aggregate(n=Max("numero"))["n"] or 0) + 1
    if convention is not None:
        tire = brouillon.preremplir(
            m, selectors.stage_pour(etudiant, convention, type_fiche, aujourdhui=aujourdhui)
        )
    else:
        tire = brouillon.Brouillon(contenu=brouillon.vide(m), entrees=())
    fiche = Fiche.objects.create(
        etudiant=etudiant,
        type=type_fiche,
        numero=numero,
        titre=titre,
        convention=convention,
        activite_reelle=activite_reelle if m.activite_reelle else True,
        cree_le=le,
        modifie_le=le,
    )
    version = VersionFiche.objects.create(fiche=fiche, numero=1, contenu=tire.contenu, cree_le=le)
    fiche.entrees.set(tire.entrees)
    _journaliser(fiche, Action.FICHE_CREATION, version, etudiant.utilisateur)
    return fiche


def _verrouiller(fiche: Fiche) -> tuple[Fiche, VersionFiche]:
    """The fiche's row locked until the end of the transaction, and its latest version."""
    if not transaction.get_connection().in_atomic_block:  # SQLite would not notice
        raise transaction.TransactionManagementError("a fiche is locked inside a transaction")
    verrouillee = Fiche.objects.select_for_update().get(pk=fiche.pk)
    version = VersionFiche.objects.filter(fiche=verrouillee).order_by("-numero").first()
    assert version is not None  # a fiche is created with its first version
    return verrouillee, version


def _version_modifiable(fiche: Fiche, version: VersionFiche, le: datetime) -> VersionFiche:
    """The version the student may change: the current draft, or, once one was sent for
    review, a new one copied from it (the reviewed text stays as it was read)."""
    if fiche.statut == StatutFiche.SOUMISE:
        raise ValidationError(EN_RELECTURE)
    if fiche.statut == StatutFiche.CONFORME:
        raise ValidationError(FIGEE)
    if version.soumise_le is None:
        return version
    nouvelle = VersionFiche.objects.create(
        fiche=fiche, numero=version.numero + 1, contenu=dict(version.contenu), cree_le=le
    )
    fiche.statut = StatutFiche.BROUILLON
    return nouvelle


def verifier_contenu(m: ModeleFiche, contenu: Mapping[str, object]) -> dict[str, str]:
    """`contenu` cleaned, or a ValidationError naming each field too long or unknown."""
    connus = {c.cle: c for c in m.champs}
    erreurs: dict[str, list[str]] = {}
    propre: dict[str, str] = {}
    for cle, valeur in contenu.items():
        champ = connus.get(cle)
        if champ is None or not isinstance(valeur, str):
            erreurs.setdefault("__all__", []).append("Ce champ n'existe pas sur cette fiche.")
            continue
        texte = _nettoyer(valeur)
        if len(texte) > champ.max:
            erreurs.setdefault(cle, []).append(
                f"{champ.max} caractères au plus (ici {len(texte)})."
            )
        propre[cle] = texte
    if erreurs:
        raise ValidationError(erreurs)
    return propre


@transaction.atomic
def fiche_modifier(
    *,
    fiche: Fiche,
    titre: str,
    contenu: Mapping[str, object],
    activite_reelle: bool | None = None,
    le: datetime,
) -> VersionFiche:
    """The student changes the title and the fields given (the others stay as they were);
    E6: « activité réelle vécue : oui / non »."""
    fiche, version = _verrouiller(fiche)
    titre = _verifier_titre(titre)
    propre = verifier_contenu(modele(fiche.type), contenu)
    version = _version_modifiable(fiche, version, le)
    version.contenu = {**version.contenu, **propre}
    version.save(update_fields=["contenu"])
    fiche.titre = titre
    if activite_reelle is not None and modele(fiche.type).activite_reelle:
        fiche.activite_reelle = activite_reelle
    fiche.modifie_le = le
    fiche.save(update_fields=["titre", "activite_reelle", "statut", "modifie_le"])
    return version


def _verifier_lisible(flux: IO[bytes]) -> None:
    """The annex goes into the commission's pack page by page: a PDF that cannot be read
    (damaged, protected by a password, without pages) is refused now, not on pack day."""
    try:
        lecteur = PdfReader(flux)
        lisible = not lecteur.is_encrypted and len(lecteur.pages) > 0
    except (PdfReadError, ValueError, KeyError, TypeError, OSError):
        lisible = False
    finally:
        flux.seek(0)
    if not lisible:
        raise ValidationError(
            "Ce PDF est illisible (endommagé, protégé par un mot de passe ou sans page) : "
            "enregistrez de nouveau le document au format PDF."
        )


@transaction.atomic
def annexe_deposer(*, fiche: Fiche, flux: IO[bytes], taille: int, le: datetime) -> Fiche:
    """E4: the offer's annex, a PDF (its type read from its content), replacing the last."""
    fiche, version = _verrouiller(fiche)
    if not modele(fiche.type).annexe_offre:
        raise ValidationError("Seules les fiches E4 ont une annexe de présentation de l'offre.")
    _version_modifiable(fiche, version, le)
    if taille > ANNEXE_MAX:
        raise ValidationError(f"Ce fichier dépasse {ANNEXE_MAX // (1024 * 1024)} Mo : réduisez-le.")
    if taille == 0:
        raise ValidationError("Ce fichier est vide.")
    if fichiers.type_du_contenu(flux) != fichiers.PDF:
        raise ValidationError("L'annexe doit être un fichier PDF.")
    _verifier_lisible(flux)
    ancien = fiche.annexe_offre.name
    stockage = fiche.annexe_offre.storage
    fiche.annexe_offre.save(fichiers.nom_aleatoire(fichiers.PDF), File(flux), save=False)
    nouveau = fiche.annexe_offre.name
    fiche.modifie_le = le
    try:  # a failed row leaves no orphan file behind
        fiche.save(update_fields=["annexe_offre", "statut", "modifie_le"])
    except Exception:
        stockage.delete(nouveau)
        raise
    if ancien:
        transaction.on_commit(lambda: stockage.delete(ancien))
    return fiche


def manques(fiche: Fiche, version: VersionFiche) -> list[str]:
    """What the fiche lacks to be sent for review: the labels of its empty required fields,
    and the offer's annex for E4."""
    m = modele(fiche.type)
    vides = [
        c.libelle for c in m.champs if c.obligatoire and not str(version.contenu.get(c.cle, ""))
    ]
    if m.annexe_offre and not fiche.annexe_offre:
        vides.append("Annexe : présentation de l'offre (PDF)")
    return vides


@transaction.atomic
def fiche_soumettre(*, fiche: Fiche, le: datetime) -> VersionFiche:
    """Send the current version for review: it is frozen from then on."""
    fiche, version = _verrouiller(fiche)
    if fiche.statut == StatutFiche.SOUMISE:
        raise ValidationError(EN_RELECTURE)
    if fiche.statut == StatutFiche.CONFORME:
        raise ValidationError(FIGEE)
    if version.soumise_le is not None:
        raise ValidationError(
            "Cette version a déjà été relue : corrigez les champs signalés avant de la renvoyer."
        )
    vides = manques(fiche, version)
    if vides:
        raise ValidationError("Complétez d'abord : " + " ; ".join(vides) + ".", code="incomplete")
    version.soumise_le = le
    version.save(update_fields=["soumise_le"])
    fiche.statut = StatutFiche.SOUMISE
    fiche.modifie_le = le
    fiche.save(update_fields=["statut", "modifie_le"])
    _journaliser(fiche, Action.FICHE_ENVOI, version, fiche.etudiant.utilisateur)
    return version


def _exiger_referent(utilisateur: AbstractBaseUser | AnonymousUser, fiche: Fiche) -> Utilisateur:
    etudiant = Etudiant.objects.select_related("referent").get(pk=fiche.etudiant_id)
    if not isinstance(utilisateur, Utilisateur) or not peut_modifier(utilisateur, etudiant):
        raise PermissionDenied(PAS_REFERENT)
    return utilisateur


@transaction.atomic
def fiche_relire(
    *,
    fiche: Fiche,
    avis: Mapping[str, tuple[str, str]],
    par: AbstractBaseUser | AnonymousUser,
    le: datetime,
) -> Fiche:
    """The référent's word on every field of the version sent for review ({key: (avis,
    comment)}): all conforme makes the fiche conforme, any « à corriger » sends it back."""
    relecteur = _exiger_referent(par, fiche)
    fiche, version = _verrouiller(fiche)
    if fiche.statut != StatutFiche.SOUMISE or version.soumise_le is None:
        raise ValidationError("Cette fiche n'attend pas de relecture.")
    m = modele(fiche.type)
    erreurs: dict[str, list[str]] = {}
    lignes: list[AvisChamp] = []
    for champ in m.champs:
        choix, commentaire = avis.get(champ.cle, ("", ""))
        commentaire = _nettoyer(commentaire)
        if choix not in AvisChampChoix.values:
            erreurs.setdefault(champ.cle, []).append(
                f"« {champ.libelle} » : dites s'il est conforme ou à corriger."
            )
        elif choix == AvisChampChoix.A_CORRIGER and not commentaire:
            erreurs.setdefault(champ.cle, []).append(
                f"« {champ.libelle} » : dites ce qu'il faut corriger."
            )
        if len(commentaire) > COMMENTAIRE_MAX:
            erreurs.setdefault(champ.cle, []).append(
                f"{COMMENTAIRE_MAX} caractères au plus (ici {len(commentaire)})."
            )
        lignes.append(
            AvisChamp(
                version=version,
                champ=champ.cle,
                avis=choix,
                commentaire=commentaire,
                par=relecteur,
                le=le,
            )
        )
    if erreurs:
        raise ValidationError(erreurs)
    AvisChamp.objects.bulk_create(lignes)
    version.relue_le = le
    version.relue_par = relecteur
    version.save(update_fields=["relue_le", "relue_par"])
    tout_conforme = all(a.avis == AvisChampChoix.CONFORME for a in lignes)
    fiche.statut = StatutFiche.CONFORME if tout_conforme else StatutFiche.A_CORRIGER
    fiche.modifie_le = le
    fiche.save(update_fields=["statut", "modifie_le"])
    _journaliser(fiche, Action.FICHE_RELECTURE, version, relecteur)
    return fiche


@transaction.atomic
def fiche_rouvrir(
    *, fiche: Fiche, par: AbstractBaseUser | AnonymousUser, le: datetime
) -> VersionFiche:
    """The référent reopens a conforme fiche: a new draft version, copied from the last."""
    relecteur = _exiger_referent(par, fiche)
    fiche, version = _verrouiller(fiche)
    if fiche.statut != StatutFiche.CONFORME:
        raise ValidationError("Seule une fiche conforme se rouvre.")
    nouvelle = VersionFiche.objects.create(
        fiche=fiche, numero=version.numero + 1, contenu=dict(version.contenu), cree_le=le
    )
    fiche.statut = StatutFiche.BROUILLON
    fiche.modifie_le = le
    fiche.save(update_fields=["statut", "modifie_le"])
    _journaliser(fiche, Action.FICHE_REOUVERTURE, nouvelle, relecteur)
    return nouvelle
