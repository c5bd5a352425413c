"""The staff pages: generate answers with the PDF, a refusal lists what is missing, a
teacher generates for the students they follow, the administrator edits the templates."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from comptes.models import Utilisateur
from documents.models import Document, ModeleDocument
from tests import fabriques

pytestmark = pytest.mark.django_db


def _client(utilisateur: Utilisateur) -> Client:
    client = Client()
    client.force_login(utilisateur)
    return client


def test_generating_answers_with_the_pdf_and_keeps_it(administrateur: Utilisateur) -> None:
    c = fabriques.convention()
    reponse = _client(administrateur).post(reverse("documents:convention_pdf", args=[c.pk]))
    assert reponse.status_code == 200
    assert reponse["Content-Type"] == "application/pdf"
    assert b"".join(reponse.streaming_content).startswith(b"%PDF")  # type: ignore[attr-defined]
    document = Document.objects.get(convention=c)
    assert document.auteur == administrateur
    page = _client(administrateur).get(reverse("documents:convention", args=[c.pk]))
    assert reverse("documents:telecharger", args=[document.pk]) in page.content.decode()


def test_a_refusal_lists_the_missing_contents(administrateur: Utilisateur) -> None:
    clauses = {k: v for k, v in fabriques.CLAUSES.items() if k != "reglement_interieur"}
    c = fabriques.convention(contenus=clauses)
    reponse = _client(administrateur).post(reverse("documents:convention_pdf", args=[c.pk]))
    assert reponse.status_code == 409
    assert "14° clauses du règlement intérieur applicables au stagiaire" in reponse.content.decode()
    assert not Document.objects.exists()


def test_the_referent_teacher_generates_for_the_students_they_follow(
    enseignant: Utilisateur,
) -> None:
    suivi = fabriques.etudiant(referent=fabriques.enseignant(utilisateur=enseignant))
    c = fabriques.convention(etudiant_=suivi)
    reponse = _client(enseignant).post(reverse("documents:convention_pdf", args=[c.pk]))
    assert reponse.status_code == 200
    autre = fabriques.convention()
    reponse = _client(enseignant).post(reverse("documents:convention_pdf", args=[autre.pk]))
    assert reponse.status_code == 403


def test_the_administrator_saves_a_new_template_version(administrateur: Utilisateur) -> None:
    url = reverse("documents:modele", args=["attestation"])
    client = _client(administrateur)
    assert "{{ etudiant.nom }}" in client.get(url).content.decode()
    reponse = client.post(url, {"corps": "Attestation pour {{ etudiant.nom }}."})
    assert reponse.status_code == 302
    assert ModeleDocument.objects.filter(type="attestation").count() == 2
    reponse = client.post(url, {"corps": "{{ convention.etudiant.promotion }}"})
    assert reponse.status_code == 200
    assert "Variables inconnues" in reponse.content.decode()


def test_the_django_admin_only_reads_documents(administrateur: Utilisateur) -> None:
    administrateur.is_staff = administrateur.is_superuser = True
    administrateur.save()
    c = fabriques.convention()
    client = _client(administrateur)
    client.post(reverse("documents:convention_pdf", args=[c.pk]))
    for nom in ("documents_document", "documents_modeledocument"):
        assert client.get(reverse(f"admin:{nom}_changelist")).status_code == 200
        assert client.get(reverse(f"admin:{nom}_add")).status_code == 403
