"""A student signs their own convention from « Mon stage », identified by their account: the
same page as the personal link (who signs what, the PDF, « Je signe », « Signaler une
erreur »), the same evidence; never someone else's signature."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django.fixtures import Settings

from comptes.models import Role
from comptes.services import utilisateur_creer
from documents import signatures
from documents.models import Document, RoleSignataire, Signature
from etablissement.models import Etudiant
from tests import fabriques
from tests.espaces import outils

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings: Settings, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


def _eleve(nom: str) -> tuple[Etudiant, Client]:
    compte = utilisateur_creer(
        email=f"{nom.lower()}@lycee-eiffel.test",
        role=Role.ETUDIANT,
        prenom="Camille",
        nom=nom,
        mot_de_passe=None,
    )
    client = Client()
    client.force_login(compte)
    return fabriques.etudiant(nom=nom, prenom="Camille", utilisateur=compte), client


def _circuit(eleve: Etudiant) -> Document:
    org, _, tuteur = outils.hote("Cave des Chartrons")
    return outils.circuit(outils.convention(org, tuteur, etudiant_=eleve))


def test_mon_stage_says_it_is_their_turn_and_the_click_signs_with_evidence() -> None:
    eleve, client = _eleve("Lalanne")
    document = _circuit(eleve)
    signature = outils.signature_de(document, RoleSignataire.ETUDIANT)
    page = client.get(reverse("etablissement:mon_stage")).content.decode()
    assert "À vous de signer" in page
    url = reverse("documents:etudiant_signer", args=[signature.pk])
    assert url in page

    lecture = client.get(url).content.decode()
    assert "Cave des Chartrons" in lecture and "en tant que stagiaire" in lecture
    assert reverse("documents:etudiant_signer_pdf", args=[signature.pk]) in lecture
    pdf = client.get(reverse("documents:etudiant_signer_pdf", args=[signature.pk]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    signature.refresh_from_db()
    assert signature.signe_le is None  # reading signs nothing

    sans_case = client.post(url, {"empreinte": document.sha256}).content.decode()
    assert "Cochez la case" in sans_case
    client.post(
        url,
        {"je_signe": "oui", "empreinte": document.sha256},
        REMOTE_ADDR="192.0.2.9",
        HTTP_USER_AGENT="Navigateur de Camille",
    )
    signature.refresh_from_db()
    assert signature.signe_le is not None
    assert signature.sha256_signe == document.sha256
    assert (signature.adresse_ip, signature.navigateur) == ("192.0.2.9", "Navigateur de Camille")
    assert "À vous de signer" not in client.get(reverse("etablissement:mon_stage")).content.decode()


def test_the_account_signs_even_when_the_emailed_link_has_lapsed() -> None:
    eleve, client = _eleve("Lalanne")
    document = _circuit(eleve)
    signature = outils.signature_de(document, RoleSignataire.ETUDIANT)
    Signature.objects.filter(pk=signature.pk).update(
        expire_le=timezone.now() - signatures.DUREE_LIEN
    )
    client.post(
        reverse("documents:etudiant_signer", args=[signature.pk]),
        {"je_signe": "oui", "empreinte": document.sha256},
    )
    signature.refresh_from_db()
    assert signature.signe_le is not None


def test_only_their_own_signature_as_the_student_is_found() -> None:
    eleve, client = _eleve("Lalanne")
    autre, _ = _eleve("Vidal")
    document = _circuit(eleve)
    document_autre = outils.circuit(
        outils.convention(*outils.hote("Garonne Services")[::2], etudiant_=autre)
    )
    de_l_autre = outils.signature_de(document_autre, RoleSignataire.ETUDIANT)
    du_tuteur = outils.signature_de(document, RoleSignataire.TUTEUR)
    for pk in (de_l_autre.pk, du_tuteur.pk):
        assert client.get(reverse("documents:etudiant_signer", args=[pk])).status_code == 404
        reponse = client.post(reverse("documents:etudiant_signer", args=[pk]), {"je_signe": "oui"})
        assert reponse.status_code == 404
        assert client.get(reverse("documents:etudiant_signer_pdf", args=[pk])).status_code == 404
    assert not Signature.objects.filter(signe_le__isnull=False)


def test_the_student_reports_an_error_and_the_circuit_stops() -> None:
    eleve, client = _eleve("Lalanne")
    document = _circuit(eleve)
    signature = outils.signature_de(document, RoleSignataire.ETUDIANT)
    client.post(
        reverse("documents:etudiant_signaler", args=[signature.pk]),
        {"message": "Mes dates de stage sont fausses."},
    )
    page = client.get(reverse("documents:etudiant_signer", args=[signature.pk])).content.decode()
    assert "Mes dates de stage sont fausses." in page
    assert "Je signe</button>" not in page
    # No longer proposed on « Mon stage » while the section handles it.
    assert "À vous de signer" not in client.get(reverse("etablissement:mon_stage")).content.decode()
    tuteur = outils.signature_de(document, RoleSignataire.TUTEUR)
    with pytest.raises(signatures.SignatureRefusee):
        signatures.signer(signature=tuteur, le=timezone.now(), adresse_ip=None, navigateur="")
