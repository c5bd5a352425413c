"""Signing the last signature while a new version of the document is generated: both take
their locks in the circuit's one order (signature → document → convention), so neither
deadlocks; one of them wins, the other goes on after it or is refused with a sentence, and
the circuit ends consistent. PostgreSQL only (SQLite locks the whole database)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import date
from functools import partial

import pytest
from django.db import connection
from django.utils import timezone

from conventions.models import Convention, Statut
from documents import conclusion, services, signatures
from documents.models import Document, Signature
from tests.documents.test_signatures import _document, staff

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks and deadlocks need PostgreSQL (SQLite locks the whole database)",
    ),
]
ESSAIS = 10


def _en_parallele(*taches: Callable[[], object]) -> list[BaseException]:
    depart = threading.Barrier(len(taches))
    erreurs: list[BaseException] = []

    def lancer(tache: Callable[[], object]) -> None:
        try:
            depart.wait()
            tache()
        except BaseException as erreur:  # every outcome is judged by the test
            erreurs.append(erreur)
        finally:
            connection.close()

    fils = [threading.Thread(target=lancer, args=(t,)) for t in taches]
    for f in fils:
        f.start()
    for f in fils:
        f.join(timeout=60)
    assert not any(f.is_alive() for f in fils), "a thread is still waiting: a lock never freed"
    return erreurs


def _apres(secondes: float, tache: Callable[..., object], **kwargs: object) -> object:
    time.sleep(secondes)
    return tache(**kwargs)


def test_the_last_signature_and_a_new_version_never_deadlock(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Quick PDFs (the race is about locks, not rendering); the signature page takes a
    # moment, during which the last signature holds its locks: the new version asks for
    # them then, where a deadlock would be. Every other try, the new version starts first.
    with _document().fichier.open("rb") as modele:
        rapide = modele.read()
    monkeypatch.setattr(services, "pdf_depuis_gabarit", lambda *a, **k: rapide)

    def page_lente(*_: object) -> bytes:
        time.sleep(0.05)
        return rapide

    monkeypatch.setattr(conclusion, "pdf_depuis_html", page_lente)
    auteur = staff()
    for essai in range(ESSAIS):
        document = _document()
        liens = signatures.circuit_ouvrir(document=document, le=timezone.now(), auteur=auteur)
        for lien in liens[:-1]:
            signatures.signer(
                signature=lien.signature, le=timezone.now(), adresse_ip=None, navigateur=""
            )
        derniere = liens[-1].signature

        erreurs = _en_parallele(
            partial(
                _apres,
                0.03 * (essai % 2),
                signatures.signer,
                signature=derniere,
                le=timezone.now(),
                adresse_ip=None,
                navigateur="",
            ),
            partial(
                services.convention_pdf_generer,
                convention=document.convention,
                auteur=auteur,
                le=date(2026, 2, 3),
            ),
        )

        assert all(
            isinstance(e, signatures.SignatureRefusee | services.GenerationRefusee) for e in erreurs
        ), [str(e) for e in erreurs]
        versions = list(
            Document.objects.filter(convention_id=document.convention_id).order_by("version")
        )
        courant = versions[-1]
        convention = Convention.objects.get(pk=document.convention_id)
        # Every signature that counts is on the current version.
        assert not Signature.objects.filter(
            document__in=versions[:-1], invalidee_le__isnull=True
        ).exists()
        if len(versions) == 1:  # the signature won: the circuit is complete and final
            assert isinstance(erreurs[0], services.GenerationRefusee)
            assert courant.fichier_signe and convention.statut == Statut.SIGNEE
        else:  # the new version won: the four signatures given are asked again
            assert erreurs == []
            assert not courant.fichier_signe and convention.statut == Statut.EN_SIGNATURE
            assert courant.signatures.filter(signe_le__isnull=True).count() >= 4
