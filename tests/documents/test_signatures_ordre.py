"""A sequential circuit: each signatory gets their link once the ones before them have
signed (student, legal representative, host, tutor, référent, head of school); nobody signs
out of turn, nobody is reminded before their turn, and the paper path passes the hand too."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from comptes.models import Utilisateur
from conventions.models import Convention, Statut
from documents import signatures
from documents.models import (
    CopieSignee,
    Document,
    OrdreSignature,
    RoleSignataire,
    Signature,
    TypeCourriel,
)
from documents.relances import Cadence, signatures_relancer
from tests.documents.test_signatures import _document

pytestmark = pytest.mark.django_db
SEQUENTIEL = OrdreSignature.SEQUENTIEL


def _ouvrir(capture: Any, document: Document, le: datetime) -> list[signatures.Lien]:
    Convention.objects.filter(pk=document.convention_id).update(statut=Statut.EN_SIGNATURE)
    staff, _ = Utilisateur.objects.get_or_create(
        email="secretariat@example.org", defaults={"role": "administrateur"}
    )
    with capture(execute=True):
        return signatures.circuit_ouvrir(document=document, le=le, ordre=SEQUENTIEL, auteur=staff)


def _lien_recu(email: str) -> str:
    """The path of the last signature link mailed to `email`."""
    corps = [m.body for m in mail.outbox if m.to == [email]][-1]
    trouve = re.search(r"/signer/[^/\s]+/", str(corps))
    assert trouve is not None
    return trouve.group(0)


def _signer(signature: Signature, le: datetime) -> None:
    signatures.signer(signature=signature, le=le, adresse_ip="203.0.113.7", navigateur="Test")


def test_only_the_first_signatory_is_written_to_at_the_opening(
    django_capture_on_commit_callbacks: Any,
) -> None:
    document = _document()
    liens = _ouvrir(django_capture_on_commit_callbacks, document, timezone.now())
    assert [lien.signature.role for lien in liens] == [RoleSignataire.ETUDIANT]
    assert [m.to for m in mail.outbox] == [[liens[0].signature.email]]
    assert signatures.en_attente_de_leur_tour(document) == {
        s.pk for s in document.signatures.exclude(role=RoleSignataire.ETUDIANT)
    }


def test_each_next_signatory_gets_a_link_when_the_previous_one_has_signed(
    django_capture_on_commit_callbacks: Any,
) -> None:
    document = _document()
    maintenant = timezone.now()
    _ouvrir(django_capture_on_commit_callbacks, document, maintenant)
    ordre = list(document.signatures.order_by("rang"))
    assert [s.role for s in ordre] == [
        RoleSignataire.ETUDIANT,
        RoleSignataire.ORGANISME,
        RoleSignataire.TUTEUR,
        RoleSignataire.REFERENT,
        RoleSignataire.ETABLISSEMENT,
    ]
    for rang, signature in enumerate(ordre):
        # Whoever comes next has had no e-mail yet, and cannot sign before their turn.
        for apres in ordre[rang + 1 :]:
            assert not apres.courriels.exists()
            with pytest.raises(signatures.SignatureRefusee, match="vous précèdent"):
                _signer(apres, maintenant)
        with django_capture_on_commit_callbacks(execute=True):
            _signer(signature, maintenant + timedelta(minutes=rang))
        if rang + 1 < len(ordre):
            assert ordre[rang + 1].courriels.filter(type=TypeCourriel.LIEN).count() == 1

    convention = Convention.objects.get(pk=document.convention_id)
    assert convention.statut == Statut.SIGNEE


def test_a_signatory_out_of_turn_sees_why_on_their_page(
    django_capture_on_commit_callbacks: Any, client: Client
) -> None:
    document = _document()
    maintenant = timezone.now()
    _ouvrir(django_capture_on_commit_callbacks, document, maintenant)
    etudiant, organisme = document.signatures.order_by("rang")[:2]
    with django_capture_on_commit_callbacks(execute=True):
        _signer(etudiant, maintenant)
    page = client.get(_lien_recu(organisme.email)).content.decode()
    assert "Je signe" in page  # their turn has come

    # The staff's page says who waits for whom.
    document.refresh_from_db()
    assert signatures.en_attente_de_leur_tour(document) == {
        s.pk for s in document.signatures.order_by("rang")[2:]
    }


def test_nobody_is_reminded_before_their_turn(django_capture_on_commit_callbacks: Any) -> None:
    ouverture = datetime(2026, 2, 2, 9, 0, tzinfo=UTC)
    document = _document()
    _ouvrir(django_capture_on_commit_callbacks, document, ouverture)
    cadence = Cadence(jours=(3, 7), puis=7, urgence=3)
    with django_capture_on_commit_callbacks(execute=True):
        assert signatures_relancer(le=ouverture + timedelta(days=3), cadence=cadence) == 1
    relances = [m.to for m in mail.outbox if "Rappel" in str(m.subject)]
    assert relances == [[document.signatures.get(role=RoleSignataire.ETUDIANT).email]]


def test_a_paper_copy_for_the_first_signatory_passes_the_hand(
    django_capture_on_commit_callbacks: Any,
) -> None:
    document = _document()
    maintenant = timezone.now()
    _ouvrir(django_capture_on_commit_callbacks, document, maintenant)
    etudiant, organisme = document.signatures.order_by("rang")[:2]
    staff = Utilisateur.objects.get(email="secretariat@example.org")
    copie = signatures.copie_deposer(
        document=document,
        contenu=b"%PDF-1.7 copie",
        signature=etudiant,
        auteur=staff,
        le=maintenant,
    )
    with django_capture_on_commit_callbacks(execute=True):
        signatures.copie_confirmer(copie=copie, auteur=staff, le=maintenant)
    assert CopieSignee.objects.get().confirmee_le is not None
    assert organisme.courriels.filter(type=TypeCourriel.LIEN).count() == 1


def test_the_staff_choose_the_order_when_opening_the_circuit(
    administrateur: Utilisateur, django_capture_on_commit_callbacks: Any
) -> None:
    document = _document()
    Convention.objects.filter(pk=document.convention_id).update(statut=Statut.EN_SIGNATURE)
    client = Client()
    client.force_login(administrateur)
    page = client.get(reverse("documents:convention", args=[document.convention_id]))
    assert "Chacun à son tour, dans l&#x27;ordre" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        reponse = client.post(
            reverse("documents:circuit", args=[document.pk]), {"ordre": SEQUENTIEL}
        )
    document.refresh_from_db()
    assert document.ordre_signature == SEQUENTIEL
    texte = reponse.content.decode()
    assert "chacun à son tour" in texte and "Le chef d&#x27;établissement" in texte
    assert len(mail.outbox) == 1
