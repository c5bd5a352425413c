"""The simulator answers the worked examples of regles-stage.md §8 through its web form,
as a company fills it in (GET: the address replays the simulation)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from public.simulation import Resultat

pytestmark = pytest.mark.django_db

SEMAINE_DE_35_HEURES = {"lundi": "7", "mardi": "7", "mercredi": "7", "jeudi": "7", "vendredi": "7"}


def simuler(client: Client, **champs: Any) -> tuple[Resultat, str]:
    donnees = {**SEMAINE_DE_35_HEURES, **champs}
    reponse = client.get(reverse("public:simulateur"), donnees)
    assert reponse.status_code == 200
    resultat = reponse.context["resultat"]
    assert resultat is not None, reponse.context["form"].errors
    return resultat, reponse.content.decode()


def codes(resultat: Resultat) -> set[str]:
    return {c.code for c in resultat.constats}


def test_g1_eight_weeks_of_35_hours_need_no_gratification(client: Client) -> None:
    resultat, html = simuler(client, debut="07/09/2026", fin="30/10/2026")
    assert resultat.total.presence == 280 * 60
    assert not resultat.obligatoire
    assert "GRAT_FACULTATIVE" in codes(resultat)
    assert "Gratification facultative" in html
    assert "C. éduc. L124-6, D124-8" in html  # the verdict shows its article


def test_g2_308_hours_exactly_need_no_gratification(client: Client) -> None:
    resultat, _ = simuler(client, debut="07/09/2026", fin="05/11/2026")
    assert resultat.total.presence == 308 * 60
    assert not resultat.obligatoire


def test_g5_eight_weeks_of_39_hours_cross_the_threshold_on_the_309th_hour(client: Client) -> None:
    semaine_de_39_heures = {"lundi": "8", "mardi": "8", "mercredi": "8", "jeudi": "8"}
    resultat, html = simuler(client, debut="07/09/2026", fin="30/10/2026", **semaine_de_39_heures)
    assert resultat.total.presence == 312 * 60
    assert resultat.obligatoire
    # 305 h by Thursday 29 October: the 309th hour is worked on Friday 30 October.
    assert resultat.jour_309e_heure == date(2026, 10, 30)
    assert "Gratification obligatoire" in html and "30/10/2026" in html


def test_g6_two_stages_at_the_same_host_add_up_but_stay_under_the_threshold(
    client: Client,
) -> None:
    resultat, html = simuler(
        client,
        debut="05/10/2026",
        fin="30/10/2026",
        anterieur_debut="07/09/2026",
        anterieur_fin="02/10/2026",
    )
    assert resultat.minutes_anterieures == 140 * 60
    assert resultat.cumuls[0].minutes_comptees == 280 * 60
    assert not resultat.obligatoire


def test_an_earlier_stage_pushed_over_the_threshold_owes_back_pay(client: Client) -> None:
    resultat, html = simuler(
        client,
        debut="02/11/2026",
        fin="27/11/2026",
        gratification="minimum_legal",
        anterieur_debut="07/09/2026",
        anterieur_fin="30/10/2026",
    )
    assert resultat.obligatoire
    assert "GRAT_RAPPEL" in codes(resultat)
    assert "Rappel de gratification" in html


def test_m4_a_2026_month_of_147_hours_has_a_minimum_of_661_50(client: Client) -> None:
    # 1 January to 31 March 2026, full time: 441 h, so gratification is mandatory.
    resultat, html = simuler(
        client, debut="01/01/2026", fin="31/03/2026", gratification="minimum_legal"
    )
    janvier = resultat.lignes[0]
    assert janvier.mois == date(2026, 1, 1) and janvier.presence == 147 * 60
    assert janvier.minimum_reel == Decimal("661.50")
    assert [ligne.minimum_reel for ligne in resultat.lignes[1:]] == [
        Decimal("630.00"),
        Decimal("693.00"),
    ]
    assert "661,50 €" in html


def test_the_smoothed_minimum_splits_the_total_into_equal_instalments(client: Client) -> None:
    resultat, _ = simuler(
        client,
        debut="01/01/2026",
        fin="31/03/2026",
        gratification="minimum_legal",
        methode="lissee",
    )
    # 441 h × 4,50 = 1 984,50, three instalments of 661,50.
    assert [ligne.minimum_lisse for ligne in resultat.lignes] == [Decimal("661.50")] * 3
    assert resultat.total.verse == Decimal("1984.50")


def test_s1_700_euros_for_140_hours_in_2026(client: Client) -> None:
    resultat, html = simuler(
        client,
        debut="02/02/2026",
        fin="27/02/2026",
        effectif="4",
        gratification="mensuelle",
        montant="700,00",
    )
    (fevrier,) = resultat.lignes
    assert fevrier.presence == 140 * 60
    assert fevrier.franchise == Decimal("630.00")
    assert fevrier.excedent == Decimal("70.00")
    assert fevrier.cotisations_stagiaire == Decimal("11.78")
    assert fevrier.cotisations_organisme == Decimal("22.83")
    assert fevrier.cout == Decimal("722.83")
    assert "630,00 €" in html and "70,00 €" in html and "722,83 €" in html


def test_s3_an_optional_gratification_under_the_franchise_pays_no_contribution(
    client: Client,
) -> None:
    resultat, _ = simuler(
        client,
        debut="02/02/2026",
        fin="27/02/2026",
        gratification="mensuelle",
        montant="300",
    )
    assert resultat.total.excedent == 0
    assert resultat.total.cout == Decimal("300.00")


def test_q1_a_fourth_intern_in_a_host_of_12_is_refused(client: Client) -> None:
    resultat, html = simuler(
        client, debut="05/03/2026", fin="27/03/2026", effectif="12", autres_stagiaires="3"
    )
    assert resultat.quota_depasse
    assert resultat.semaine_chargee is not None
    assert resultat.semaine_chargee.lundi == date(2026, 3, 2)
    assert (resultat.semaine_chargee.total, resultat.semaine_chargee.quota) == (4, 3)
    assert "QUOTA_DEPASSE" in codes(resultat)
    assert "Refusé" in html and "L124-8" in html


def test_q4_a_host_of_21_takes_a_fourth_intern(client: Client) -> None:
    resultat, html = simuler(
        client, debut="05/03/2026", fin="27/03/2026", effectif="21", autres_stagiaires="3"
    )
    assert not resultat.quota_depasse
    assert "Possible" in html


def test_h4_a_july_stage_leaves_august_free(client: Client) -> None:
    resultat, html = simuler(client, debut="06/07/2026", fin="31/07/2026")
    assert resultat.total.presence == 133 * 60
    (note,) = resultat.repos_ete
    assert note.respecte and note.repos is not None
    assert (note.repos.debut, note.repos.jours) == (date(2026, 8, 1), 31)
    assert "REPOS_ETE" not in codes(resultat)


def test_h6_a_stage_until_mid_august_leaves_too_little_summer_rest(client: Client) -> None:
    resultat, html = simuler(client, debut="06/07/2026", fin="14/08/2026")
    (note,) = resultat.repos_ete
    assert not note.respecte and note.repos is not None and note.repos.jours == 17
    assert "REPOS_ETE" in codes(resultat)
    assert "Insuffisant" in html


def test_a_calendar_period_of_the_section_can_be_simulated(client: Client) -> None:
    from tests import fabriques

    promotion = fabriques.promotion(annee_debut=2026)
    periode = promotion.periodes.order_by("debut").first()
    assert periode is not None
    resultat, html = simuler(client, periodes=[str(periode.pk)])
    assert resultat.entree.intervalles == ((periode.debut, periode.fin),)
    assert periode.libelle in html


def test_a_period_typed_over_a_calendar_period_is_not_counted_twice(client: Client) -> None:
    from tests import fabriques

    periode = fabriques.promotion(annee_debut=2026).periodes.order_by("debut").first()
    assert periode is not None
    seule, _ = simuler(client, periodes=[str(periode.pk)])
    doublee, _ = simuler(
        client,
        periodes=[str(periode.pk)],
        debut=periode.debut.strftime("%d/%m/%Y"),
        fin=periode.fin.strftime("%d/%m/%Y"),
    )
    assert doublee.total.presence == seule.total.presence
