"""The draft of a fiche from its stage, as a table: each `prerempli` source lands in its
field, cut to the field's bound; the logged activities are dated, oldest first, as many
whole lines as fit, and only those quoted are kept as provenance."""

from __future__ import annotations

from datetime import date

import pytest

from examens import brouillon
from examens.modeles import modele

STAGE = brouillon.Stage(
    organisme="Cave des Chartrons",
    adresse="12 quai des Chartrons, 33000 Bordeaux",
    activite="Code NAF (APE) 47.25Z",
    lieu="Boutique, 3 rue Notre-Dame, 33000 Bordeaux",
    periodes=((date(2027, 1, 4), date(2027, 2, 12)), (date(2026, 5, 18), date(2026, 6, 26))),
    activites=(
        brouillon.Activite(7, date(2027, 1, 12), date(2027, 1, 12), "Dégustation  \n clients"),
        brouillon.Activite(5, date(2027, 1, 5), date(2027, 1, 8), "Relance des devis"),
    ),
)


@pytest.mark.parametrize(
    ("type_fiche", "cle", "attendu"),
    [
        ("E4_NEGO", "organisation", "Cave des Chartrons"),
        ("E4_NEGO", "adresse", "12 quai des Chartrons, 33000 Bordeaux"),
        ("E4_NEGO", "type_structure", "Code NAF (APE) 47.25Z"),
        ("E4_NEGO", "dates", "Du 18/05/2026 au 26/06/2026 ; Du 04/01/2027 au 12/02/2027"),
        ("E4_NEGO", "lieu", "Boutique, 3 rue Notre-Dame, 33000 Bordeaux"),
        (
            "E4_EVENEMENT",
            "phases",
            "Du 05/01/2027 au 08/01/2027 : Relance des devis\nLe 12/01/2027 : Dégustation clients",
        ),
        ("E4_NEGO", "historique", ""),
        ("E6_PARTENAIRES", "periodes", "Du 18/05/2026 au 26/06/2026 ; Du 04/01/2027 au 12/02/2027"),
        (
            "E6_VENTE_DIRECTE",
            "methodologie",
            "Du 05/01/2027 au 08/01/2027 : Relance des devis\nLe 12/01/2027 : Dégustation clients",
        ),
        ("E4_SUJET", "lieu", "Boutique, 3 rue Notre-Dame, 33000 Bordeaux"),
        ("E4_SUJET", "objet", ""),
    ],
)
def test_each_source_lands_in_its_field(type_fiche: str, cle: str, attendu: str) -> None:
    tire = brouillon.preremplir(modele(type_fiche), STAGE)
    assert tire.contenu[cle] == attendu
    assert set(tire.contenu) == {c.cle for c in modele(type_fiche).champs}


def test_the_entries_quoted_are_the_provenance() -> None:
    assert brouillon.preremplir(modele("E4_NEGO"), STAGE).entrees == (5, 7)
    assert brouillon.preremplir(modele("E4_SUJET"), STAGE).entrees == ()


def test_activities_stop_at_the_bound_with_whole_lines() -> None:
    m = modele("E4_NEGO")
    borne = m.champ("phases").max
    longues = tuple(
        brouillon.Activite(i, date(2027, 1, i), date(2027, 1, i), "x" * 1000) for i in range(1, 9)
    )
    tire = brouillon.preremplir(m, brouillon.Stage(activites=longues))
    texte = tire.contenu["phases"]
    assert len(texte) <= borne
    assert texte.count("\n") + 1 == len(tire.entrees) == 3
    assert tire.entrees == (1, 2, 3)


def test_every_field_is_held_to_its_bound() -> None:
    enorme = brouillon.Stage(organisme="O" * 900, adresse="A" * 900, lieu="L" * 900)
    for type_fiche in ("E4_NEGO", "E6_DISTRIBUTEURS", "E4_SUJET"):
        m = modele(type_fiche)
        tire = brouillon.preremplir(m, enorme)
        for c in m.champs:
            assert len(tire.contenu[c.cle]) <= c.max


def test_a_blank_fiche_has_every_field_empty() -> None:
    assert set(brouillon.vide(modele("E6_PARTENAIRES")).values()) == {""}
