"""The template filters print figures the French way, as the engine's sentences do."""

from datetime import date
from decimal import Decimal

from django.template import Context, Template


def rendre(gabarit: str, **contexte: object) -> str:
    return Template("{% load format_fr %}" + gabarit).render(Context(contexte))


def test_it_prints_amounts_dates_hours_and_months_in_french() -> None:
    assert rendre("{{ m|euros }}", m=Decimal("1234.5")) == "1\u202f234,50 €"
    assert rendre("{{ j|jour }}", j=date(2026, 3, 5)) == "05/03/2026"
    assert rendre("{{ n|heures }}", n=450) == "7,5 h"
    assert rendre("{{ j|mois }}", j=date(2026, 8, 1)) == "août 2026"
    assert rendre("{{ x|nombre }}", x=Decimal("18.9")) == "18,90"


def test_a_missing_figure_prints_nothing() -> None:
    assert (
        rendre("[{{ m|euros }}{{ j|jour }}{{ n|heures }}{{ j|mois }}]", m=None, j=None, n=None)
        == "[]"
    )
