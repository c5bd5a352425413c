"""The clause templates are rendered in a sandbox: plain data only, no ORM, no tag library, no
HTML; a template cannot reach data outside its convention."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from documents import bac_a_sable, services
from documents.models import ModeleDocument, TypeDocument
from tests import fabriques
from tests.documents.outils import texte_document


def test_only_plain_data_enters_the_sandbox() -> None:
    with pytest.raises(TypeError, match="interdit"):
        bac_a_sable.rendre_texte("{{ x }}", {"x": object()})  # type: ignore[dict-item]


def test_a_model_instance_is_refused_even_deep_in_a_list() -> None:
    with pytest.raises(TypeError, match=r"contexte\.a\[0\]"):
        bac_a_sable.rendre_texte("", {"a": [date(2026, 1, 1)]})  # type: ignore[list-item]


def test_unknown_paths_yield_nothing() -> None:
    donnees: dict[str, bac_a_sable.Donnee] = {"etudiant": {"nom": "Martin", "promotion": "NDRC"}}
    rendu = bac_a_sable.rendre_texte(
        "[{{ etudiant.promotion.etudiants.all }}][{{ convention.etudiant.promotion.etudiants.all }}]",
        donnees,
    )
    assert rendu == "[][]"


def test_a_method_with_side_effects_only_spoils_a_copy() -> None:
    donnees: dict[str, bac_a_sable.Donnee] = {"etudiant": {"nom": "Martin"}}
    bac_a_sable.rendre_texte("{{ etudiant.clear }}", donnees)
    assert donnees == {"etudiant": {"nom": "Martin"}}


@pytest.mark.parametrize(
    ("corps", "erreur"),
    [
        ("{% load static %}", bac_a_sable.ModeleIllisible),
        ('{% include "base.html" %}', bac_a_sable.ModeleIllisible),
        ("{{ etudiant.__class__ }}", bac_a_sable.ModeleIllisible),
    ],
)
def test_no_library_no_template_no_private_attribute(corps: str, erreur: type[Exception]) -> None:
    with pytest.raises(erreur):
        bac_a_sable.rendre_texte(corps, {"etudiant": {"nom": "Martin"}})


def test_html_typed_in_a_template_is_printed_as_text() -> None:
    html = bac_a_sable.rendre_corps('<img src="file:///etc/passwd">\n\nFin', {})
    assert "<img" not in html
    assert "&lt;img" in html
    assert html.count("<p>") == 2


def test_the_documented_variables_pass_others_are_named() -> None:
    assert (
        bac_a_sable.variables_inconnues(
            "{{ etudiant.nom }}{% for p in periodes %}{{ p.debut }}{% endfor %}{% if tuteur.nom %}{{ tuteur.nom }}{% endif %}"
        )
        == []
    )
    assert bac_a_sable.variables_inconnues(
        "{{ convention.etudiant.promotion.etudiants.all }}{% if 1 %}{{ secret }}{% endif %}"
    ) == ["convention.etudiant.promotion.etudiants.all", "secret"]


@pytest.mark.django_db
def test_a_template_cannot_reach_another_students_data() -> None:
    promo = fabriques.promotion(libelle="NDRC bac à sable")
    fabriques.etudiant(promotion=promo, nom="Voisine", prenom="Zoé")
    c = fabriques.convention(etudiant_=fabriques.etudiant(promotion=promo))
    with pytest.raises(ValidationError):  # refused at the door
        services.modele_enregistrer(
            type_=TypeDocument.ATTESTATION, corps="{{ promotion.etudiants.all }}", auteur=None
        )
    # Written past the door (an old version, the Django admin): the sandbox still finds
    # only strings, hence nothing.
    ModeleDocument.objects.create(
        type=TypeDocument.ATTESTATION,
        version=2,
        corps="Camarades : [{{ etudiant.promotion.etudiants.all }}] [{{ organisme.conventions.all }}]",
    )

    texte = texte_document(
        services.attestation_pdf_generer(periode=c.periodes.get(), auteur=None, le=date(2026, 4, 1))
    )

    assert "Camarades : [] []" in texte
    assert "Voisine" not in texte
