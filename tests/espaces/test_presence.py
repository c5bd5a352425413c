"""Presence confirmed by the tutor in their space (L124-14): a week confirmed as planned, a
week corrected with an absence and the gratification schedule that follows, crossing 308 h
told to the tutor and e-mailed to the référent, a week to come refused, another host's
stage not found, and a fuzz of the week's form that never answers 500."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conventions.models import EvenementConvention, OriginePointage, Pointage
from conventions.moteur import evaluer_convention
from core.audit import Action
from espaces.presence import gratification
from tests.espaces import outils
from tests.espaces.presence_outils import JUSTE, LUNDI, comme_prevu, semaine, stage

pytestmark = pytest.mark.django_db

MARDI_SUIVANT = date(2026, 1, 13)  # the week of 5 January is over


def _confirmer(client: Client, jeton: str, pk: int, lundi: date, donnees: dict[str, Any]) -> Any:
    url = reverse("espaces:presence_confirmer", args=[jeton, pk, lundi.isoformat()])
    return client.post(url, donnees, follow=True)


def test_the_tutor_sees_the_week_to_confirm_with_its_planned_hours(client: Client) -> None:
    c, _, jeton = stage()
    with time_machine.travel(MARDI_SUIVANT):
        page = client.get(reverse("espaces:espace", args=[jeton])).content.decode()
    assert "Présence à confirmer" in page
    assert "Semaine du 05/01/2026 au 11/01/2026" in page
    assert "lundi 5 janvier : 7 h prévues" in page
    # The week under way (from 12 January) is not asked for yet.
    assert "Semaine du 12/01/2026" not in page
    assert "La gratification est due depuis le 05/01/2026" in page


def test_confirming_as_planned_records_the_week_as_the_tutors(client: Client) -> None:
    c, tuteur, jeton = stage()
    with time_machine.travel(MARDI_SUIVANT):
        reponse = _confirmer(client, jeton, c.pk, LUNDI, semaine(c.pk, LUNDI, comme_prevu()))
        page = reponse.content.decode()
    assert "la semaine du 05/01/2026" in page and "est confirmée" in page
    jours = Pointage.objects.filter(convention=c)
    assert jours.count() == 5
    assert {p.origine for p in jours} == {OriginePointage.TUTEUR}
    assert {p.tuteur_id for p in jours} == {tuteur.pk}
    assert all(p.minutes_presence == 7 * 60 and p.saisi_par is None for p in jours)
    evenement = EvenementConvention.objects.get(convention=c, action=Action.PRESENCE_CONFIRMEE)
    assert evenement.donnees["origine"] == "tuteur" and evenement.donnees["tuteur"] == str(tuteur)
    # Confirmed: no longer asked for.
    assert "Semaine du 05/01/2026 au 11/01/2026" not in page
    assert "Toutes les semaines passées de ce stage sont confirmées" in page


def test_an_absence_changes_the_gratification_schedule(
    client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    c, _, jeton = stage()
    avant = gratification(evaluer_convention(c))
    jours = comme_prevu()
    jours[2] = ("0", "maladie_accident", "7")  # Wednesday 7 January: sick
    mail.outbox.clear()
    with time_machine.travel(MARDI_SUIVANT), django_capture_on_commit_callbacks(execute=True):
        page = _confirmer(client, jeton, c.pk, LUNDI, semaine(c.pk, LUNDI, jours)).content.decode()
    apres = gratification(evaluer_convention(c))
    janvier_avant, janvier_apres = avant.mois[0], apres.mois[0]
    assert janvier_apres.compte == janvier_avant.compte - 7 * 60
    assert janvier_apres.minimum < janvier_avant.minimum
    assert "corrigée et confirmée" in page
    assert "Le calendrier de la gratification change" in page
    assert EvenementConvention.objects.filter(
        convention=c, action=Action.PRESENCE_CORRIGEE
    ).exists()
    assert Pointage.objects.get(convention=c, jour=date(2026, 1, 7)).absence == "maladie_accident"
    assert not mail.outbox  # still due: the référent is not written to


def test_crossing_308_hours_tells_the_tutor_and_emails_the_referent(
    client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    c, _, jeton = stage(periodes=JUSTE)
    assert not gratification(evaluer_convention(c)).due  # 308 h exactly
    mail.outbox.clear()
    jours = comme_prevu()
    jours[0] = ("8", "", "0")  # one hour more on Monday
    with time_machine.travel(MARDI_SUIVANT), django_capture_on_commit_callbacks(execute=True):
        page = _confirmer(client, jeton, c.pk, LUNDI, semaine(c.pk, LUNDI, jours)).content.decode()
    assert "La gratification devient due à partir du 5 janvier 2026" in page
    assert gratification(evaluer_convention(c)).due
    # The finding is on the convention (computed from the log).
    assert "GRAT_OBLIGATOIRE" in {k.code for k in evaluer_convention(c).constats}
    (courriel,) = mail.outbox
    assert courriel.to == [c.referent.email]
    assert "La gratification devient due" in str(courriel.body)


def test_a_week_to_come_is_refused(client: Client) -> None:
    c, _, jeton = stage()
    with time_machine.travel(date(2026, 1, 8)):  # Thursday: the week is not over
        page = _confirmer(client, jeton, c.pk, LUNDI, semaine(c.pk, LUNDI, comme_prevu()))
    assert "pas terminée" in page.content.decode()
    assert not Pointage.objects.filter(convention=c).exists()
    # A week of the future, even if the form is forged.
    suivante = LUNDI + timedelta(days=14)
    with time_machine.travel(MARDI_SUIVANT):
        page = _confirmer(client, jeton, c.pk, suivante, semaine(c.pk, suivante, comme_prevu()))
    assert "pas terminée" in page.content.decode()
    assert not Pointage.objects.filter(convention=c).exists()


def test_another_hosts_stage_is_not_found(client: Client) -> None:
    _, _, jeton = stage()
    autre, _, _ = stage("Garonne Services")
    with time_machine.travel(MARDI_SUIVANT):
        url = reverse("espaces:presence_confirmer", args=[jeton, autre.pk, LUNDI.isoformat()])
        reponse = client.post(url, semaine(autre.pk, LUNDI, comme_prevu()))
        page = client.get(reverse("espaces:espace", args=[jeton])).content.decode()
    assert reponse.status_code == 404
    assert not Pointage.objects.filter(convention=autre).exists()
    assert f"/presence/{autre.pk}/" not in page


def test_a_signatory_link_has_no_presence_section(client: Client) -> None:
    org, contact, tuteur = outils.hote("Bordeaux Conseil")
    _, jeton = outils.lien(__import__("espaces.services").services.titulaire_contact(contact))
    with time_machine.travel(MARDI_SUIVANT):
        page = client.get(reverse("espaces:espace", args=[jeton])).content.decode()
    assert "Présence à confirmer" not in page


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    champs=st.dictionaries(
        st.sampled_from(
            [
                "TOTAL_FORMS",
                "INITIAL_FORMS",
                "0-presence",
                "0-absence",
                "0-minutes_absence",
                "4-presence",
                "6-absence",
                "9-presence",
            ]
        ),
        st.one_of(
            st.text(max_size=12),
            st.sampled_from(["7", "25", "-1", "7:75", "3,5", "maladie_accident", "99", ""]),
        ),
    ),
    lundi=st.sampled_from(["2026-01-05", "2026-01-12", "2026-02-30", "x", "2027-01-04"]),
)
def test_fuzz_the_week_form_never_500(client: Client, champs: dict[str, str], lundi: str) -> None:
    if not hasattr(test_fuzz_the_week_form_never_500, "stage"):
        test_fuzz_the_week_form_never_500.stage = stage("Fuzz Distribution")  # type: ignore[attr-defined]
    c, _, jeton = test_fuzz_the_week_form_never_500.stage  # type: ignore[attr-defined]
    p = f"p{c.pk}-{lundi.replace('-', '')}"
    donnees = {f"{p}-{cle}": valeur.replace("\x00", "") for cle, valeur in champs.items()}
    with time_machine.travel(MARDI_SUIVANT):
        url = reverse("espaces:presence_confirmer", args=[jeton, c.pk, lundi])
        reponse = client.post(url, donnees)
    assert reponse.status_code in (302, 404)
    assert Decimal(0) <= sum(
        Decimal(p.minutes_presence) for p in Pointage.objects.filter(convention=c)
    )
