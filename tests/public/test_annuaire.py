"""The company directory adapter (public/annuaire.py), on recorded answers: what it reads of
a SIRET, and how every failure becomes « unavailable » rather than an error page."""

from __future__ import annotations

import socket
import urllib.error

import pytest

from public import annuaire
from public.annuaire import AnnuaireIndisponible, FicheEntreprise
from tests.public.enregistrements import SIRET_TROUVE, en_panne, rejouer


def test_a_known_siret_gives_its_establishment_and_its_company(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    demandees = rejouer(monkeypatch, "trouvee.json")
    assert annuaire.rechercher(SIRET_TROUVE) == FicheEntreprise(
        siret=SIRET_TROUVE,
        nom="AQUITAINE DISTRIBUTION",
        adresse="12 RUE SAINTE-CATHERINE",  # the postcode and the town have their own fields
        code_postal="33000",
        ville="BORDEAUX",
        naf="47.11F",  # the site's activity, not the head office's
        tranche_effectif="12",  # the company's headcount: the quota counts the whole entity
        fermee=False,
    )
    assert demandees == [f"https://recherche-entreprises.api.gouv.fr/search?q={SIRET_TROUVE}"]


def test_the_head_office_is_found_too(monkeypatch: pytest.MonkeyPatch) -> None:
    rejouer(monkeypatch, "trouvee.json")
    fiche = annuaire.rechercher("83214567600017")
    assert fiche is not None
    assert (fiche.adresse, fiche.ville, fiche.naf) == ("4 AVENUE DE LA MARNE", "MERIGNAC", "46.90Z")


def test_a_siret_the_answer_does_not_hold_is_unknown(monkeypatch: pytest.MonkeyPatch) -> None:
    rejouer(monkeypatch, "inconnue.json")
    assert annuaire.rechercher(SIRET_TROUVE) is None
    # A search by SIRET may bring back the company through another of its sites: not ours.
    rejouer(monkeypatch, "trouvee.json")
    assert annuaire.rechercher("83214567600033") is None


@pytest.mark.parametrize(
    "erreur",
    [
        TimeoutError("timed out"),
        urllib.error.URLError("Name or service not known"),
        urllib.error.HTTPError("https://x", 429, "Too Many Requests", {}, None),  # type: ignore[arg-type]
        AnnuaireIndisponible("réponse 204"),
        RuntimeError("a bug in the transport"),
    ],
)
def test_any_network_failure_is_unavailable(
    monkeypatch: pytest.MonkeyPatch, erreur: Exception
) -> None:
    en_panne(monkeypatch, erreur)
    with pytest.raises(AnnuaireIndisponible):
        annuaire.rechercher(SIRET_TROUVE)


def test_a_body_that_is_not_the_documented_json_is_unavailable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rejouer(monkeypatch, "maintenance.html")
    with pytest.raises(AnnuaireIndisponible):
        annuaire.rechercher(SIRET_TROUVE)


def test_switched_off_it_never_calls_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    demandees = rejouer(monkeypatch, "trouvee.json")
    monkeypatch.setattr("django.conf.settings.ANNUAIRE_ENTREPRISES_URL", "")
    assert not annuaire.active()
    with pytest.raises(AnnuaireIndisponible):
        annuaire.rechercher(SIRET_TROUVE)
    assert demandees == []


def test_the_real_transport_gives_up_after_the_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    """The urllib transport, against a local socket that never answers: no real network."""
    serveur = socket.socket()
    serveur.bind(("127.0.0.1", 0))
    serveur.listen(1)
    try:
        port = serveur.getsockname()[1]
        monkeypatch.setattr(
            "django.conf.settings.ANNUAIRE_ENTREPRISES_URL", f"http://127.0.0.1:{port}"
        )
        monkeypatch.setattr(annuaire, "DELAI", 0.2)
        with pytest.raises(AnnuaireIndisponible):
            annuaire.rechercher(SIRET_TROUVE)
    finally:
        serveur.close()
