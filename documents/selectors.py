"""Reads of the documents for other screens: where the signature circuit of each avenant of
a convention stands (the convention's page shows it under the avenant), and the errors its
signatories reported that still stop a circuit."""

from __future__ import annotations

from dataclasses import dataclass

from conventions.models import Convention
from documents.models import Document, Signalement, TypeDocument


@dataclass(frozen=True)
class EtatCircuit:
    document: Document  # the latest version of the avenant's PDF
    signees: int
    attendues: int
    en_attente: list[str]  # who has not signed yet

    @property
    def complet(self) -> bool:
        return self.attendues > 0 and self.signees == self.attendues


def circuits_des_avenants(convention: Convention) -> dict[int, EtatCircuit]:
    """Avenant number → the circuit of its latest PDF (nobody to sign while no circuit is
    open on it; absent when its PDF was never generated). Two queries, however many
    avenants."""
    derniers: dict[str, Document] = {}
    for document in (
        Document.objects.filter(convention=convention, type=TypeDocument.AVENANT)
        .order_by("objet", "-version")
        .prefetch_related("signatures")
    ):
        derniers.setdefault(document.objet, document)
    etats: dict[int, EtatCircuit] = {}
    for objet, document in derniers.items():
        numero = int(objet.removeprefix("avenant-"))
        actives = [s for s in document.signatures.all() if s.invalidee_le is None]
        etats[numero] = EtatCircuit(
            document=document,
            signees=sum(1 for s in actives if s.signe_le),
            attendues=len(actives),
            en_attente=[s.get_role_display() for s in actives if not s.signe_le],
        )
    return etats


def signalements_ouverts(convention: Convention) -> list[Signalement]:
    """The errors signatories reported on the documents of `convention` that the staff have
    not handled yet: each stops its document's circuit (documents/signalements.py)."""
    return list(
        Signalement.objects.filter(document__convention=convention, traite_le__isnull=True)
        .select_related("document", "signature")
        .order_by("cree_le", "pk")
    )
