"""A circuit opens only on a validated convention, the law checked again under lock (the
opening sends the convention to signature); and a convention the law now refuses never
becomes "signée", however many have signed: the staff read why."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from comptes.models import Utilisateur
from conventions.models import Convention, EvenementConvention, Statut
from conventions.services import convention_transition
from documents import signatures
from documents.models import Document, Signature
from organismes.services import autres_stagiaires_declarer
from tests.conventions.ecrans import etudiant_suivi_par
from tests.documents.test_signatures import _document

pytestmark = pytest.mark.django_db


def _client(utilisateur: Utilisateur) -> Client:
    client = Client()
    client.force_login(utilisateur)
    return client


def _statut(document: Document) -> str:
    return Convention.objects.get(pk=document.convention_id).statut


def _quota_atteint_par_d_autres_ecoles(document: Document) -> None:
    """The host (12 people: 3 interns a week at most) declares 3 interns of other schools
    the first week of the stage."""
    autres_stagiaires_declarer(
        organisme=document.convention.etablissement_accueil.organisme,
        semaine=date(2026, 3, 2),
        nombre=3,
    )


@pytest.mark.parametrize("statut", [Statut.BROUILLON, Statut.A_VALIDER])
@pytest.mark.parametrize("persona", ["administrateur", "enseignant"])
def test_no_circuit_before_the_convention_is_validated(
    statut: Statut, persona: str, request: pytest.FixtureRequest
) -> None:
    utilisateur: Utilisateur = request.getfixturevalue(persona)
    document = _document(statut, etudiant_=etudiant_suivi_par(utilisateur))
    reponse = _client(utilisateur).post(reverse("documents:circuit", args=[document.pk]))
    assert reponse.status_code == 409
    assert "Le circuit de signature s&#x27;ouvre sur une convention validée" in (
        reponse.content.decode()
    )
    assert not Signature.objects.exists()
    assert _statut(document) == statut


def test_opening_the_circuit_sends_a_validated_convention_to_signature(
    enseignant: Utilisateur,
) -> None:
    document = _document(Statut.VALIDEE, etudiant_=etudiant_suivi_par(enseignant))
    reponse = _client(enseignant).post(reverse("documents:circuit", args=[document.pk]))
    assert reponse.status_code == 200
    assert _statut(document) == Statut.EN_SIGNATURE
    evenement = EvenementConvention.objects.get(
        convention_id=document.convention_id, action="envoyer_signature"
    )
    assert evenement.auteur == enseignant
    assert Signature.objects.filter(document=document, ouvert_par=enseignant).count() == 5


@pytest.mark.parametrize("statut", [Statut.VALIDEE, Statut.EN_SIGNATURE])
def test_no_circuit_on_a_convention_the_law_now_refuses(
    statut: Statut, administrateur: Utilisateur
) -> None:
    """Validated, or sent to signature on paper first, then the host's quota is reached."""
    document = _document(statut)
    _quota_atteint_par_d_autres_ecoles(document)
    reponse = _client(administrateur).post(reverse("documents:circuit", args=[document.pk]))
    assert reponse.status_code == 409
    texte = reponse.content.decode()
    assert "ne respecte pas le droit des stages" in texte
    assert "trop de stagiaires dans une semaine civile" in texte
    assert not Signature.objects.exists()
    assert _statut(document) == statut


def test_a_convention_the_law_refuses_at_the_last_signature_stays_en_signature(
    administrateur: Utilisateur,
) -> None:
    document = _document(Statut.VALIDEE)
    liens = signatures.circuit_ouvrir(document=document, le=timezone.now(), auteur=administrateur)
    for lien in liens[:-1]:
        signatures.signer(
            signature=lien.signature, le=timezone.now(), adresse_ip=None, navigateur=""
        )
    _quota_atteint_par_d_autres_ecoles(document)

    signatures.signer(
        signature=liens[-1].signature, le=timezone.now(), adresse_ip=None, navigateur=""
    )

    assert _statut(document) == Statut.EN_SIGNATURE
    assert not EvenementConvention.objects.filter(action="enregistrer_signatures").exists()
    document.refresh_from_db()
    assert document.fichier_signe  # what was signed is kept
    assert "trop de stagiaires dans une semaine civile" in document.conclusion_refusee
    client = _client(administrateur)
    pages: list[Any] = [
        client.get(reverse("documents:suivi", args=[document.pk])),
        client.get(reverse("documents:convention", args=[document.convention_id])),
    ]
    for page in pages:
        texte = page.content.decode()
        assert "pas pu passer à « signée »" in texte
        assert "trop de stagiaires dans une semaine civile" in texte

    # Once the host's figures allow it, the staff record the signatures themselves.
    autres_stagiaires_declarer(
        organisme=document.convention.etablissement_accueil.organisme,
        semaine=date(2026, 3, 2),
        nombre=0,
    )
    convention_transition(
        convention=document.convention, action="enregistrer_signatures", auteur=administrateur
    )
    assert _statut(document) == Statut.SIGNEE
    page = client.get(reverse("documents:suivi", args=[document.pk])).content.decode()
    assert "pas pu passer à « signée »" not in page
