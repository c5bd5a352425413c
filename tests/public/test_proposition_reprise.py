"""From a simulation's result, « Proposer un stage » starts with what the company typed in the
simulator (public/reprise.py): periods, gratification, headcount, its own dates."""

from __future__ import annotations

import html
import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from etablissement.models import PeriodePromotion
from public.models import PropositionStage
from tests import fabriques

pytestmark = pytest.mark.django_db

SEMAINE = {"lundi": "7", "mardi": "7", "mercredi": "7", "jeudi": "7", "vendredi": "7"}


def _periode() -> PeriodePromotion:
    """A calendar period still to come, whatever today is."""
    promotion = fabriques.promotion(annee_debut=timezone.localdate().year)
    periode = promotion.periodes.order_by("debut").first()
    assert periode is not None
    return periode


def _lien_proposer(client: Client, **simulation: Any) -> str:
    """The « Proposer un stage » link of a simulation's result, as the company follows it."""
    reponse = client.get(reverse("public:simulateur"), {**SEMAINE, **simulation})
    assert reponse.context["resultat"] is not None, reponse.context["form"].errors
    trouve = re.search(r'href="([^"]*)">Proposer un stage<', reponse.content.decode())
    assert trouve is not None
    lien = html.unescape(trouve.group(1))
    assert lien.startswith(reverse("public:proposer") + "?")
    return lien


def test_the_proposal_starts_with_the_simulation_and_is_sent_as_usual(client: Client) -> None:
    periode = _periode()
    lien = _lien_proposer(
        client,
        periodes=[periode.pk],
        debut="02/02/2026",
        fin="27/02/2026",
        effectif="4",
        gratification="mensuelle",
        montant="700",
        methode="lissee",
    )
    reponse = client.get(lien)
    assert reponse.status_code == 200
    form = reponse.context["form"]
    assert form.initial["periodes"] == [periode.pk]
    # 700 € a month is more than the minimum of those hours (4,50 € × 7 h a working day).
    assert form.initial["gratification"] == "au_dela"
    assert form.initial["tranche_effectif"] == "02"  # 3 à 5 salariés
    assert form.initial["message"] == (
        "Dates envisagées : du 02/02/2026 au 27/02/2026.\n"
        "Gratification envisagée : 700,00 € par mois (versement lissé : le même montant "
        "chaque mois)."
    )
    page = reponse.content.decode()
    assert "Ce que vous avez saisi dans le simulateur est repris" in page
    assert re.search(rf'name="periodes" value="{periode.pk}"[^>]*checked', page)
    assert re.search(r'name="gratification" value="au_dela"[^>]*checked', page)

    # The company completes the rest and sends it: the proposal form validated it all.
    envoi = {
        nom: form[nom].value()
        for nom in ("periodes", "gratification", "tranche_effectif", "message")
    }
    envoi |= {
        "siret": "83214567600025",
        "entreprise": "Aquitaine Distribution",
        "ville": "Bordeaux",
        "contact_nom": "Julie Martin",
        "contact_email": "julie.martin@example.org",
        "nombre_stagiaires": "1",
    }
    assert client.post(reverse("public:proposer"), envoi).status_code == 302
    proposition = PropositionStage.objects.get()
    assert list(proposition.periodes.all()) == [periode]
    assert (proposition.gratification, proposition.tranche_effectif) == ("au_dela", "02")
    assert proposition.message.startswith("Dates envisagées : du 02/02/2026 au 27/02/2026.")


@pytest.mark.parametrize(
    ("simulation", "intention"),
    [
        ({"gratification": "aucune"}, "aucune"),
        ({"gratification": "minimum_legal"}, "minimum"),
        ({"gratification": "horaire", "montant": "4,50"}, "minimum"),  # the 2026 rate
        ({"gratification": "horaire", "montant": "5"}, "au_dela"),
        ({"gratification": "horaire", "montant": "3"}, "a_voir"),
    ],
)
def test_the_gratification_becomes_the_proposal_s_intention(
    client: Client, simulation: dict[str, str], intention: str
) -> None:
    lien = _lien_proposer(client, debut="07/09/2026", fin="30/10/2026", **simulation)
    initial = client.get(lien).context["form"].initial
    assert initial["gratification"] == intention
    assert initial["periodes"] == []
    assert "tranche_effectif" not in initial  # no headcount typed: none carried


def test_an_edited_link_gives_the_usual_empty_form(client: Client) -> None:
    reponse = client.get(reverse("public:proposer"), {"debut": "zz", "lundi": "7"})
    assert reponse.status_code == 200
    assert reponse.context["form"].initial == {}
    assert "dans le simulateur est repris" not in reponse.content.decode()
