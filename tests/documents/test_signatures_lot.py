"""Signing several documents in one action (the head of school's pile, a host's pile)."""

from __future__ import annotations

import pytest

from documents import signatures
from documents.models import RoleSignataire, Signature
from tests.documents.test_signatures import MAINTENANT, _document

pytestmark = pytest.mark.django_db


def _pile(n: int) -> list[Signature]:
    """The head of school's signature on `n` conventions, each with its circuit open."""
    pile = []
    for _ in range(n):
        liens = signatures.circuit_ouvrir(document=_document(), le=MAINTENANT)
        pile += [
            lien.signature for lien in liens if lien.signature.role == RoleSignataire.ETABLISSEMENT
        ]
    return pile


def test_one_action_signs_each_document_with_its_own_evidence() -> None:
    pile = _pile(3)
    lot = signatures.signer_plusieurs(
        signatures=pile, le=MAINTENANT, adresse_ip="10.0.0.1", navigateur="Test"
    )
    assert lot.refusees == {}
    assert len(lot.signees) == 3
    for signature in pile:
        signature.refresh_from_db()
        assert signature.signe_le == MAINTENANT
        assert signature.sha256_signe == signature.document.sha256
        assert signature.adresse_ip == "10.0.0.1"
    assert len({s.sha256_signe for s in pile}) == 3


def test_a_refusal_is_reported_and_does_not_undo_the_others() -> None:
    premier, second = _pile(2)
    signatures.signer(signature=second, le=MAINTENANT, adresse_ip=None, navigateur="")
    changee = {premier.pk: "0" * 64}
    lot = signatures.signer_plusieurs(
        signatures=[premier, second],
        le=MAINTENANT,
        adresse_ip=None,
        navigateur="",
        empreintes_lues=changee,
    )
    assert lot.signees == []
    assert "a changé" in lot.refusees[premier.pk]
    assert "déjà signé" in lot.refusees[second.pk]
    premier.refresh_from_db()
    assert premier.signe_le is None

    lot = signatures.signer_plusieurs(
        signatures=[premier], le=MAINTENANT, adresse_ip=None, navigateur=""
    )
    assert [s.pk for s in lot.signees] == [premier.pk]
