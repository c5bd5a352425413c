"""A student born 31/12/9999 would make every page of theirs fail: the services and the
student form refuse a birth date out of 01/01/1900–31/12/2100 with a French message (issue 9,
point 9); a cohort starting in 9999 is refused too."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from etablissement.models import Etudiant, Promotion
from etablissement.services import etudiant_modifier, promotion_creer
from regles.bornes import MESSAGE_DATE
from tests import fabriques
from tests.personas import *  # noqa: F403  (the persona fixtures)

CREER = "/etudiants/nouveau/"


@pytest.fixture
def promo(db: None) -> Promotion:
    return fabriques.promotion(periodes=False)


def test_etudiant_creer_refuses_a_birth_in_year_9999(promo: Promotion) -> None:
    with pytest.raises(ValidationError) as erreur:
        fabriques.etudiant(promotion=promo, date_naissance=date(9999, 12, 31))
    assert erreur.value.message_dict["date_naissance"] == [MESSAGE_DATE]
    assert not Etudiant.objects.exists()


def test_etudiant_modifier_refuses_a_birth_in_year_1(promo: Promotion) -> None:
    etudiant = fabriques.etudiant(promotion=promo)
    with pytest.raises(ValidationError) as erreur:
        etudiant_modifier(etudiant=etudiant, date_naissance=date(1, 1, 1))
    assert erreur.value.message_dict["date_naissance"] == [MESSAGE_DATE]
    etudiant.refresh_from_db()
    assert etudiant.date_naissance == date(2006, 3, 15)


@pytest.mark.parametrize("naissance", ["31/12/9999", "9999-12-31", "01/01/0001"])
def test_the_student_form_explains_a_birth_out_of_bounds(
    promo: Promotion, clients: dict[str, Client], naissance: str
) -> None:
    reponse = clients["administrateur"].post(
        CREER,
        {"promotion": promo.pk, "nom": "Martin", "prenom": "Lucas", "date_naissance": naissance},
    )
    assert reponse.status_code == 200
    html = reponse.content.decode()
    assert MESSAGE_DATE in html and 'value="Martin"' in html
    assert not Etudiant.objects.exists()


@pytest.mark.parametrize("annee", [9999, 32767])
def test_a_cohort_cannot_start_in_year_9999(db: None, annee: int) -> None:
    with pytest.raises(ValidationError) as erreur:
        promotion_creer(formation=fabriques.formation_ndrc(), libelle="NDRC", annee_debut=annee)
    assert "annee_debut" in erreur.value.message_dict
    assert not Promotion.objects.exists()
