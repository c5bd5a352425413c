"""Students: identity checks, référent, accounts, and who is a minor on a given day."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from comptes.models import Role, Utilisateur
from etablissement import services
from etablissement.models import Etudiant
from etablissement.selectors import etudiant_pour_regles, etudiants_de, etudiants_suivis_par
from regles.modele import Etudiant as EtudiantRegles
from tests import fabriques


def test_it_creates_a_student_with_an_ine_typed_in_lower_case(db: None) -> None:
    etudiant = fabriques.etudiant(ine="123 456 789 ab", email=" Ines.Martin@Example.org ")
    assert (etudiant.ine, etudiant.email) == ("123456789AB", "ines.martin@example.org")


def test_it_refuses_an_ine_of_the_wrong_shape_in_french(db: None) -> None:
    with pytest.raises(ValidationError) as erreur:
        fabriques.etudiant(ine="12345")
    assert erreur.value.message_dict["ine"][0].startswith(
        "L'INE « 12345 » doit compter 11 caractères"
    )


def test_it_refuses_a_second_student_with_the_same_ine(db: None) -> None:
    promotion = fabriques.promotion(periodes=False)
    fabriques.etudiant(promotion=promotion, ine="123456789AB")
    with pytest.raises(ValidationError) as erreur:
        fabriques.etudiant(promotion=promotion, ine="123456789AB")
    assert erreur.value.messages == ["Un autre étudiant a déjà cet INE."]


def test_it_allows_several_students_whose_ine_is_not_known_yet(db: None) -> None:
    promotion = fabriques.promotion(periodes=False)
    fabriques.etudiant(promotion=promotion, ine="")
    fabriques.etudiant(promotion=promotion, ine="")
    assert Etudiant.objects.filter(ine="").count() == 2


def test_it_requires_a_name_and_a_birth_date_in_french(db: None) -> None:
    with pytest.raises(ValidationError) as erreur:
        services.etudiant_creer(
            promotion=fabriques.promotion(periodes=False),
            nom="",
            prenom="Inès",
            date_naissance=None,  # type: ignore[arg-type]
        )
    assert erreur.value.message_dict == {
        "nom": ["Ce champ ne peut pas être vide."],
        "date_naissance": ["Ce champ ne peut pas contenir la valeur nulle."],
    }


def test_it_refuses_to_link_a_student_to_a_teachers_account(db: None) -> None:
    compte = Utilisateur.objects.create_user("prof@example.org", role=Role.ENSEIGNANT)
    with pytest.raises(ValidationError) as erreur:
        fabriques.etudiant(utilisateur=compte)
    assert erreur.value.message_dict["utilisateur"] == ["Ce compte n'est pas un compte étudiant."]


def test_it_refuses_to_link_a_teacher_to_a_students_account(db: None) -> None:
    compte = Utilisateur.objects.create_user("eleve@example.org", role=Role.ETUDIANT)
    with pytest.raises(ValidationError) as erreur:
        fabriques.enseignant(utilisateur=compte)
    assert erreur.value.message_dict["utilisateur"] == ["Ce compte est un compte étudiant."]


def test_it_lists_the_students_a_referent_follows_without_the_archived_ones(db: None) -> None:
    claire = fabriques.enseignant()
    promotion = fabriques.promotion(periodes=False)
    lucas, ines, hugo = fabriques.etudiants(promotion, 3)
    for etudiant in (lucas, ines, hugo):
        services.etudiant_designer_referent(etudiant=etudiant, referent=claire)
    services.etudiant_archiver(etudiant=hugo)
    assert list(etudiants_suivis_par(claire)) == [lucas, ines]
    assert list(etudiants_de(promotion)) == [lucas, ines]
    assert list(etudiants_de(promotion, archives=True)) == [lucas, ines, hugo]


def test_it_counts_a_student_as_a_minor_until_the_eve_of_their_eighteenth_birthday(
    db: None,
) -> None:
    ines = fabriques.etudiant(date_naissance=date(2008, 4, 1))
    assert ines.est_mineur_le(date(2026, 3, 31))
    assert not ines.est_mineur_le(date(2026, 4, 1))


def test_it_makes_a_29_february_baby_of_age_on_1_march_of_a_common_year(db: None) -> None:
    lea = fabriques.etudiant(date_naissance=date(2008, 2, 29))
    assert lea.est_mineur_le(date(2026, 2, 28))
    assert not lea.est_mineur_le(date(2026, 3, 1))


def test_it_gives_the_engine_the_students_birth_date_and_start_of_training(db: None) -> None:
    promotion = fabriques.promotion(annee_debut=2025, periodes=False)
    ines = fabriques.etudiant(promotion=promotion, date_naissance=date(2008, 4, 1))
    assert etudiant_pour_regles(ines) == EtudiantRegles(
        id=str(ines.pk), date_naissance=date(2008, 4, 1), debut_formation=date(2025, 9, 1)
    )
