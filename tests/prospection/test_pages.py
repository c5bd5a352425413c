"""Prospecting's pages: the list and its filters, a prospect's history, a campaign prepared
then sent on a click, and a company's personal link up to its proposal."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from prospection.models import Campagne, Destinataire, Statut
from public.models import PropositionStage
from tests.personas import ADMINISTRATEUR, ENSEIGNANT
from tests.prospection import constructeurs

pytestmark = pytest.mark.django_db


def test_list_filters_and_accent_free_search(clients: dict[str, Client]) -> None:
    constructeurs.prospect("Pâtisserie Élise", secteur="Alimentation", statut=Statut.INTERESSE)
    constructeurs.prospect("Garage Dupuy", secteur="Automobile")
    page = clients[ENSEIGNANT].get(reverse("prospection:liste"), {"q": "patisserie elise"})
    assert "Pâtisserie Élise" in page.text and "Garage Dupuy" not in page.text
    page = clients[ENSEIGNANT].get(reverse("prospection:liste"), {"statut": "a_contacter"})
    assert "Garage Dupuy" in page.text and "Pâtisserie Élise" not in page.text
    page = clients[ENSEIGNANT].get(reverse("prospection:liste"), {"secteur": "Alimentation"})
    assert "Pâtisserie Élise" in page.text and "Garage Dupuy" not in page.text


def test_an_exchange_is_added_from_the_prospect_page(clients: dict[str, Client]) -> None:
    prospect = constructeurs.prospect()
    url = reverse("prospection:detail", kwargs={"pk": prospect.pk})
    reponse = clients[ENSEIGNANT].post(
        url, {"le": "", "canal": "telephone", "resultat": "Rappeler en mars"}
    )
    assert reponse.status_code == 400
    clients[ENSEIGNANT].post(
        url,
        {
            "le": timezone.localdate().isoformat(),
            "canal": "telephone",
            "resultat": "Rappeler en mars",
            "suite": "Rappeler",
            "echeance": timezone.localdate().isoformat(),
        },
    )
    page = clients[ENSEIGNANT].get(url)
    assert "Rappeler en mars" in page.text and "Marc Leroy" in page.text
    due = clients[ENSEIGNANT].get(reverse("prospection:liste"), {"relance": "on"})
    assert prospect.nom in due.text


def test_campaign_prepared_confirmed_sent_then_a_company_proposes(
    clients: dict[str, Client], django_capture_on_commit_callbacks: Any
) -> None:
    prospects = [constructeurs.prospect(f"Entreprise {n}") for n in "ABCDE"]
    personnel = clients[ADMINISTRATEUR]
    ids = [p.pk for p in prospects]
    page = personnel.get(reverse("prospection:campagne_nouvelle"), {"prospects": ids})
    assert "Stages" in page.text and "{lien}" in page.text
    reponse = personnel.post(
        reverse("prospection:campagne_nouvelle"),
        {"prospects": ids, "titre": "Stages 2027", "message": "Bonjour, {lien}"},
    )
    campagne = Campagne.objects.get()
    assert reponse["Location"] == reverse("prospection:campagne", kwargs={"pk": campagne.pk})
    assert "Envoyer à 5 prospects" in personnel.get(reponse["Location"]).text
    confirmation = personnel.get(
        reverse("prospection:campagne_envoyer", kwargs={"pk": campagne.pk})
    )
    assert "Envoyer à 5 prospects" in confirmation.text and mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        personnel.post(reverse("prospection:campagne_envoyer", kwargs={"pk": campagne.pk}))
    assert len(mail.outbox) == 5
    message = next(m for m in mail.outbox if m.to == [prospects[0].contact_email])
    lien = re.search(r"(/entreprises/lien/[^/]+/)", message.body).group(1)  # type: ignore[union-attr]

    entreprise = Client()
    assert "Proposer un stage" in entreprise.get(lien).text
    formulaire = entreprise.get(lien + "proposer/")
    assert "Entreprise A" in formulaire.text and prospects[0].contact_email in formulaire.text
    entreprise.post(
        reverse("public:proposer"),
        {
            "entreprise": "Entreprise A",
            "ville": "Bordeaux",
            "contact_nom": "Anne Roux",
            "contact_email": prospects[0].contact_email,
            "nombre_stagiaires": "1",
            "gratification": "minimum",
            "siret": "83214567600025",
            "message": "En réponse à la campagne « Stages 2027 ».",
        },
    )
    proposition = PropositionStage.objects.get()
    destinataire = Destinataire.objects.get(proposition=proposition)
    assert destinataire.campagne == campagne and destinataire.ouvert_le is not None
    suivi = personnel.get(reverse("prospection:campagne", kwargs={"pk": campagne.pk})).text
    assert "reçue le" in suivi
    assert (
        "Stages 2027"
        in personnel.get(reverse("public:proposition", kwargs={"pk": proposition.pk})).text
    )


def test_a_company_declines_from_its_link(client: Client) -> None:
    destinataire, jeton = constructeurs.lien_envoye()
    client.post(reverse("prospection:lien_decliner", kwargs={"jeton": jeton}))
    destinataire.refresh_from_db()
    destinataire.prospect.refresh_from_db()
    assert destinataire.decline_le is not None
    assert destinataire.prospect.statut == Statut.REFUS
    assert (
        "ne vous sollicitera plus"
        in client.get(reverse("prospection:lien", kwargs={"jeton": jeton})).text
    )
    assert client.get(reverse("prospection:lien", kwargs={"jeton": "faux"})).status_code == 404
