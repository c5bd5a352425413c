"""No page of one host shows anything of another: a tutor sees the conventions they tutor, a
signatory all of their organisme's, and any id outside the scope is not found."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from conventions.models import Statut
from documents.models import RoleSignataire
from documents.services import attestation_pdf_generer
from espaces import services
from tests import fabriques
from tests.espaces import outils

pytestmark = pytest.mark.django_db


@pytest.fixture
def deux_hotes() -> dict[str, object]:
    a, contact_a, tuteur_a = outils.hote("Aquitaine Distribution")
    b, contact_b, tuteur_b = outils.hote("Garonne Services")
    autre_tuteur_a = fabriques.tuteur(organisme=a, nom="Roux", prenom="Paul")
    return {
        "a": a,
        "contact_a": contact_a,
        "tuteur_a": tuteur_a,
        "b": b,
        "tuteur_b": tuteur_b,
        "conv_a": outils.convention(
            a, tuteur_a, etudiant_=fabriques.etudiant(nom="Amblard", prenom="Alice")
        ),
        "conv_a2": outils.convention(
            a, autre_tuteur_a, etudiant_=fabriques.etudiant(nom="Arnaud", prenom="Anatole")
        ),
        "conv_b": outils.convention(
            b, tuteur_b, etudiant_=fabriques.etudiant(nom="Bertin", prenom="Bruno")
        ),
    }


def test_a_tutor_sees_the_conventions_they_tutor_and_nothing_of_another_host(
    client: Client, deux_hotes: dict[str, object]
) -> None:
    _, jeton = outils.lien(services.titulaire_tuteur(deux_hotes["tuteur_a"]))  # type: ignore[arg-type]
    page = client.get(reverse("espaces:espace", args=[jeton])).content.decode()
    assert "Alice Amblard" in page
    assert "Anatole Arnaud" not in page  # another tutor's intern of the same host
    assert "Bruno Bertin" not in page and "Garonne" not in page


def test_a_signatory_sees_every_intern_of_their_host_only(
    client: Client, deux_hotes: dict[str, object]
) -> None:
    _, jeton = outils.lien(services.titulaire_contact(deux_hotes["contact_a"]))  # type: ignore[arg-type]
    page = client.get(reverse("espaces:espace", args=[jeton])).content.decode()
    assert "Alice Amblard" in page and "Anatole Arnaud" in page
    assert "Bruno Bertin" not in page and "Garonne" not in page


def test_ids_of_another_host_are_not_found(client: Client, deux_hotes: dict[str, object]) -> None:
    conv_b = deux_hotes["conv_b"]
    _, jeton = outils.lien(services.titulaire_contact(deux_hotes["contact_a"]))  # type: ignore[arg-type]
    # Host B's convention: its data cannot be answered for from A's space.
    reponse = client.post(
        reverse("espaces:repondre", args=[jeton, conv_b.pk]),  # type: ignore[attr-defined]
        {f"c{conv_b.pk}-reponse": "confirmer"},  # type: ignore[attr-defined]
    )
    assert reponse.status_code == 404
    # Host B's document under signature and attestation: not found from A's space.
    document_b = outils.circuit(conv_b)  # type: ignore[arg-type]
    assert client.get(reverse("espaces:document", args=[jeton, document_b.pk])).status_code == 404
    periode_b = conv_b.periodes.get()  # type: ignore[attr-defined]
    assert (
        client.post(reverse("espaces:attestation", args=[jeton, periode_b.pk])).status_code == 404
    )
    attestation_b = attestation_pdf_generer(periode=periode_b, auteur=None, le=date(2026, 4, 1))
    assert (
        client.get(reverse("espaces:document", args=[jeton, attestation_b.pk])).status_code == 404
    )
    # Signing B's signature from A's space signs nothing.
    signature_b = outils.signature_de(document_b, RoleSignataire.ORGANISME)
    reponse = client.post(
        reverse("espaces:signer", args=[jeton]),
        {"signatures": [signature_b.pk], "je_signe": "oui"},
    )
    assert "attend pas votre signature" in reponse.content.decode()
    signature_b.refresh_from_db()
    assert signature_b.signe_le is None


def test_a_tutor_reads_their_own_document_and_attestation(
    client: Client, deux_hotes: dict[str, object]
) -> None:
    conv_a = deux_hotes["conv_a"]
    document = outils.circuit(conv_a)  # type: ignore[arg-type]
    _, jeton = outils.lien(services.titulaire_tuteur(deux_hotes["tuteur_a"]))  # type: ignore[arg-type]
    page = client.get(reverse("espaces:espace", args=[jeton])).content.decode()
    url_pdf = reverse("espaces:document", args=[jeton, document.pk])
    assert url_pdf in page
    reponse = client.get(url_pdf)
    assert reponse.status_code == 200
    assert b"".join(reponse.streaming_content).startswith(b"%PDF")  # type: ignore[attr-defined]


def test_a_period_over_gets_its_attestation_generated_then_downloaded(
    client: Client, deux_hotes: dict[str, object]
) -> None:
    a, tuteur_a = deux_hotes["a"], deux_hotes["tuteur_a"]
    termine = outils.convention(
        a,  # type: ignore[arg-type]
        tuteur_a,  # type: ignore[arg-type]
        Statut.EN_COURS,
        etudiant_=fabriques.etudiant(nom="Aubert", prenom="Agathe"),
        periodes=((date(2026, 1, 5), date(2026, 1, 30)),),
    )
    periode = termine.periodes.get()
    _, jeton = outils.lien(services.titulaire_tuteur(tuteur_a))  # type: ignore[arg-type]
    page = client.get(reverse("espaces:espace", args=[jeton])).content.decode()
    url = reverse("espaces:attestation", args=[jeton, periode.pk])
    assert url in page
    suite = client.post(url, follow=True)
    assert "attestation est générée" in suite.content.decode()
    document = termine.documents.get(type="attestation")
    assert reverse("espaces:document", args=[jeton, document.pk]) in suite.content.decode()
    assert client.get(reverse("espaces:document", args=[jeton, document.pk])).status_code == 200
    # Generated once: the button is gone, a second POST finds nothing to generate.
    assert client.post(url).status_code == 404
