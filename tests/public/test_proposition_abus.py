"""« Proposer un stage » without friction for people: a honeypot and a per-IP hourly limit."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from public.models import PropositionStage

pytestmark = pytest.mark.django_db

OFFRE = {
    "siret": "83214567600025",
    "entreprise": "Aquitaine Distribution",
    "ville": "Mérignac",
    "contact_nom": "Julie Martin",
    "contact_email": "julie.martin@example.org",
    "nombre_stagiaires": "1",
    "gratification": "minimum",
}


def test_the_honeypot_is_hidden_by_the_stylesheet_and_from_screen_readers(
    client: Client,
) -> None:
    html = client.get(reverse("public:proposer")).content.decode()
    assert '<div class="public-pot" aria-hidden="true">' in html
    assert 'name="site_web"' in html and 'tabindex="-1"' in html
    assert "public/proposer.css" in html
    assert "style=" not in html  # the CSP allows no inline style


def test_a_filled_honeypot_is_thanked_but_nothing_is_stored_or_sent(
    client: Client, django_capture_on_commit_callbacks: object
) -> None:
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        reponse = client.post(reverse("public:proposer"), {**OFFRE, "site_web": "http://x"})
    assert reponse.status_code == 302
    assert reponse["Location"] == reverse("public:proposition_envoyee")
    assert not PropositionStage.objects.exists()
    assert mail.outbox == []


def test_one_connection_may_send_a_few_proposals_per_hour_then_is_told_in_french(
    client: Client, settings: Any
) -> None:
    settings.PROPOSITIONS_PAR_HEURE = 2
    for _ in range(2):
        assert client.post(reverse("public:proposer"), OFFRE).status_code == 302
    reponse = client.post(reverse("public:proposer"), OFFRE)
    assert reponse.status_code == 429
    assert "réessayez dans une heure" in reponse.content.decode()
    assert PropositionStage.objects.count() == 2
    # Another connection is not held back.
    autre = client.post(reverse("public:proposer"), OFFRE, REMOTE_ADDR="192.0.2.7")
    assert autre.status_code == 302


def test_invalid_forms_do_not_use_up_the_limit(client: Client, settings: Any) -> None:
    settings.PROPOSITIONS_PAR_HEURE = 1
    for _ in range(3):
        assert client.post(reverse("public:proposer"), {}).status_code == 200
    assert client.post(reverse("public:proposer"), OFFRE).status_code == 302
