"""The company follows its proposal through a private link mailed to it: no account needed."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from public.jetons import empreinte
from public.models import PropositionStage, StatutProposition

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


def _proposer(client: Client, capture: object) -> str:
    """Send a proposal and return the private link mailed to the company (its path)."""
    with capture(execute=True):  # type: ignore[operator]
        assert client.post(reverse("public:proposer"), OFFRE).status_code == 302
    (confirmation,) = [c for c in mail.outbox if c.to == ["julie.martin@example.org"]]
    trouve = re.search(r"https?://\S+(/entreprises/suivi/[^/\s]+/)", str(confirmation.body))
    assert trouve is not None
    return trouve.group(1)


def test_the_company_receives_a_private_link_and_only_its_hash_is_stored(
    client: Client, django_capture_on_commit_callbacks: object
) -> None:
    lien = _proposer(client, django_capture_on_commit_callbacks)
    jeton = lien.rstrip("/").rsplit("/", 1)[1]
    proposition = PropositionStage.objects.get()
    assert proposition.jeton_empreinte == empreinte(jeton) != jeton
    (confirmation,) = [c for c in mail.outbox if c.to == ["julie.martin@example.org"]]
    assert confirmation.subject == "Votre proposition de stage est bien reçue"


def test_the_private_page_shows_the_status_and_lets_the_company_complete_it(
    client: Client, django_capture_on_commit_callbacks: object
) -> None:
    lien = _proposer(client, django_capture_on_commit_callbacks)
    html = client.get(lien).content.decode()
    assert "Aquitaine Distribution" in html and "reçue" in html
    reponse = client.post(lien, {"contact_telephone": "05 56 00 00 00", "message": "Dès mai."})
    assert reponse.status_code == 302 and reponse["Location"] == lien
    proposition = PropositionStage.objects.get()
    assert proposition.message == "Dès mai." and proposition.contact_telephone == "05 56 00 00 00"


def test_the_company_withdraws_its_offer_with_an_explicit_post(
    client: Client, django_capture_on_commit_callbacks: object
) -> None:
    lien = _proposer(client, django_capture_on_commit_callbacks)
    html = client.get(lien).content.decode()
    assert "Retirer définitivement ma proposition" in html
    retirer = lien + "retirer/"
    assert client.get(retirer).status_code == 405  # a link followed by a crawler withdraws nothing
    reponse = client.post(retirer, follow=True)
    assert reponse.redirect_chain == [(lien, 302)]
    assert "Votre proposition est retirée" in reponse.content.decode()
    proposition = PropositionStage.objects.get()
    assert proposition.statut == StatutProposition.RETIREE
    (evenement,) = proposition.evenements.all()
    assert evenement.par is None and evenement.avant == StatutProposition.RECUE
    # Withdrawn: no form left to complete it, nor to withdraw it again.
    assert "Enregistrer les précisions" not in reponse.content.decode()


def test_an_unknown_link_finds_nothing(client: Client) -> None:
    url = reverse("public:proposition_suivi", kwargs={"jeton": "lien-invente"})
    assert client.get(url).status_code == 404
    retirer = reverse("public:proposition_retirer", kwargs={"jeton": "lien-invente"})
    assert client.post(retirer).status_code == 404
