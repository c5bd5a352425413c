"""« Rechercher » beside the SIRET on « Proposer un stage »: the company directory fills the
company's details (still editable), with htmx or by a plain POST; offline, the company types
them. Recorded answers only (tests/public/annuaire/)."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from public.models import PropositionStage
from referentiel.models import Mission
from tests.public.enregistrements import SIRET_TROUVE, en_panne, rejouer

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def _rechercher(client: Client, siret: str, **entetes: str) -> str:
    reponse = client.post(
        reverse("public:proposer"),
        {"siret": siret, "rechercher": "1", "contact_nom": "Julie Martin", "entreprise": ""},
        **entetes,  # type: ignore[arg-type]
    )
    assert reponse.status_code == 200
    return reponse.content.decode()


def test_switched_off_the_form_has_no_search_button(client: Client) -> None:
    html = client.get(reverse("public:proposer")).content.decode()
    assert 'name="siret"' in html
    assert 'name="rechercher"' not in html


def test_with_htmx_the_company_block_comes_back_filled_in(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    rejouer(monkeypatch, "trouvee.json")
    html = client.get(reverse("public:proposer")).content.decode()
    assert 'name="rechercher"' in html and 'hx-target="#entreprise"' in html
    bloc = _rechercher(client, "832 145 676 00025", **HTMX)
    assert bloc.lstrip().startswith("<fieldset") and "<html" not in bloc  # the block only
    assert 'value="AQUITAINE DISTRIBUTION"' in bloc
    assert f'value="{SIRET_TROUVE}"' in bloc  # tidied
    assert "12 RUE SAINTE-CATHERINE</textarea>" in bloc
    assert 'value="33000"' in bloc and 'value="BORDEAUX"' in bloc and 'value="47.11F"' in bloc
    assert '<option value="12" selected>20 à 49 salariés</option>' in bloc
    assert "trouvée dans l&#x27;annuaire des entreprises" in bloc
    assert not PropositionStage.objects.exists()


def test_without_javascript_the_whole_form_comes_back_with_what_was_typed(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    rejouer(monkeypatch, "trouvee.json")
    mission = Mission.objects.filter(actif=True).order_by("pk").first()
    assert mission is not None
    reponse = client.post(
        reverse("public:proposer"),
        {
            "siret": SIRET_TROUVE,
            "rechercher": "1",
            "contact_nom": "Julie Martin",
            "missions": [mission.pk],
            "gratification": "minimum",
        },
    )
    html = reponse.content.decode()
    assert "<h1>Proposer un stage</h1>" in html
    assert re.search(rf'name="missions" value="{mission.pk}"[^>]* checked', html)
    assert re.search(r'name="gratification" value="minimum"[^>]* checked', html)
    assert 'value="AQUITAINE DISTRIBUTION"' in html and 'value="Julie Martin"' in html
    # Not sent yet: no error on the fields the company has not reached.
    assert "fr-error-text" not in html and "Ce champ est obligatoire" not in html
    assert not PropositionStage.objects.exists()


def test_the_filled_in_form_is_then_sent_as_corrected(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    rejouer(monkeypatch, "trouvee.json")
    _rechercher(client, SIRET_TROUVE, **HTMX)
    reponse = client.post(
        reverse("public:proposer"),
        {
            "siret": SIRET_TROUVE,
            "entreprise": "Aquidis Centre",  # the company prefers its trade name
            "adresse": "12 RUE SAINTE-CATHERINE",
            "code_postal": "33000",
            "ville": "BORDEAUX",
            "naf": "47.11F",
            "tranche_effectif": "12",
            "contact_nom": "Julie Martin",
            "contact_email": "julie.martin@example.org",
            "nombre_stagiaires": "1",
            "gratification": "au_dela",
        },
    )
    assert reponse.status_code == 302
    proposition = PropositionStage.objects.get()
    assert (proposition.entreprise, proposition.siret, proposition.ville) == (
        "Aquidis Centre",
        SIRET_TROUVE,
        "BORDEAUX",
    )


def test_offline_the_company_is_told_to_type_its_details(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    en_panne(monkeypatch, TimeoutError("timed out"))
    reponse = client.post(
        reverse("public:proposer"),
        {"siret": SIRET_TROUVE, "rechercher": "1", "entreprise": "Aquitaine Distribution"},
        **HTMX,  # type: ignore[arg-type]
    )
    bloc = reponse.content.decode()
    assert reponse.status_code == 200
    assert "L&#x27;annuaire des entreprises ne répond pas" in bloc
    assert 'value="Aquitaine Distribution"' in bloc  # what was typed stays


def test_an_unknown_siret_is_said_so(client: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    rejouer(monkeypatch, "inconnue.json")
    assert "n&#x27;est pas dans l&#x27;annuaire" in _rechercher(client, SIRET_TROUVE, **HTMX)


def test_a_wrong_siret_is_refused_before_asking_the_directory(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    demandees = rejouer(monkeypatch, "trouvee.json")
    bloc = _rechercher(client, "83214567600026", **HTMX)
    assert "sa clé de contrôle ne correspond pas" in bloc and 'aria-invalid="true"' in bloc
    assert demandees == []


def test_a_script_cannot_spend_the_directory_for_everyone(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    demandees = rejouer(monkeypatch, "trouvee.json")
    monkeypatch.setattr("public.limites.RECHERCHES_PAR_HEURE", 2)
    for _ in range(2):
        _rechercher(client, SIRET_TROUVE, **HTMX)
    bloc = _rechercher(client, SIRET_TROUVE, **HTMX)
    assert "beaucoup de recherches" in bloc
    assert len(demandees) == 2
    # Another connection is not hindered.
    autre = client.post(
        reverse("public:proposer"),
        {"siret": SIRET_TROUVE, "rechercher": "1"},
        REMOTE_ADDR="192.0.2.7",
        **HTMX,  # type: ignore[arg-type]
    )
    assert "trouvée dans l&#x27;annuaire" in autre.content.decode()
