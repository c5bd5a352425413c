"""The reminders the section sets: from their day on, the pass of `manage.py relances`
writes once to each student still without a place for the period, never to a placed one,
never twice; the administrators set them from the counters' page, with French refusals."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client, TestCase
from django.urls import reverse
from django.utils import timezone

from candidatures import rappels, services
from candidatures.models import RappelEnvoye, RappelRecherche
from conventions.models import Statut
from etablissement import services as etablissement_services
from tests.candidatures import outils

pytestmark = pytest.mark.django_db


def _a(jour: Any) -> datetime:
    return timezone.make_aware(datetime.combine(jour, time(8)))


def test_the_pass_writes_once_to_the_students_without_a_place_from_the_day_on() -> None:
    promo, hiver, _ = outils.promotion()
    sans = outils.etudiant(promo, prenom="Lou", email="lou@lycee-eiffel.test")
    outils.candidature(sans, hiver)
    place = outils.etudiant(promo, prenom="Paul", email="paul@lycee-eiffel.test")
    outils.convention(place, hiver, Statut.VALIDEE)
    outils.etudiant(promo, prenom="Sans adresse", email="")
    archive = outils.etudiant(promo, prenom="Archivé", email="archive@lycee-eiffel.test")
    etablissement_services.etudiant_archiver(etudiant=archive)
    jour = outils.aujourdhui() + timedelta(days=3)
    services.rappel_prevoir(periode=hiver, jour=jour, par=None, aujourdhui=outils.aujourdhui())

    with TestCase.captureOnCommitCallbacks(execute=True):
        assert rappels.rappels_envoyer(le=_a(jour - timedelta(days=1))) == 0
    assert mail.outbox == []
    with TestCase.captureOnCommitCallbacks(execute=True):
        ligne = rappels.passe(le=_a(jour + timedelta(days=1)))  # a pass missed on the day
    assert ligne.startswith("1 rappel(s)")
    assert [m.to for m in mail.outbox] == [["lou@lycee-eiffel.test"]]
    corps = mail.outbox[0].body
    assert "Bonjour Lou," in corps and "Vous avez noté 1 candidature pour" in corps
    assert reverse("candidatures:recherche") in corps
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert rappels.rappels_envoyer(le=_a(jour + timedelta(days=2))) == 0
    assert len(mail.outbox) == 1 and RappelEnvoye.objects.count() == 1
    # Once the period is over, nothing more.
    outils.etudiant(promo, prenom="Tardif", email="tardif@lycee-eiffel.test")
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert rappels.rappels_envoyer(le=_a(hiver.fin + timedelta(days=1))) == 0


def test_a_reminder_is_set_between_today_and_the_periods_end() -> None:
    _, hiver, _ = outils.promotion()
    jour = outils.aujourdhui()
    for mauvais, message in (
        (jour - timedelta(days=1), "Choisissez aujourd'hui ou un jour à venir."),
        (hiver.fin + timedelta(days=1), f"avant la fin de la période ({hiver.fin:%d/%m/%Y})"),
    ):
        with pytest.raises(ValidationError, match=message.replace("(", r"\(").replace(")", r"\)")):
            services.rappel_prevoir(periode=hiver, jour=mauvais, par=None, aujourdhui=jour)
    services.rappel_prevoir(periode=hiver, jour=jour, par=None, aujourdhui=jour)
    with pytest.raises(ValidationError, match="déjà prévu ce jour-là"):
        services.rappel_prevoir(periode=hiver, jour=jour, par=None, aujourdhui=jour)


def test_the_administrators_set_and_cancel_a_reminder_from_the_page(
    clients: dict[str, Client],
) -> None:
    _, hiver, _ = outils.promotion()
    client = clients["administrateur"]
    jour = outils.aujourdhui() + timedelta(days=5)
    reponse = client.post(
        reverse("candidatures:rappel_prevoir"), {"periode": hiver.pk, "jour": "2101-01-01"}
    )
    assert reponse.status_code == 400
    assert (
        "La date doit être comprise entre le 01/01/1900 et le 31/12/2100."
        in reponse.content.decode()
    )
    reponse = client.post(
        reverse("candidatures:rappel_prevoir"), {"periode": hiver.pk, "jour": jour.isoformat()}
    )
    assert reponse.status_code == 302
    rappel = RappelRecherche.objects.get()
    page = client.get(reverse("candidatures:tableau")).content.decode()
    assert f"{jour:%d/%m/%Y}" in page and "prévu" in page
    assert (
        "Prévoir le rappel"
        not in clients["enseignant"].get(reverse("candidatures:tableau")).content.decode()
    )
    client.post(reverse("candidatures:rappel_annuler", kwargs={"pk": rappel.pk}))
    assert not RappelRecherche.objects.exists()
