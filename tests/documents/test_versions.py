"""Every generation is kept: a new version of the clause template makes new documents and
leaves the old ones as they were, with their SHA-256."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest
from django.core.exceptions import ValidationError

from documents import services
from documents.defauts import CORPS_PAR_DEFAUT
from documents.models import Document, ModeleDocument, TypeDocument
from tests import fabriques
from tests.documents.outils import texte_document

pytestmark = pytest.mark.django_db
LE = date(2026, 2, 1)


def test_a_new_template_version_keeps_the_old_pdfs() -> None:
    c = fabriques.convention()
    ancien = services.convention_pdf_generer(convention=c, auteur=None, le=LE)
    with ancien.fichier.open("rb") as f:
        octets_anciens = f.read()

    modele = services.modele_enregistrer(
        type_=TypeDocument.CONVENTION,
        corps="Article unique. Texte de la version deux pour {{ etudiant.prenom }}.",
        auteur=None,
    )
    nouveau = services.convention_pdf_generer(convention=c, auteur=None, le=LE)

    assert (ancien.version, ancien.modele.version) == (1, 1)
    assert (nouveau.version, nouveau.modele.version) == (2, modele.version) == (2, 2)
    ancien.refresh_from_db()
    with ancien.fichier.open("rb") as f:
        assert f.read() == octets_anciens
    assert ancien.sha256 == hashlib.sha256(octets_anciens).hexdigest()
    assert "version deux" not in texte_document(ancien)
    assert "Texte de la version deux pour Lucas." in texte_document(nouveau)
    assert Document.objects.filter(convention=c).count() == 2
    assert (
        ModeleDocument.objects.get(type="convention", version=1).corps
        == CORPS_PAR_DEFAUT["convention"]
    )


def test_saving_the_same_text_adds_no_version() -> None:
    v1 = services.modele_en_vigueur(TypeDocument.AVENANT)
    assert services.modele_enregistrer(type_="avenant", corps=v1.corps, auteur=None) == v1


@pytest.mark.parametrize(
    ("corps", "message"),
    [
        ("{% if %}", "ne se lit pas"),
        ("Bonjour {{ etudiant.nom }} et {{ mot_de_passe }}", "{{ mot_de_passe }}"),
    ],
)
def test_a_broken_or_prying_template_is_refused(corps: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        services.modele_enregistrer(type_="convention", corps=corps, auteur=None)
    assert not ModeleDocument.objects.filter(version__gt=1).exists()


@pytest.mark.parametrize("type_", TypeDocument.values)
def test_the_default_templates_use_only_documented_variables(type_: str) -> None:
    from documents.bac_a_sable import variables_inconnues

    assert variables_inconnues(CORPS_PAR_DEFAUT[type_]) == []
