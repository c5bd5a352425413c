"""UAI and INE: the school's and the student's national identifiers."""

import pytest
from django.core.exceptions import ValidationError

from etablissement.validators import normaliser_code, valider_ine, valider_uai


@pytest.mark.parametrize("uai", ["0330028B", "0750655E"])
def test_it_accepts_a_uai_whose_key_letter_is_right(uai: str) -> None:
    valider_uai(uai)


def test_it_refuses_a_uai_whose_key_letter_is_wrong() -> None:
    with pytest.raises(ValidationError) as erreur:
        valider_uai("0330028A")
    assert erreur.value.messages == [
        "Le code UAI « 0330028A » est erroné : sa lettre clé devrait être B."
    ]


@pytest.mark.parametrize("uai", ["330028B", "03300281", "0330028BB", "0330028b"])
def test_it_refuses_a_uai_of_another_shape(uai: str) -> None:
    with pytest.raises(ValidationError, match="7 chiffres suivis d'une lettre"):
        valider_uai(uai)


@pytest.mark.parametrize(
    "ine",
    [
        "123456789AB",  # since 2018: 9 digits, 2 letters
        "1234567890F",  # before 2018: 10 digits, 1 key letter
        "1234A12345F",  # apprentices
    ],
)
def test_it_accepts_the_three_shapes_of_an_ine(ine: str) -> None:
    valider_ine(ine)


@pytest.mark.parametrize(
    "ine", ["123456789A", "123456789ABC", "12345678901", "ABCDEFGHIJK", "1234B12345F"]
)
def test_it_refuses_an_ine_of_another_shape(ine: str) -> None:
    with pytest.raises(ValidationError, match="doit compter 11 caractères"):
        valider_ine(ine)


def test_it_normalises_an_ine_typed_with_spaces_in_lower_case() -> None:
    assert normaliser_code(" 123 456 789 ab ") == "123456789AB"
