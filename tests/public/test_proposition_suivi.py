"""The company follows its proposal through a private link mailed to it: no account needed."""

from __future__ import annotations

import re
from html import unescape
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from public.jetons import empreinte
from public.models import PropositionStage, StatutProposition
from referentiel.models import Mission
from tests import fabriques

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


def _proposer(client: Client, capture: object, **champs: Any) -> str:
    """Send a proposal and return the private link mailed to the company (its path)."""
    with capture(execute=True):  # type: ignore[operator]
        assert client.post(reverse("public:proposer"), {**OFFRE, **champs}).status_code == 302
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
    reponse = client.post(
        lien,
        {
            "contact_telephone": "05 56 00 00 00",
            "message": "Dès mai.",
            "nombre_stagiaires": "1",
            "gratification": "minimum",
        },
    )
    assert reponse.status_code == 302 and reponse["Location"] == lien
    proposition = PropositionStage.objects.get()
    assert proposition.message == "Dès mai." and proposition.contact_telephone == "05 56 00 00 00"


def test_the_company_corrects_its_tutor_periods_missions_and_gratification(
    client: Client, clients: dict[str, Client], django_capture_on_commit_callbacks: object
) -> None:
    premiere, seconde = fabriques.promotion(annee_debut=timezone.localdate().year).periodes.all()[
        :2
    ]
    missions = list(Mission.objects.filter(actif=True).order_by("pk")[:2])
    lien = _proposer(
        client,
        django_capture_on_commit_callbacks,
        periodes=[premiere.pk],
        missions=[missions[0].pk],
    )
    formulaire = client.get(lien).content.decode()
    assert 'name="tuteur_nom"' in formulaire and 'name="siret"' not in formulaire

    reponse = client.post(
        lien,
        {
            "tuteur_nom": "Paul Roux",
            "tuteur_email": "paul.roux@example.org",
            "nombre_stagiaires": "2",
            "gratification": "au_dela",
            "periodes": [seconde.pk],
            "missions": [m.pk for m in missions],
            "message": "",
            # The company's identity is not the link's to change.
            "entreprise": "Autre Nom",
            "siret": "00000000000000",
        },
    )
    assert reponse.status_code == 302
    proposition = PropositionStage.objects.get()
    assert (proposition.tuteur_nom, proposition.nombre_stagiaires, proposition.gratification) == (
        "Paul Roux",
        2,
        "au_dela",
    )
    assert list(proposition.periodes.all()) == [seconde]
    assert set(proposition.missions.all()) == set(missions)
    assert proposition.entreprise == "Aquitaine Distribution"
    assert proposition.siret == "83214567600025"
    evenement = proposition.evenements.get()
    assert evenement.auteur is None and "complétée ou corrigée" in evenement.commentaire
    fiche = reverse("public:proposition", kwargs={"pk": proposition.pk})
    historique = clients["administrateur"].get(fiche).content.decode()
    assert "Modifiée le" in historique and "par l&#x27;entreprise" in historique


def test_a_wrong_correction_is_explained_and_what_was_typed_stays(
    client: Client, django_capture_on_commit_callbacks: object
) -> None:
    lien = _proposer(client, django_capture_on_commit_callbacks)
    page = client.post(
        lien,
        {"tuteur_nom": "Paul Roux", "tuteur_email": "paul.roux", "nombre_stagiaires": "0"},
    ).content.decode()
    assert "Saisissez une adresse e-mail valide" in page and 'value="Paul Roux"' in page
    assert PropositionStage.objects.get().tuteur_nom == ""


def test_the_private_page_shows_everything_the_company_proposed(
    client: Client, django_capture_on_commit_callbacks: object
) -> None:
    periode = fabriques.promotion(annee_debut=timezone.localdate().year).periodes.first()
    mission = Mission.objects.filter(actif=True).order_by("pk").first()
    assert periode is not None and mission is not None
    lien = _proposer(
        client,
        django_capture_on_commit_callbacks,
        adresse="12 rue Sainte-Catherine",
        code_postal="33000",
        naf="47.11F",
        tranche_effectif="12",
        contact_fonction="Directrice",
        tuteur_nom="Paul Roux",
        tuteur_fonction="Chef des ventes",
        tuteur_email="paul.roux@example.org",
        gratification="au_dela",
        periodes=[periode.pk],
        missions=[mission.pk],
        message="Dates envisagées : du 02/02/2026 au 27/02/2026.",
    )
    page = client.get(lien).content.decode()
    texte = " ".join(unescape(re.sub(r"<[^>]+>", " ", page)).split())
    for attendu in (
        "SIRET 83214567600025",
        "12 rue Sainte-Catherine 33000 Mérignac",
        "Code NAF 47.11F",
        "Effectif de l'entreprise 20 à 49 salariés",
        "Julie Martin, Directrice — julie.martin@example.org",
        "Tuteur Paul Roux, Chef des ventes — paul.roux@example.org",
        "Gratification envisagée Plus que le minimum légal",
        f"Périodes {periode}",
        f"Missions {mission.libelle}",
        "Précisions Dates envisagées : du 02/02/2026 au 27/02/2026.",
    ):
        assert attendu in texte


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
    assert evenement.auteur is None and evenement.avant == StatutProposition.RECUE
    # Withdrawn: no form left to complete it, nor to withdraw it again.
    assert "Enregistrer les précisions" not in reponse.content.decode()


def test_an_unknown_link_finds_nothing(client: Client) -> None:
    url = reverse("public:proposition_suivi", kwargs={"jeton": "lien-invente"})
    assert client.get(url).status_code == 404
    retirer = reverse("public:proposition_retirer", kwargs={"jeton": "lien-invente"})
    assert client.post(retirer).status_code == 404
