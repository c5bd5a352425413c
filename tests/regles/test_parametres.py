"""The dated parameters: OpenFisca lookup semantics, and a malformed file stops the load."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from regles.parametres import ParametreInvalide, ParametreNonEnVigueur, charger, parametres


def ecrire(dossier: Path, nom: str, texte: str) -> Path:
    fichier = dossier / f"{nom}.yaml"
    fichier.parent.mkdir(parents=True, exist_ok=True)
    fichier.write_text(texte, encoding="utf-8")
    return fichier


VALIDE = """
description: Un paramètre
values:
  2020-01-01:
    value: 10
  2024-01-01:
    value: 0.15
  2025-01-01:
    value: null
metadata:
  reference:
    2020-01-01:
      - title: Art. 1
        href: https://example.org/1
    2024-01-01:
      - title: Art. 2
        href: https://example.org/2
"""


def test_it_returns_the_value_in_force_on_the_day(tmp_path: Path) -> None:
    ecrire(tmp_path / "groupe", "p", VALIDE)
    p = charger(tmp_path)["groupe.p"]
    assert p.valeur(date(2020, 1, 1)) == 10
    assert p.valeur(date(2023, 12, 31)) == 10
    assert p.valeur(date(2024, 1, 1)) == Decimal("0.15")
    assert p.references_au(date(2024, 6, 1))[0].titre == "Art. 2"


def test_it_refuses_a_day_before_the_first_value_or_after_repeal(tmp_path: Path) -> None:
    ecrire(tmp_path, "p", VALIDE)
    p = charger(tmp_path)["p"]
    with pytest.raises(ParametreNonEnVigueur):
        p.valeur(date(2019, 12, 31))
    with pytest.raises(ParametreNonEnVigueur):
        p.valeur(date(2025, 3, 1))


@pytest.mark.parametrize(
    ("texte", "cle"),
    [
        (VALIDE.replace("description: Un paramètre\n", ""), "description"),
        (
            VALIDE.replace(
                "2024-01-01:\n      - title: Art. 2\n        href: https://example.org/2\n", ""
            ),
            "metadata.reference.2024-01-01",
        ),
        (
            VALIDE.replace("  2025-01-01:\n    value: null\n", "  2020-01-01:\n    value: 3\n"),
            "(fichier)",
        ),
        (VALIDE.replace("2024-01-01:\n    value", "2024-13-01:\n    value"), "values.2024-13-01"),
        (VALIDE.replace("value: 10", "value: [1, 2]"), "values.2020-01-01"),
    ],
    ids=[
        "description manquante",
        "reference manquante",
        "date en double",
        "date invalide",
        "valeur invalide",
    ],
)
def test_it_stops_on_a_malformed_file_with_its_path_and_key(
    tmp_path: Path, texte: str, cle: str
) -> None:
    fichier = ecrire(tmp_path / "g", "p", texte)
    with pytest.raises(ParametreInvalide) as erreur:
        charger(tmp_path)
    assert erreur.value.fichier == fichier
    assert erreur.value.cle == cle
    assert str(fichier) in str(erreur.value)


def test_the_shipped_parameters_load_and_each_date_has_a_reference() -> None:
    p = parametres()
    for nom in p:
        parametre = p[nom]
        for jour, valeur in parametre.historique():
            if valeur is not None:
                assert parametre.references[jour], nom


def test_adding_a_year_of_phss_is_a_data_change(tmp_path: Path) -> None:
    source = parametres()["securite_sociale.plafond_horaire"].fichier.read_text(encoding="utf-8")
    ajout = source.replace(
        "metadata:",
        "  2027-01-01:\n    value: 31\nmetadata:",
    ).replace(
        "  last_value_still_valid_on",
        '    2027-01-01:\n      - title: "Arrêté 2027"\n        href: "https://example.org"\n  last_value_still_valid_on',
    )
    ecrire(tmp_path / "securite_sociale", "plafond_horaire", ajout)
    p = charger(tmp_path)
    assert p.decimal("securite_sociale.plafond_horaire", date(2027, 2, 1)) == 31
    assert p.decimal("securite_sociale.plafond_horaire", date(2026, 12, 31)) == 30
