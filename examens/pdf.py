"""The PDF of one version of a fiche, in the layout of the official form (circular annexes
V-1, V-3, VII-1): the type ticked among those of its exam, its number, the candidate, the
session, then each section of the model as a titled box with its fields. Rendered through
documents/rendu.py, like every PDF of the project."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.utils import timezone

from documents.rendu import logo_en_data_uri, pdf_depuis_gabarit, pdf_en_parties
from etablissement.selectors import etablissement_principal
from examens.modeles import modele
from examens.models import Fiche, SessionExamen, TypeFiche, VersionFiche

GABARIT = "examens/pdf/fiche.html"

# The types a form offers to tick, by exam (the form of E4 lists both E4 situations, the
# form of E6 the three networks); the « fiche sujet candidat » is a form of its own.
TYPES_DU_FORMULAIRE: dict[str, tuple[TypeFiche, ...]] = {
    "E4": (TypeFiche.E4_NEGO, TypeFiche.E4_EVENEMENT),
    "E6": (TypeFiche.E6_DISTRIBUTEURS, TypeFiche.E6_PARTENAIRES, TypeFiche.E6_VENTE_DIRECTE),
    "E4_SUJET": (TypeFiche.E4_SUJET,),
}


def libelle_court(type_fiche: str) -> str:
    """« Négociation-vente et … » for « E4 — Négociation-vente et … »."""
    return TypeFiche(type_fiche).label.split(" — ", 1)[-1]


def derniere_version(fiche: Fiche) -> VersionFiche | None:
    return fiche.versions.order_by("-numero").first()


def contexte_fiche(fiche: Fiche, version: VersionFiche | None) -> dict[str, Any]:
    """What the layout shows: plain strings, lists and dicts (no model reaches the template)."""
    m = modele(fiche.type)
    contenu = version.contenu if version is not None else {}
    etudiant = fiche.etudiant
    session = SessionExamen.objects.filter(promotion_id=etudiant.promotion_id).first()
    cases = [
        {"libelle": libelle_court(t), "cochee": t == fiche.type}
        for t in TYPES_DU_FORMULAIRE.get(m.epreuve, (TypeFiche(fiche.type),))
    ]
    sections = [
        {
            "titre": s.libelle,
            "champs": [
                {"libelle": c.libelle, "texte": str(contenu.get(c.cle, "") or "")} for c in s.champs
            ],
        }
        for s in m.sections
    ]
    annexe = ""
    if m.annexe_offre:
        annexe = (
            "Annexe jointe : présentation de l'offre commerciale (2 pages recto-verso)."
            if fiche.annexe_offre
            else "Annexe obligatoire : présentation de l'offre commerciale — non jointe."
        )
    return {
        "titre": m.titre,
        "epreuve": m.epreuve,
        "cases": cases,
        "numero": fiche.numero,
        "intitule": fiche.titre,
        "candidat": f"{etudiant.nom.upper()} {etudiant.prenom}",
        "session": str(session.annee) if session is not None else "",
        "promotion": str(etudiant.promotion),
        "activite_reelle": ("oui" if fiche.activite_reelle else "non") if m.activite_reelle else "",
        "annexe": annexe,
        "sections": sections,
        "version": version.numero if version is not None else 0,
        "date": timezone.localdate().strftime("%d/%m/%Y"),
    }


def _ecole() -> dict[str, Any]:
    etablissement = etablissement_principal()
    return {
        "ecole": {"nom": etablissement.nom if etablissement else ""},
        "logo": logo_en_data_uri(etablissement),
    }


def fiche_pdf(
    fiche: Fiche, version: VersionFiche | None = None, *, dans_pack: bool = False
) -> bytes:
    """The PDF of `version` (the latest one by default). `dans_pack`: without its own page
    numbers, the pack numbers every page of the candidate's dossier."""
    if version is None:
        version = derniere_version(fiche)
    return pdf_depuis_gabarit(
        GABARIT, {"f": contexte_fiche(fiche, version), **_ecole(), "dans_pack": dans_pack}
    )


def fiches_pdf(
    fiches: Sequence[tuple[Fiche, VersionFiche | None]],
) -> tuple[bytes, list[int]]:
    """The pack's fiches in ONE PDF, each laid out as `fiche_pdf(..., dans_pack=True)` lays it
    out (one PDF written and read back per candidate, not one per fiche); with the number of
    pages of each fiche, in order."""
    ecole = _ecole()
    return pdf_en_parties(
        [(GABARIT, {"f": contexte_fiche(f, v), **ecole, "dans_pack": True}) for f, v in fiches]
    )


def nom_fichier(fiche: Fiche) -> str:
    return f"fiche-{fiche.type.lower().replace('_', '-')}-{fiche.numero}-{fiche.etudiant_id}.pdf"
