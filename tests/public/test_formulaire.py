"""The simulator's form speaks French: what to type, and what is wrong."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def erreurs(client: Client, **champs: str) -> dict[str, list[str]]:
    reponse = client.get(reverse("public:simulateur"), champs)
    assert reponse.status_code == 200
    assert reponse.context["resultat"] is None
    return dict(reponse.context["form"].errors)


def test_an_empty_visit_shows_the_form_with_a_full_time_week() -> None:
    reponse = Client().get(reverse("public:simulateur"))
    assert reponse.status_code == 200
    assert reponse.context["resultat"] is None
    html = reponse.content.decode()
    assert 'name="lundi" value="7"' in html
    assert "Combien coûte un stagiaire ?" in html


def test_dates_are_typed_jj_mm_aaaa(client: Client) -> None:
    assert erreurs(client, debut="2026-13-01", fin="03/2026", lundi="7") == {
        "debut": ["Saisissez une date au format JJ/MM/AAAA, par exemple 02/03/2026."],
        "fin": ["Saisissez une date au format JJ/MM/AAAA, par exemple 02/03/2026."],
    }


def test_hours_are_7_or_7_30(client: Client) -> None:
    champs = {"debut": "02/03/2026", "fin": "06/03/2026"}
    assert erreurs(client, lundi="sept", **champs) == {
        "lundi": ["Saisissez une durée en heures, par exemple 7 ou 7:30."]
    }
    assert erreurs(client, lundi="7:75", **champs)["lundi"]


def test_it_says_when_the_stage_has_no_dates_or_no_hours(client: Client) -> None:
    assert erreurs(client, lundi="7") == {
        "__all__": ["Indiquez le stage : cochez une période du calendrier ou saisissez ses dates."]
    }
    assert erreurs(client, debut="02/03/2026", fin="06/03/2026") == {
        "lundi": ["Indiquez les heures de présence d'au moins un jour."]
    }
    assert erreurs(client, debut="06/03/2026", fin="02/03/2026", lundi="7") == {
        "fin": ["Le dernier jour précède le premier."]
    }


def test_an_amount_is_typed_4_50_and_required_for_an_amount_mode(client: Client) -> None:
    champs = {"debut": "02/03/2026", "fin": "06/03/2026", "lundi": "7"}
    assert erreurs(client, gratification="horaire", **champs) == {
        "montant": ["Indiquez le montant de la gratification envisagée."]
    }
    assert erreurs(client, gratification="horaire", montant="4.50.1", **champs) == {
        "montant": ["Saisissez un montant en euros, par exemple 5,20."]
    }
    reponse = client.get(
        reverse("public:simulateur"), {"gratification": "horaire", "montant": "4,50", **champs}
    )
    assert reponse.context["resultat"].total.verse == 7 * 4.5


def test_htmx_gets_the_result_only(client: Client) -> None:
    champs = {"debut": "02/03/2026", "fin": "06/03/2026", "lundi": "7"}
    reponse = client.get(reverse("public:simulateur"), champs, headers={"HX-Request": "true"})
    html = reponse.content.decode()
    assert html.lstrip().startswith('<section id="resultat"')
    assert "<form" not in html
    # An invalid form: htmx shows the messages in the result area.
    reponse = client.get(
        reverse("public:simulateur"), {"debut": "zz"}, headers={"HX-Request": "true"}
    )
    assert "Premier jour : Saisissez une date" in reponse.content.decode()


def test_the_result_links_replay_the_simulation(client: Client) -> None:
    champs = {"debut": "02/03/2026", "fin": "06/03/2026", "lundi": "7"}
    html = client.get(reverse("public:simulateur"), champs).content.decode()
    assert (
        "/entreprises/simulateur/?debut=02%2F03%2F2026&amp;fin=06%2F03%2F2026&amp;lundi=7" in html
    )
    assert "/entreprises/simulateur/simulation.pdf?debut=02%2F03%2F2026" in html
