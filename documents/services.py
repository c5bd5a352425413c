"""Generating documents (writes): a PDF is rendered, stored with its version, the template
version and its SHA-256, and never replaced; editing a clause template adds a version."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from comptes.models import Utilisateur
from conventions.models import Avenant, Convention, PeriodeConvention, Statut
from conventions.moteur import Verdict, evaluer_convention
from conventions.workflow import SIGNEES
from documents import bac_a_sable
from documents.bac_a_sable import Donnee
from documents.contexte import Sujet, donnees
from documents.defauts import CORPS_PAR_DEFAUT
from documents.fichiers import enregistrer_fichier, sans_orphelins
from documents.models import Document, ModeleDocument, Signature, TypeDocument, objet_periode
from documents.rendu import logo_en_data_uri, pdf_depuis_gabarit
from etablissement.selectors import etablissement_principal
from regles.applicabilite import raison
from regles.contenus import PAR_CODE
from regles.parametres import ParametreNonEnVigueur

GABARITS: dict[str, str] = {
    TypeDocument.CONVENTION: "documents/pdf/convention.html",
    TypeDocument.AVENANT: "documents/pdf/avenant.html",
    TypeDocument.ATTESTATION: "documents/pdf/attestation.html",
}


# A convention signed, or further along, is changed by an avenant: its PDF is never generated
# again (a new version would void the signatures and write to every signatory again).


class GenerationRefusee(Exception):
    """A PDF that is not generated: it would replace a signed document, or its dates fall
    before the law Stages knows (its figures cannot be computed)."""


def _donnees(
    convention: Convention, verdict: Verdict, *, le: date, sujet: Sujet | None = None
) -> dict[str, Donnee]:
    """What the PDF prints (documents.contexte), or GenerationRefusee saying which law is
    unknown at its dates."""
    try:
        return donnees(
            convention,
            verdict,
            etablissement=etablissement_principal(),
            le=le,
            sujet=sujet or Sujet(),
        )
    except ParametreNonEnVigueur as exc:
        raise GenerationRefusee(
            f"Le document ne peut pas être imprimé pour ces dates : {raison(exc)}."
        ) from exc


class ContenusManquants(Exception):
    """The convention lacks mandatory contents of D124-4: no PDF until they are written."""

    def __init__(self, manquants: list[str]) -> None:
        self.manquants = manquants
        super().__init__("Il manque à la convention : " + " ; ".join(manquants))


def modele_en_vigueur(type_: str) -> ModeleDocument:
    """The latest version of the clause template of `type_` (the default one, as version 1,
    the first time)."""
    modele = ModeleDocument.objects.filter(type=type_).order_by("-version").first()
    if modele is None:
        modele, _ = ModeleDocument.objects.get_or_create(
            type=type_, version=1, defaults={"corps": CORPS_PAR_DEFAUT[type_]}
        )
    return modele


def verifier_corps(corps: str) -> None:
    """Refuse a template that does not compile in the sandbox (a tag or filter outside its
    allow-list), names an undocumented variable, or fails when rendered against sample values
    of every variable (too many loop turns, too long a text): it would break every PDF."""
    try:
        inconnues = bac_a_sable.variables_inconnues(corps)
        if not inconnues:
            bac_a_sable.essayer(corps)
    except bac_a_sable.ModeleIllisible as erreur:
        raise ValidationError({"corps": str(erreur)}) from erreur
    if inconnues:
        raise ValidationError(
            {"corps": "Variables inconnues : " + ", ".join("{{ " + v + " }}" for v in inconnues)}
        )


@transaction.atomic
def modele_enregistrer(*, type_: str, corps: str, auteur: Utilisateur | None) -> ModeleDocument:
    """A new version of the clause template of `type_`; the previous ones stay, and so do the
    documents written with them."""
    if type_ not in TypeDocument.values:
        raise ValidationError(f"Type de document inconnu : {type_}")
    verifier_corps(corps)
    courant = modele_en_vigueur(type_)  # the default becomes version 1 before any edit
    if corps == courant.corps:
        return courant
    derniere = (
        ModeleDocument.objects.select_for_update()
        .filter(type=type_)
        .aggregate(v=Max("version"))["v"]
    )
    modele = ModeleDocument(type=type_, version=(derniere or 0) + 1, corps=corps, auteur=auteur)
    modele.full_clean()
    modele.save()
    return modele


def manquants(verdict: Verdict) -> list[str]:
    """The missing D124-4 items, read from the engine's CONVENTION_INCOMPLETE finding (one
    source of truth with the validation of the convention)."""
    liste: list[str] = []
    for constat in verdict.constats:
        if constat.code != "CONVENTION_INCOMPLETE":
            continue
        for code in str(constat.chiffres.get("manquants", "")).split(", "):
            if code in PAR_CODE:
                liste.append(f"{PAR_CODE[code].numero}° {PAR_CODE[code].libelle}")
    return liste


def _refuser_si_signe(type_: str, statut: str, precedent: Document | None) -> None:
    if type_ == TypeDocument.CONVENTION and statut in SIGNEES:
        raise GenerationRefusee(
            f"La convention est « {Statut(statut).label.lower()} » : son PDF ne se génère plus. "
            "Pour la changer, faites un avenant depuis la page de la convention."
        )
    if precedent is not None and precedent.fichier_signe:
        quoi = "la convention" if type_ == TypeDocument.CONVENTION else "ce document"
        raise GenerationRefusee(
            f"Tous les signataires ont signé {quoi} : il ne se génère plus. Pour le changer, "
            "faites un avenant depuis la page de la convention."
        )


def _courant(convention: Convention, type_: str, objet: str) -> Document | None:
    return (
        Document.objects.filter(convention=convention, type=type_, objet=objet)
        .order_by("-version")
        .first()
    )


def _verrouiller_courant(convention: Convention, type_: str, objet: str) -> Document | None:
    """The current version of the document, locked in the circuit's lock order (signature →
    document, the convention after): its active signatures, then its row; again if a newer
    version was committed while waiting."""
    while True:
        courant = _courant(convention, type_, objet)
        if courant is None:
            return None
        list(
            Signature.objects.select_for_update(no_key=True)
            .filter(document=courant, invalidee_le__isnull=True)
            .order_by("pk")
        )
        courant = Document.objects.select_for_update(no_key=True).get(pk=courant.pk)
        if courant == _courant(convention, type_, objet):
            return courant


@sans_orphelins
def _enregistrer(
    *,
    convention: Convention,
    type_: str,
    objet: str,
    contexte: dict[str, Any],
    auteur: Utilisateur | None,
) -> Document:
    """Render and store a new version; refused (GenerationRefusee) when it would replace a
    signed document. The file is deleted if the transaction fails (documents.fichiers)."""
    _refuser_si_signe(type_, convention.statut, _courant(convention, type_, objet))
    modele = modele_en_vigueur(type_)
    etablissement = etablissement_principal()
    pdf = pdf_depuis_gabarit(
        GABARITS[type_],
        {
            "d": contexte,
            "clauses_generales": bac_a_sable.rendre_corps(modele.corps, contexte),
            "logo": logo_en_data_uri(etablissement),
            "modele": {"version": modele.version},
        },
    )
    with transaction.atomic():
        precedent = _verrouiller_courant(convention, type_, objet)
        # The convention's row as a lock: two clicks cannot take the same version number.
        verrouillee = Convention.objects.select_for_update(no_key=True).get(pk=convention.pk)
        _refuser_si_signe(type_, verrouillee.statut, precedent)
        derniere = Document.objects.filter(
            convention=convention, type=type_, objet=objet
        ).aggregate(v=Max("version"))["v"]
        document = Document(
            convention=convention,
            type=type_,
            objet=objet,
            version=(derniere or 0) + 1,
            modele=modele,
            sha256=hashlib.sha256(pdf).hexdigest(),
            auteur=auteur,
        )
        enregistrer_fichier(document.fichier, document.nom_fichier, pdf)
        document.save()
        if (
            precedent is not None
            and precedent.version == derniere
            and precedent.signatures.filter(invalidee_le__isnull=True).exists()
        ):
            # A new version of a document under signature: see signatures.circuit_reporter.
            from documents.signatures import circuit_reporter

            circuit_reporter(ancien=precedent, nouveau=document, le=timezone.now())
    return document


def convention_pdf_generer(
    *, convention: Convention, auteur: Utilisateur | None, le: date
) -> Document:
    """The convention's PDF; refused (ContenusManquants) while a D124-4 content is missing."""
    if not convention.periodes.exists():
        # The engine evaluates nothing without a period: that is item 5° missing.
        dates = PAR_CODE["dates_duree"]
        raise ContenusManquants([f"{dates.numero}° {dates.libelle}"])
    verdict = evaluer_convention(convention)
    absents = manquants(verdict)
    if absents:
        raise ContenusManquants(absents)
    contexte = _donnees(convention, verdict, le=le)
    return _enregistrer(
        convention=convention,
        type_=TypeDocument.CONVENTION,
        objet="",
        contexte=contexte,
        auteur=auteur,
    )


def avenant_pdf_generer(*, avenant: Avenant, auteur: Utilisateur | None, le: date) -> Document:
    convention = avenant.convention
    verdict = evaluer_convention(convention)
    contexte = _donnees(convention, verdict, le=le, sujet=Sujet(avenant=avenant))
    return _enregistrer(
        convention=convention,
        type_=TypeDocument.AVENANT,
        objet=f"avenant-{avenant.numero}",
        contexte=contexte,
        auteur=auteur,
    )


def attestation_pdf_generer(
    *, periode: PeriodeConvention, auteur: Utilisateur | None, le: date
) -> Document:
    """The attestation of one period (the NDRC model: one per place and period), its figures
    computed by the engine from the presence log."""
    convention = periode.convention
    verdict = evaluer_convention(convention)
    contexte = _donnees(convention, verdict, le=le, sujet=Sujet(periode=periode))
    return _enregistrer(
        convention=convention,
        type_=TypeDocument.ATTESTATION,
        objet=objet_periode(periode.pk),
        contexte=contexte,
        auteur=auteur,
    )
