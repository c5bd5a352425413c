"""The list filters' text fields with suggestions: the endpoint that fills their datalist
(staff only, bounded input, French), and the filters that read an id or a typed label."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from tests import fabriques
from tests.personas import *  # noqa: F403  (the persona fixtures)

pytestmark = pytest.mark.django_db


def _url(liste: str) -> str:
    return reverse("etablissement:suggestions", args=[liste])


def _options(html: str) -> list[str]:
    return re.findall(r'<option value="([^"]*)">', html)


def test_it_suggests_the_cohorts_and_teachers_holding_every_word(
    clients: dict[str, Client],
) -> None:
    fabriques.promotion(libelle="NDRC 2025-2027 groupe A", periodes=False)
    fabriques.promotion(libelle="NDRC 2025-2027 groupe B", periodes=False)
    fabriques.promotion(libelle="MCO 2025-2027", periodes=False)
    fabriques.enseignant(nom="Leroy", prenom="Marc")
    fabriques.enseignant(nom="Lemoine", prenom="Anne")
    client = clients["enseignant"]
    reponse = client.get(_url("promotions"), {"promotion": "ndrc groupe b"})
    assert reponse.status_code == 200
    assert _options(reponse.content.decode()) == ["NDRC 2025-2027 groupe B"]
    reponse = client.get(_url("enseignants"), {"referent": "marc le"})
    assert _options(reponse.content.decode()) == ["Marc Leroy"]


def test_it_answers_the_staff_only(clients: dict[str, Client]) -> None:
    fabriques.promotion(libelle="NDRC secrète", periodes=False)
    for persona in ("administrateur", "enseignant"):
        assert clients[persona].get(_url("promotions"), {"q": "secr"}).status_code == 200
    assert clients["etudiant"].get(_url("promotions"), {"q": "secr"}).status_code == 403
    anonyme = clients["anonyme"].get(_url("promotions"), {"q": "secr"})
    assert anonyme.status_code == 302 and "secr" not in anonyme.content.decode()


def test_it_refuses_a_long_text_in_french_and_an_unknown_list(
    clients: dict[str, Client],
) -> None:
    client = clients["enseignant"]
    reponse = client.get(_url("promotions"), {"q": "x" * 101})
    assert reponse.status_code == 400
    assert "trop long" in reponse.content.decode()
    assert client.get(_url("promotions"), {"q": "x" * 100}).status_code == 200
    assert client.get(_url("utilisateurs"), {"q": "a"}).status_code == 404


def test_the_conventions_filter_reads_a_bookmarked_id_or_a_typed_label(
    clients: dict[str, Client],
) -> None:
    promo = fabriques.promotion(libelle="NDRC filtrée", periodes=False)
    autre = fabriques.promotion(libelle="NDRC autre", periodes=False)
    org = fabriques.organisme()
    fabriques.convention(etudiant_=fabriques.etudiant(promotion=promo, nom="Gardé"), organisme_=org)
    fabriques.convention(
        etudiant_=fabriques.etudiant(promotion=autre, nom="Écarté"), organisme_=org
    )
    client = clients["enseignant"]
    # A bookmark's id shows as the cohort's label; a typed label stays as typed.
    for valeur, affiche in ((str(promo.pk), "NDRC filtrée"), ("ndrc FILTRÉE", "ndrc FILTRÉE")):
        html = client.get(reverse("conventions:liste"), {"promotion": valeur}).content.decode()
        assert "Gardé" in html and "Écarté" not in html, valeur
        assert f'value="{affiche}"' in html
        assert 'list="id_promotion-suggestions"' in html
    # The exports get the cohort's id, which they read.
    assert f"csv/?promotion={promo.pk}" in html or f"csv?promotion={promo.pk}" in html
    html = client.get(reverse("conventions:liste"), {"promotion": "NDRC inconnue"}).content.decode()
    assert "Aucun choix ne porte ce nom" in html


def test_the_students_filter_keeps_the_without_referent_word(
    clients: dict[str, Client],
) -> None:
    promo = fabriques.promotion(libelle="NDRC élèves", periodes=False)
    suivi_par = fabriques.enseignant(nom="Leroy", prenom="Marc")
    fabriques.etudiant(promotion=promo, nom="Suivi", referent=suivi_par)
    fabriques.etudiant(promotion=promo, nom="Seul")
    client = clients["enseignant"]
    url = reverse("etablissement:etudiants")
    html = client.get(url, {"referent": "marc leroy"}).content.decode()
    assert "Suivi" in html and "Seul " not in html and ">Seul" not in html
    html = client.get(url, {"referent": "aucun"}).content.decode()
    assert ">Seul" in html and ">Suivi" not in html
