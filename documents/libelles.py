"""How the documents name a signatory's part and what they sign, in French sentences: one
place for the signing page and every e-mail of the circuit.

The roles' labels (RoleSignataire) carry their article ("Le tuteur"), which reads well in a
list but not after « en tant que » (« en tant que le tuteur » is wrong): the phrase here is
the bare noun, one per role."""

from __future__ import annotations

from conventions.models import Convention
from documents.models import Document, RoleSignataire, TypeDocument

EN_TANT_QUE: dict[str, str] = {
    RoleSignataire.ETUDIANT: "stagiaire",
    RoleSignataire.REPRESENTANT_LEGAL: "représentant légal du stagiaire",
    RoleSignataire.ORGANISME: "représentant de l'organisme d'accueil",
    RoleSignataire.TUTEUR: "tuteur",
    RoleSignataire.ETABLISSEMENT: "chef d'établissement",
    RoleSignataire.REFERENT: "enseignant référent",
}


def en_tant_que(role: str) -> str:
    """« en tant que tuteur », « en tant qu'enseignant référent »: the words that follow
    « Vous signez »."""
    nom = EN_TANT_QUE.get(role, "signataire")
    return f"en tant qu'{nom}" if nom[0] in "aeiouéè" else f"en tant que {nom}"


def dates(convention: Convention) -> str:
    """« du 12/01/2027 au 20/02/2027 » (the first and last day of its periods), or ""."""
    if convention.debut is None or convention.fin is None:
        return ""
    return f"du {convention.debut:%d/%m/%Y} au {convention.fin:%d/%m/%Y}"


def stage(convention: Convention) -> str:
    """« Camille Lalanne chez Maison Dupuy, du 12/01/2027 au 20/02/2027 »."""
    chez = convention.etablissement_accueil.organisme.raison_sociale
    quand = dates(convention)
    return f"{convention.etudiant} chez {chez}" + (f", {quand}" if quand else "")


def objet(document: Document) -> str:
    """What a signatory signs, in one sentence: « Convention de stage de Camille Lalanne
    chez Maison Dupuy, du 12/01/2027 au 20/02/2027 », or « Avenant n° 1 à la convention de
    stage de … »."""
    de = f"de stage de {stage(document.convention)}"
    if document.type == TypeDocument.AVENANT:
        numero = document.objet.removeprefix("avenant-")
        return f"Avenant n° {numero} à la convention {de}"
    if document.type == TypeDocument.ATTESTATION:
        return f"Attestation {de}"
    return f"Convention {de}"
