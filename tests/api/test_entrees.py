"""Whatever the query string, a list answers or refuses in French: never a 500, not even for
a number PostgreSQL cannot hold; and the students', hosts' and offers' routes give what the
pages list."""

from __future__ import annotations

import pytest
from django.test import Client

from comptes.models import Utilisateur
from etablissement.models import Etudiant
from public.models import PropositionStage, StatutProposition
from tests import fabriques
from tests.api.outils import entete, jeton


@pytest.mark.parametrize(
    ("adresse", "statut", "detail"),
    [
        ("/api/conventions?page=99999999999999999999", 422, "« page » : valeur trop grande"),
        ("/api/etudiants?page=922337203685477580", 422, "« page » : valeur trop grande"),
        ("/api/conventions?page=-1", 422, "« page » : valeur trop petite"),
        ("/api/organismes?page_size=100000", 422, "« page_size » : valeur trop grande"),
        ("/api/conventions?promotion=99999999999999999999", 422, "« promotion »"),
        ("/api/conventions?organisme=abc", 422, "« organisme » : nombre entier attendu"),
        ("/api/etudiants?archives=peut-etre", 422, "« archives » : valeur invalide"),
        ("/api/etudiants/99999999999999999999", 404, "Étudiant n° 99999999999999999999"),
        ("/api/organismes/0", 404, "Organisme d'accueil n° 0 introuvable."),
        ("/api/conventions?du=9999-12-31&au=0001-01-01", 200, None),
        ("/api/organismes?q=%00abc", 200, None),
        ("/api/etudiants?q=" + "é" * 3000, 200, None),
    ],
)
def test_a_wrong_query_is_refused_in_french(
    administrateur: Utilisateur, adresse: str, statut: int, detail: str | None
) -> None:
    _, cle = jeton(administrateur)
    reponse = Client().get(adresse, **entete(cle))
    assert reponse.status_code == statut
    if detail:
        assert detail in reponse.json()["detail"]


def test_students_and_hosts_as_their_lists(enseignant: Utilisateur) -> None:
    _, cle = jeton(enseignant)
    ines = fabriques.etudiant(nom="Benali", prenom="Inès")
    ancien = fabriques.etudiant(nom="Martin")
    Etudiant.objects.filter(pk=ancien.pk).update(archive=True)
    org = fabriques.organisme(raison_sociale="Boulangerie Garonne")
    etudiants = Client().get("/api/etudiants?q=ines", **entete(cle)).json()
    assert [e["id"] for e in etudiants["items"]] == [ines.pk]
    assert etudiants["items"][0]["promotion"]["libelle"] == ines.promotion.libelle
    assert Client().get("/api/etudiants", **entete(cle)).json()["count"] == 1
    assert Client().get("/api/etudiants?archives=true", **entete(cle)).json()["count"] == 2
    organismes = Client().get("/api/organismes?q=garonne", **entete(cle)).json()
    (trouve,) = organismes["items"]
    assert trouve["siren"] == org.siren
    assert [s["siret"] for s in trouve["sites"]] == [org.etablissements.get().siret]


def test_offers_accepted_and_proposals_received(enseignant: Utilisateur) -> None:
    _, cle = jeton(enseignant)
    for entreprise, statut in (("Acceptée SA", "acceptee"), ("Reçue SARL", "recue")):
        PropositionStage.objects.create(
            entreprise=entreprise,
            ville="Bordeaux",
            contact_nom="Julie Martin",
            contact_email="julie.martin@example.org",
            statut=StatutProposition(statut),
        )
    offres = Client().get("/api/offres", **entete(cle)).json()
    assert [(o["entreprise"], o["statut_libelle"]) for o in offres] == [("Acceptée SA", "acceptée")]
    propositions = Client().get("/api/propositions", **entete(cle)).json()
    assert [p["entreprise"] for p in propositions] == ["Reçue SARL", "Acceptée SA"]
