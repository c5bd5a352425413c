"""The fifteen mandatory contents of a convention (D124-4, R-CONV-2)."""

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from regles.contenus import (
    CONGES,
    CONTENUS,
    DERIVES,
    PAR_CODE,
    contenus_manquants,
    verifier_contenus,
)
from regles.modele import Convention, Gratification, ModeGratification, Periode
from regles.parametres import parametres
from regles.presence import Seuils

SEUIL = Seuils.au(parametres(), date(2026, 3, 2)).gratification  # 308 h
TEXTES = {c.code: f"Clause {c.numero}" for c in CONTENUS if c.code not in DERIVES}
SANS_CONGES = {code: texte for code, texte in TEXTES.items() if code != CONGES}


def convention(**autres: Any) -> Convention:
    valeurs: dict[str, Any] = {
        "id": "c1",
        "etudiant": "e1",
        "siren": "123456789",
        "periodes": (Periode(date(2026, 3, 2), date(2026, 3, 27)),),
        "horaire": (420, 420, 420, 420, 420, 0, 0),
        "contenus": SANS_CONGES,
    }
    valeurs.update(autres)
    return Convention(**valeurs)


def manquants(c: Convention, minutes_total: int = 140 * 60) -> list[str]:
    return [m.code for m in contenus_manquants(c, minutes_total=minutes_total, seuil=SEUIL)]


def test_the_table_numbers_the_fifteen_items_of_d124_4_in_order() -> None:
    assert sorted({c.numero for c in CONTENUS}) == list(range(1, 16))
    assert [c.numero for c in CONTENUS] == sorted(c.numero for c in CONTENUS)
    assert [c.code for c in CONTENUS if c.numero == 10] == ["absences_conges", CONGES]
    assert {PAR_CODE[code].numero for code in DERIVES} == {5, 6, 8}
    assert all(c.code.isascii() and c.code == c.code.lower() for c in CONTENUS)


def test_a_complete_convention_lacks_nothing() -> None:
    assert manquants(convention()) == []
    assert verifier_contenus(convention(), minutes_total=140 * 60, seuil=SEUIL) == []


@pytest.mark.parametrize(
    "code",
    sorted(SANS_CONGES),
    ids=[f"{PAR_CODE[code].numero} {code} absent" for code in sorted(SANS_CONGES)],
)
def test_each_text_clause_is_required(code: str) -> None:
    contenus = {k: v for k, v in SANS_CONGES.items() if k != code}
    assert manquants(convention(contenus=contenus)) == [code]


@pytest.mark.parametrize(
    "texte",
    ["", "   ", "\n\t"],
    ids=["vide", "espaces", "retour a la ligne et tabulation"],
)
def test_a_blank_clause_is_missing(texte: str) -> None:
    assert manquants(convention(contenus={**SANS_CONGES, "suivi": texte})) == ["suivi"]


@pytest.mark.parametrize(
    ("minutes_total", "conges_exige"),
    [(140 * 60, False), (308 * 60, False), (308 * 60 + 30, True), (400 * 60, True)],
    ids=[
        "4 semaines : pas de conges a prevoir",
        "308 h pile : deux mois, pas plus",
        "308,5 h : plus de deux mois",
        "400 h",
    ],
)
def test_leave_clause_only_above_two_months(minutes_total: int, conges_exige: bool) -> None:
    assert manquants(convention(), minutes_total) == ([CONGES] if conges_exige else [])
    assert manquants(convention(contenus=TEXTES), minutes_total) == []


@pytest.mark.parametrize(
    ("autres", "minutes_total", "code"),
    [
        ({}, 0, "dates_duree"),
        (
            {"horaire": (0,) * 7, "exceptions": {date(2026, 3, 2): 420}},
            420,
            "presence_hebdomadaire",
        ),
        ({"gratification": Gratification(ModeGratification.HORAIRE)}, 140 * 60, "gratification"),
        (
            {"gratification": Gratification(ModeGratification.MENSUELLE, Decimal(0))},
            140 * 60,
            "gratification",
        ),
    ],
    ids=[
        "5 aucune duree de presence prevue",
        "6 aucun horaire hebdomadaire, seulement des exceptions",
        "8 gratification horaire sans montant",
        "8 gratification mensuelle a 0",
    ],
)
def test_derived_items_come_from_the_structured_data(
    autres: dict[str, Any], minutes_total: int, code: str
) -> None:
    assert manquants(convention(**autres), minutes_total) == [code]


@pytest.mark.parametrize(
    "gratification",
    [
        Gratification(),
        Gratification(ModeGratification.MINIMUM_LEGAL),
        Gratification(ModeGratification.HORAIRE, Decimal("4.50")),
        Gratification(ModeGratification.MENSUELLE, Decimal("700")),
    ],
    ids=["aucune : une stipulation", "minimum legal", "4,50 par heure", "700 par mois"],
)
def test_a_stated_gratification_is_complete(gratification: Gratification) -> None:
    assert manquants(convention(gratification=gratification)) == []


def test_the_finding_lists_the_missing_items_by_number() -> None:
    contenus = {k: v for k, v in SANS_CONGES.items() if k not in ("encadrants", "attestation")}
    c = convention(contenus=contenus, gratification=Gratification(ModeGratification.HORAIRE))
    (constat,) = verifier_contenus(c, minutes_total=400 * 60, seuil=SEUIL)
    assert (
        constat.code == "CONVENTION_INCOMPLETE" and constat.bloquant and constat.convention == "c1"
    )
    assert constat.message == (
        "Il manque à la convention c1 les mentions obligatoires suivantes : "
        "2° noms de l'enseignant référent et du tuteur ; "
        "8° montant de la gratification et modalités de versement ; "
        "10° congés et autorisations d'absence (stage de plus de deux mois, L124-13) ; "
        "15° conditions de délivrance de l'attestation de stage."
    )
    assert constat.chiffres == {
        "manquants": "encadrants, gratification, conges, attestation",
        "numeros": "2, 8, 10, 15",
        "nombre": 4,
    }


def test_a_single_missing_item_is_said_in_the_singular() -> None:
    contenus = {k: v for k, v in SANS_CONGES.items() if k != "competences"}
    (constat,) = verifier_contenus(
        convention(contenus=contenus), minutes_total=140 * 60, seuil=SEUIL
    )
    assert constat.message == (
        "Il manque à la convention c1 la mention obligatoire suivante : "
        "3° compétences à acquérir ou à développer."
    )
