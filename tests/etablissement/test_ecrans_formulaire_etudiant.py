"""Creating and changing a student's record: through the services, errors in French under
their field, what was typed kept; only administrators create, only the référent (or an
administrator) changes, and only an administrator hands a student to another référent."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.test import Client

from comptes.models import Utilisateur
from etablissement.models import Enseignant, Etudiant, Promotion
from tests import fabriques
from tests.personas import *  # noqa: F403  (the persona fixtures)

CREER = "/etudiants/nouveau/"


@pytest.fixture
def promo(db: None) -> Promotion:
    return fabriques.promotion(periodes=False)


def _saisie(promo: Promotion, **champs: Any) -> dict[str, Any]:
    return {
        "promotion": promo.pk,
        "nom": "Martin",
        "prenom": "Lucas",
        "date_naissance": "15/03/2006",
        "ine": "123 456 789 ab",
        "email": "Lucas.Martin@Example.org",
        "classe": "NDRC1 A",
        **champs,
    }


def test_an_administrator_creates_a_student_typed_the_french_way(
    promo: Promotion, clients: dict[str, Client]
) -> None:
    reponse = clients["administrateur"].post(CREER, _saisie(promo))
    etudiant = Etudiant.objects.get()
    assert reponse.status_code == 302
    assert reponse["Location"] == f"/etudiants/{etudiant.pk}/"
    assert (etudiant.ine, etudiant.email, etudiant.date_naissance) == (
        "123456789AB",
        "lucas.martin@example.org",
        date(2006, 3, 15),
    )
    page = clients["administrateur"].get(reponse["Location"]).content.decode()
    assert "La fiche de Lucas Martin est créée." in page


def test_a_wrong_ine_is_explained_in_french_and_what_was_typed_stays(
    promo: Promotion, clients: dict[str, Client]
) -> None:
    reponse = clients["administrateur"].post(CREER, _saisie(promo, ine="12345", nom="Martín"))
    html = reponse.content.decode()
    assert reponse.status_code == 200
    assert "L&#x27;INE « 12345 » doit compter 11 caractères" in html
    assert 'value="12345"' in html and 'value="Martín"' in html
    assert 'value="Lucas.Martin@Example.org"' in html
    assert not Etudiant.objects.exists()


def test_a_wrong_ine_shows_with_the_missing_fields(
    promo: Promotion, clients: dict[str, Client]
) -> None:
    html = (
        clients["administrateur"].post(CREER, _saisie(promo, ine="12345", nom="")).content.decode()
    )
    assert "L&#x27;INE « 12345 » doit compter 11 caractères" in html
    assert "Ce champ est obligatoire" in html


def test_a_duplicate_ine_is_refused_by_the_service(
    promo: Promotion, clients: dict[str, Client]
) -> None:
    fabriques.etudiant(promotion=promo, ine="123456789AB")
    html = clients["administrateur"].post(CREER, _saisie(promo)).content.decode()
    assert "Un autre étudiant a déjà cet INE." in html
    assert Etudiant.objects.count() == 1


def test_a_date_that_does_not_exist_is_refused_in_french(
    promo: Promotion, clients: dict[str, Client]
) -> None:
    html = (
        clients["administrateur"]
        .post(CREER, _saisie(promo, date_naissance="31/02/2006"))
        .content.decode()
    )
    assert "Saisissez une date valide, au format JJ/MM/AAAA." in html
    assert 'value="31/02/2006"' in html


def test_a_teacher_does_not_create_students(promo: Promotion, clients: dict[str, Client]) -> None:
    assert clients["enseignant"].post(CREER, _saisie(promo)).status_code == 403
    assert not Etudiant.objects.exists()


@pytest.fixture
def suivi(promo: Promotion, enseignant: Utilisateur) -> Etudiant:
    """A student followed by the persona teacher."""
    marc = fabriques.enseignant(nom="Leroy", prenom="Marc", utilisateur=enseignant)
    return fabriques.etudiant(promotion=promo, referent=marc, classe="NDRC1 A")


def _modifier(etudiant: Etudiant) -> str:
    return f"/etudiants/{etudiant.pk}/modifier/"


def _donnees(etudiant: Etudiant, **champs: Any) -> dict[str, Any]:
    donnees: dict[str, Any] = {
        "promotion": etudiant.promotion_id,
        "nom": etudiant.nom,
        "prenom": etudiant.prenom,
        "date_naissance": etudiant.date_naissance.isoformat(),
        "ine": etudiant.ine,
        "email": etudiant.email,
        "classe": etudiant.classe,
        "referent": etudiant.referent_id or "",
    }
    return {**donnees, **champs}


def test_the_referent_changes_the_record_of_a_student_they_follow(
    suivi: Etudiant, clients: dict[str, Client]
) -> None:
    formulaire = clients["enseignant"].get(_modifier(suivi)).content.decode()
    assert 'value="NDRC1 A"' in formulaire  # the record as it is
    reponse = clients["enseignant"].post(
        _modifier(suivi),
        _donnees(
            suivi,
            classe=" NDRC1 B ",
            representant_legal_nom="Samira Martin",
            representant_legal_email="Samira@Example.org",
        ),
    )
    assert reponse.status_code == 302
    suivi.refresh_from_db()
    assert (suivi.classe, suivi.representant_legal_nom, suivi.representant_legal_email) == (
        "NDRC1 B",
        "Samira Martin",
        "samira@example.org",
    )


def test_a_teacher_cannot_hand_the_student_to_another_referent(
    suivi: Etudiant, clients: dict[str, Client]
) -> None:
    autre = fabriques.enseignant(nom="Durand", prenom="Claire")
    formulaire = clients["enseignant"].get(_modifier(suivi)).content.decode()
    assert "seul un administrateur change le référent" in formulaire
    assert '<select name="referent" class="fr-select" disabled' in formulaire
    clients["enseignant"].post(_modifier(suivi), _donnees(suivi, referent=autre.pk))
    suivi.refresh_from_db()
    assert suivi.referent is not None and suivi.referent.nom == "Leroy"
    # An administrator can.
    clients["administrateur"].post(_modifier(suivi), _donnees(suivi, referent=autre.pk))
    suivi.refresh_from_db()
    assert suivi.referent_id == autre.pk


def test_a_teacher_who_does_not_follow_the_student_gets_a_403(
    promo: Promotion, clients: dict[str, Client]
) -> None:
    autre = fabriques.etudiant(promotion=promo, referent=fabriques.enseignant())
    assert clients["enseignant"].get(_modifier(autre)).status_code == 403
    assert clients["enseignant"].post(_modifier(autre), _donnees(autre, nom="X")).status_code == 403
    autre.refresh_from_db()
    assert autre.nom == "Martin"


def test_an_error_on_change_keeps_what_was_typed(
    suivi: Etudiant, clients: dict[str, Client]
) -> None:
    html = (
        clients["enseignant"]
        .post(_modifier(suivi), _donnees(suivi, email="pas-une-adresse", classe="NDRC1 C"))
        .content.decode()
    )
    assert "Saisissez une adresse e-mail valide, au format nom@domaine.fr." in html
    assert 'value="pas-une-adresse"' in html and 'value="NDRC1 C"' in html
    suivi.refresh_from_db()
    assert suivi.classe == "NDRC1 A"


def test_a_student_whose_referent_left_can_still_be_changed(
    suivi: Etudiant, clients: dict[str, Client]
) -> None:
    Enseignant.objects.filter(pk=suivi.referent_id).update(actif=False)
    reponse = clients["administrateur"].post(_modifier(suivi), _donnees(suivi, classe="NDRC2 A"))
    assert reponse.status_code == 302
    suivi.refresh_from_db()
    assert (suivi.classe, suivi.referent is not None) == ("NDRC2 A", True)
