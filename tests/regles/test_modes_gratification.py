"""One rule for "this mode needs an amount", read by the staff's form, the companies' form,
the model's validation and the JSON input: per hour and per month need one."""

import pytest

from regles.modele import ModeGratification


@pytest.mark.parametrize(
    ("mode", "attendu"),
    [("aucune", False), ("minimum_legal", False), ("horaire", True), ("mensuelle", True)],
)
def test_per_hour_and_per_month_need_an_amount(mode: str, attendu: bool) -> None:
    assert ModeGratification.demande_un_montant(mode) is attendu
    assert ModeGratification(mode).avec_montant is attendu


@pytest.mark.parametrize("brut", [None, "", "HORAIRE", "par heure"])
def test_a_value_no_form_offers_asks_no_amount(brut: str | None) -> None:
    """A tampered field is the choice field's error, not a missing amount."""
    assert ModeGratification.demande_un_montant(brut) is False


def test_every_mode_has_its_label() -> None:
    assert [m.libelle for m in ModeGratification] == [
        "Pas de gratification",
        "Minimum légal",
        "Montant par heure",
        "Montant par mois",
    ]
