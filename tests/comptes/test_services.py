"""utilisateur_creer: one checked account, or every problem at once, in French."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from comptes.models import Role, Utilisateur
from comptes.services import utilisateur_creer


def _erreurs(**arguments: str | None) -> dict[str, list[str]]:
    valeurs: dict[str, str | None] = {
        "email": "ines.benali@lycee-eiffel.example",
        "role": Role.ETUDIANT,
        "prenom": "Inès",
        "nom": "Benali",
        "mot_de_passe": None,
    }
    valeurs.update(arguments)
    with pytest.raises(ValidationError) as erreur:
        utilisateur_creer(**valeurs)  # type: ignore[arg-type]
    return erreur.value.message_dict


def test_it_creates_an_account_that_logs_in(db: None) -> None:
    utilisateur = utilisateur_creer(
        email=" Ines.Benali@Lycee-Eiffel.example",
        role=Role.ETUDIANT,
        prenom="Inès ",
        nom="Benali",
        mot_de_passe="pivert-lanterne-43",
    )
    utilisateur.refresh_from_db()
    assert utilisateur.email == "ines.benali@lycee-eiffel.example"
    assert (utilisateur.first_name, utilisateur.last_name) == ("Inès", "Benali")
    assert utilisateur.est_etudiant and not utilisateur.is_staff
    assert utilisateur.check_password("pivert-lanterne-43")


def test_without_a_password_the_account_waits_for_a_reset(db: None) -> None:
    utilisateur = utilisateur_creer(
        email="marc.leroy@lycee-eiffel.example", role="enseignant", prenom="Marc", nom="Leroy"
    )
    assert not utilisateur.has_usable_password()


def test_an_address_is_taken_whatever_its_case(db: None) -> None:
    utilisateur_creer(
        email="ines.benali@lycee-eiffel.example", role="etudiant", prenom="I", nom="B"
    )
    assert _erreurs(email="INES.benali@lycee-eiffel.example") == {
        "email": ["Un compte existe déjà avec l'adresse ines.benali@lycee-eiffel.example."]
    }
    assert Utilisateur.objects.count() == 1


def test_it_reports_every_problem_under_the_argument_names(db: None) -> None:
    erreurs = _erreurs(
        email="pas-une-adresse", role="directeur", prenom=" ", nom="", mot_de_passe="123"
    )
    assert erreurs["prenom"] == ["Le prénom est obligatoire."]
    assert erreurs["nom"] == ["Le nom est obligatoire."]
    assert erreurs["email"] == ["Saisissez une adresse de courriel valide."]
    assert "n’est pas un choix valide" in erreurs["role"][0]
    assert "Ce mot de passe est trop court." in " ".join(erreurs["mot_de_passe"])
    assert Utilisateur.objects.count() == 0
