"""Personal tokens: only a hash is kept, a revoked or expired key opens nothing, only the
staff hold one, and the page shows the key once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.utils import timezone

from api.jetons import empreinte, jeton_creer, jeton_revoquer
from api.models import JetonApi
from comptes.models import Utilisateur
from tests.api.outils import entete, jeton

URL = "/api/conventions"


def test_it_keeps_only_the_hash_and_a_short_prefix(administrateur: Utilisateur) -> None:
    cree, cle = jeton(administrateur)
    ligne = JetonApi.objects.values().get(pk=cree.pk)
    assert cle.startswith("stg_") and len(cle) > 40
    assert ligne["empreinte"] == empreinte(cle) != cle
    assert ligne["prefixe"] == cle[:12]
    assert not any(cle in str(valeur) for valeur in ligne.values())


def test_a_valid_key_opens_and_dates_its_use(administrateur: Utilisateur) -> None:
    cree, cle = jeton(administrateur)
    assert Client().get(URL, **entete(cle)).status_code == 200
    cree.refresh_from_db()
    assert cree.utilise_le is not None


def test_a_revoked_key_opens_nothing(administrateur: Utilisateur) -> None:
    cree, cle = jeton(administrateur)
    jeton_revoquer(jeton=cree, utilisateur=administrateur, le=timezone.now())
    reponse = Client().get(URL, **entete(cle))
    assert reponse.status_code == 401
    assert "révoqué" in reponse.json()["detail"]


def test_an_expired_key_opens_nothing(administrateur: Utilisateur) -> None:
    cree, cle = jeton(administrateur)
    JetonApi.objects.filter(pk=cree.pk).update(expire_le=timezone.localdate() - timedelta(days=1))
    assert Client().get(URL, **entete(cle)).status_code == 401


def test_a_wrong_or_tampered_key_opens_nothing(administrateur: Utilisateur) -> None:
    _, cle = jeton(administrateur)
    for fausse in (cle[:-1] + ("A" if cle[-1] != "A" else "B"), "stg_", "x" * 5000, ""):
        assert Client().get(URL, **entete(fausse)).status_code == 401


def test_the_key_stops_with_its_holder_account(enseignant: Utilisateur) -> None:
    _, cle = jeton(enseignant)
    enseignant.is_active = False
    enseignant.save()
    assert Client().get(URL, **entete(cle)).status_code == 401


def test_a_student_may_not_create_one(etudiant: Utilisateur) -> None:
    with pytest.raises(PermissionDenied):
        jeton(etudiant)


def test_a_past_expiry_is_refused(enseignant: Utilisateur) -> None:
    with pytest.raises(ValidationError):
        jeton_creer(
            utilisateur=enseignant,
            libelle="Hier",
            portee="lecture",
            expire_le=timezone.localdate() - timedelta(days=1),
            le=timezone.now(),
        )


def test_one_revokes_only_ones_own(administrateur: Utilisateur, enseignant: Utilisateur) -> None:
    cree, _ = jeton(enseignant)
    with pytest.raises(PermissionDenied):
        jeton_revoquer(jeton=cree, utilisateur=administrateur, le=timezone.now())
    client = Client()
    client.force_login(administrateur)
    assert client.post(f"/compte/jetons-api/{cree.pk}/revoquer/").status_code == 404
    cree.refresh_from_db()
    assert cree.revoque_le is None


def test_the_page_shows_the_key_once_then_revokes(clients: dict[str, Client]) -> None:
    client = clients["enseignant"]
    reponse = client.post(
        "/compte/jetons-api/", {"libelle": "Tableur", "portee": "lecture", "expire_le": ""}
    )
    assert reponse.status_code == 200
    cree = JetonApi.objects.get()
    cle = reponse.context["cle"]
    assert empreinte(cle) == cree.empreinte
    assert "il ne sera plus jamais affiché" in reponse.content.decode()
    liste = client.get("/compte/jetons-api/").content.decode()
    assert cle not in liste and cree.prefixe in liste and "Tableur" in liste
    assert client.post(f"/compte/jetons-api/{cree.pk}/revoquer/").status_code == 302
    assert Client().get(URL, **entete(cle)).status_code == 401
    assert "Révoqué le" in client.get("/compte/jetons-api/").content.decode()


def test_the_page_says_what_is_wrong(clients: dict[str, Client]) -> None:
    reponse = clients["administrateur"].post(
        "/compte/jetons-api/", {"libelle": "", "portee": "tout", "expire_le": "31/02/2026"}
    )
    assert reponse.status_code == 400
    assert not JetonApi.objects.exists()
    assert "Sélectionnez un choix valide" in reponse.content.decode()
