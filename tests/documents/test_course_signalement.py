"""A report and a signature of the same document at the same instant: the report takes the
document's lock, which the signature reads the open reports under, so a signature that
starts while a report is being written waits for it and is refused; none deadlocks.
PostgreSQL only (SQLite locks the whole database)."""

from __future__ import annotations

import time
from typing import Any

import pytest
from django.db import connection
from django.utils import timezone

from documents import signalements, signatures
from documents.models import RoleSignataire, Signalement, Signature
from tests.documents.test_course import _apres, _en_parallele
from tests.documents.test_signatures import _document, staff

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks need PostgreSQL (SQLite locks the whole database)",
    ),
]


def test_a_signature_started_during_a_report_waits_and_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lent = signalements.convention_noter

    def noter_lentement(*args: Any, **kwargs: Any) -> Any:
        time.sleep(0.3)  # the report holds signature and document locks meanwhile
        return lent(*args, **kwargs)

    monkeypatch.setattr(signalements, "convention_noter", noter_lentement)
    liens = {
        lien.signature.role: lien
        for lien in signatures.circuit_ouvrir(
            document=_document(), le=timezone.now(), auteur=staff()
        )
    }
    rapporteur = liens[RoleSignataire.ORGANISME].signature
    signataire = liens[RoleSignataire.TUTEUR].signature
    erreurs = _en_parallele(
        lambda: signalements.signaler(
            signature=rapporteur, message="Mauvaises dates.", le=timezone.now()
        ),
        lambda: _apres(
            0.1,
            signatures.signer,
            signature=signataire,
            le=timezone.now(),
            adresse_ip=None,
            navigateur="",
        ),
    )
    assert [str(e) for e in erreurs] == [signalements.REFUS]
    assert Signalement.objects.count() == 1
    assert Signature.objects.get(pk=signataire.pk).signe_le is None
