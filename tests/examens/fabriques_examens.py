"""Builders of the exam dossier's tests: a session, fiches with a version, attestations
(signed or not), a candidate with all of it."""

from __future__ import annotations

import io
import itertools
from datetime import date, timedelta
from typing import Any

from django.core.files.base import ContentFile
from django.utils import timezone
from pypdf import PdfReader, PdfWriter

from conventions.models import Convention
from documents.models import Document
from documents.rendu import pdf_depuis_html
from documents.services import attestation_pdf_generer
from etablissement.models import Etudiant, Promotion
from examens.modeles import modele
from examens.models import Fiche, SessionExamen, TypeFiche, VersionFiche
from tests import fabriques

_numeros = itertools.count(1)


def session(
    promotion: Promotion | None = None, *, annee: int = 2027, limite: date = date(2027, 4, 15)
) -> SessionExamen:
    return SessionExamen.objects.create(
        promotion=promotion
        or fabriques.promotion(annee_debut=annee - 2, libelle=f"NDRC session {next(_numeros)}"),
        annee=annee,
        date_limite_depot=limite,
    )


def pdf_texte(texte: str) -> bytes:
    return pdf_depuis_html(f"<!DOCTYPE html><html><body><p>{texte}</p></body></html>")


def contenu_rempli(type_fiche: str, marque: str = "") -> dict[str, str]:
    """Every field of the type's model filled with « <label> (texte)<marque> »."""
    return {c.cle: f"{c.libelle} (texte){marque}" for c in modele(type_fiche).champs}


def fiche(
    etudiant: Etudiant,
    type_: str = TypeFiche.E4_NEGO,
    numero: int = 1,
    *,
    titre: str = "Vente d'une solution de caisse",
    contenu: dict[str, str] | None = None,
    annexe: bytes | None = None,
    activite_reelle: bool = True,
    versions: int = 1,
) -> Fiche:
    maintenant = timezone.now()
    f = Fiche.objects.create(
        etudiant=etudiant,
        type=type_,
        numero=numero,
        titre=titre,
        activite_reelle=activite_reelle,
        cree_le=maintenant,
        modifie_le=maintenant,
    )
    if annexe is not None:
        f.annexe_offre.save(f"annexe-{f.pk}.pdf", ContentFile(annexe), save=True)
    for n in range(1, versions + 1):
        texte = contenu if contenu is not None else contenu_rempli(type_)
        if n < versions:
            texte = {k: f"ANCIENNE VERSION {v}" for k, v in texte.items()}
        VersionFiche.objects.create(fiche=f, numero=n, contenu=texte, cree_le=maintenant)
    return f


def attestation(convention: Convention, *, signee: bool = False) -> Document:
    """The attestation of the convention's (first) period; `signee`: its signed file is the
    same PDF followed by a page « PAGE DES SIGNATURES »."""
    periode = convention.periodes.order_by("debut").first()
    assert periode is not None
    doc = attestation_pdf_generer(periode=periode, auteur=None, le=date(2026, 3, 30))
    if signee:
        ecrivain = PdfWriter()
        ecrivain.append(PdfReader(doc.fichier.path))
        ecrivain.append(PdfReader(io.BytesIO(pdf_texte("PAGE DES SIGNATURES"))))
        sortie = io.BytesIO()
        ecrivain.write(sortie)
        doc.fichier_signe.save(f"signe-{doc.pk}.pdf", ContentFile(sortie.getvalue()), save=True)
    return doc


def candidat(session_: SessionExamen, nom: str = "Martin", **champs: Any) -> Etudiant:
    return fabriques.etudiant(promotion=session_.promotion, nom=nom, **champs)


def dossier_complet(session_: SessionExamen, nom: str = "Martin") -> Etudiant:
    """A candidate with two attestations (the first signed), two E4 fiches (the first with
    its annex) and one E6 fiche."""
    eleve = candidat(session_, nom)
    c1 = fabriques.convention(etudiant_=eleve)
    c2 = fabriques.convention(etudiant_=eleve, periodes=((date(2026, 5, 25), date(2026, 6, 19)),))
    attestation(c1, signee=True)
    attestation(c2)
    fiche(eleve, TypeFiche.E4_NEGO, 1, annexe=pdf_texte("ANNEXE OFFRE UN"))
    fiche(eleve, TypeFiche.E4_EVENEMENT, 2, titre="Salon de l'habitat")
    fiche(eleve, TypeFiche.E6_PARTENAIRES, 1, titre="Animation du réseau", activite_reelle=False)
    return eleve


# URL arguments for the access table (tests/acces/matrice.py).


def pack_termine(session_: SessionExamen, etudiant: Etudiant | None = None) -> Any:
    from examens.models import EtatPack, Pack

    p = Pack.objects.create(
        session=session_,
        etudiant=etudiant,
        etat=EtatPack.TERMINE,
        faits=1,
        total=1,
        demande_le=timezone.now(),
        termine_le=timezone.now(),
    )
    nom = "dossier.pdf" if etudiant is not None else "dossiers.zip"
    p.fichier.save(nom, ContentFile(b"%PDF-1.4\n%%EOF\n"), save=True)
    return p


def acces_fiche() -> dict[str, Any]:
    """A fiche of a student the persona teacher does not follow."""
    return {"pk": fiche(candidat(session())).pk}


def acces_session() -> dict[str, Any]:
    return {"pk": session().pk}


def acces_pack() -> dict[str, Any]:
    s = session()
    return {"pk": pack_termine(s, candidat(s)).pk}


def _lien(s: SessionExamen) -> Any:
    from examens import commission

    return commission.acces_creer(
        session=s,
        nom="Anne Jury",
        email="anne.jury@example.org",
        jusqu_au=timezone.localdate() + timedelta(days=10),
        par=None,
        le=timezone.now(),
    )


def acces_lien() -> dict[str, Any]:
    return {"pk": _lien(session()).acces.pk}


def acces_jeton() -> dict[str, Any]:
    s = session()
    pack_termine(s)
    return {"jeton": _lien(s).jeton}


def acces_jeton_candidat() -> dict[str, Any]:
    s = session()
    eleve = candidat(s)
    fiche(eleve)
    pack_termine(s, eleve)
    return {"jeton": _lien(s).jeton, "pk": eleve.pk}


def acces_jeton_attestation() -> dict[str, Any]:
    s = session()
    eleve = candidat(s)
    doc = attestation(fabriques.convention(etudiant_=eleve))
    return {"jeton": _lien(s).jeton, "pk": doc.pk}
