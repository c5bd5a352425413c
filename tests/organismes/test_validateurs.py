"""SIREN, SIRET and NAF: the checks a typing mistake must not pass."""

import pytest
from django.core.exceptions import ValidationError

from organismes.validators import (
    normaliser_naf,
    normaliser_numero,
    valider_naf,
    valider_siren,
    valider_siret,
)


@pytest.mark.parametrize("siren", ["552081317", "542051180", "732829320", "356000000"])
def test_it_accepts_a_siren_whose_luhn_key_is_right(siren: str) -> None:
    valider_siren(siren)


def test_it_refuses_a_siren_whose_checksum_is_wrong() -> None:
    with pytest.raises(ValidationError) as erreur:
        valider_siren("552081318")
    assert erreur.value.messages == [
        "Le SIREN « 552081318 » est erroné : sa clé de contrôle ne correspond pas. "
        "Vérifiez-le sur l'annuaire des entreprises."
    ]


@pytest.mark.parametrize("siren", ["55208131", "5520813170", "55208131A", ""])
def test_it_refuses_a_siren_that_is_not_nine_digits(siren: str) -> None:
    with pytest.raises(ValidationError, match="doit compter 9 chiffres"):
        valider_siren(siren)


def test_it_accepts_a_siret_whose_luhn_key_is_right() -> None:
    valider_siret("55208131700018")


def test_it_refuses_a_siret_whose_checksum_is_wrong() -> None:
    with pytest.raises(ValidationError, match="SIRET « 55208131700019 » est erroné"):
        valider_siret("55208131700019")


def test_it_refuses_a_siret_that_is_not_fourteen_digits() -> None:
    with pytest.raises(ValidationError, match="doit compter 14 chiffres"):
        valider_siret("552081317")


def test_it_accepts_a_la_poste_siret_whose_digits_add_up_to_a_multiple_of_five() -> None:
    # 3+5+6+1 = 15: fails Luhn, but La Poste's offices follow the multiple-of-5 rule.
    valider_siret("35600000000001")


def test_it_accepts_the_la_poste_head_office_siret_which_passes_luhn() -> None:
    valider_siret("35600000000048")


def test_it_refuses_a_la_poste_siret_that_passes_neither_rule() -> None:
    with pytest.raises(ValidationError, match="erroné"):
        valider_siret("35600000000002")


def test_it_keeps_the_sum_rule_for_la_poste_only() -> None:
    # Same digit sum (15) under another SIREN: Luhn applies, and fails.
    with pytest.raises(ValidationError, match="erroné"):
        valider_siret("55208131700001")


@pytest.mark.parametrize("naf", ["47.11F", "70.22Z", "01.11Z"])
def test_it_accepts_a_naf_code_written_as_insee_prints_it(naf: str) -> None:
    valider_naf(naf)


@pytest.mark.parametrize("naf", ["4711F", "47.11", "47.1F", "AB.CDE"])
def test_it_refuses_a_naf_code_of_another_shape(naf: str) -> None:
    with pytest.raises(ValidationError, match="par exemple 47.11F"):
        valider_naf(naf)


def test_it_normalises_what_people_type() -> None:
    assert normaliser_numero("552 081 317") == "552081317"
    assert normaliser_numero("552.081.317 00018") == "55208131700018"
    assert normaliser_naf("4711f") == "47.11F"
    assert normaliser_naf(" 47 11 F ") == "47.11F"
