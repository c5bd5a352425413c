"""Writing hosts: identifiers normalised, French errors from full_clean(), upserts."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from organismes import services
from organismes.models import EffectifMensuel, RoleContact, StagiairesAutresEcoles
from tests import fabriques


def test_it_creates_an_organisme_from_a_siren_typed_with_spaces(db: None) -> None:
    organisme = services.organisme_creer(
        siren="552 081 317", raison_sociale=" Bordeaux Négoce ", naf="4711f"
    )
    assert organisme.siren == "552081317"
    assert organisme.raison_sociale == "Bordeaux Négoce"
    assert organisme.naf == "47.11F"


def test_it_refuses_an_organisme_whose_siren_is_wrong_in_french(db: None) -> None:
    with pytest.raises(ValidationError) as erreur:
        services.organisme_creer(siren="552081318", raison_sociale="Erreur de frappe")
    assert erreur.value.message_dict["siren"] == [
        "Le SIREN « 552081318 » est erroné : sa clé de contrôle ne correspond pas. "
        "Vérifiez-le sur l'annuaire des entreprises."
    ]


def test_it_refuses_a_second_organisme_with_the_same_siren(db: None) -> None:
    services.organisme_creer(siren="552081317", raison_sociale="Premier")
    with pytest.raises(ValidationError) as erreur:
        services.organisme_creer(siren="552081317", raison_sociale="Doublon")
    assert erreur.value.message_dict["siren"] == [
        "Un organisme d'accueil avec ce SIREN existe déjà."
    ]


def test_it_requires_a_raison_sociale_in_french(db: None) -> None:
    with pytest.raises(ValidationError) as erreur:
        services.organisme_creer(siren="552081317", raison_sociale="")
    assert erreur.value.message_dict["raison_sociale"] == ["Ce champ ne peut pas être vide."]


def test_it_refuses_a_siret_that_does_not_start_with_the_organismes_siren(db: None) -> None:
    organisme = fabriques.organisme(siren="552081317", effectif=None)
    with pytest.raises(ValidationError) as erreur:
        services.etablissement_accueil_creer(
            organisme=organisme,
            siret=fabriques.siret_valide("542051180"),
            adresse="1 rue X",
            ville="Pau",
        )
    assert erreur.value.message_dict["siret"] == [
        "Le SIRET doit commencer par le SIREN de l'organisme, 552081317."
    ]


def test_it_records_a_la_poste_office(db: None) -> None:
    la_poste = services.organisme_creer(siren="356000000", raison_sociale="La Poste")
    bureau = services.etablissement_accueil_creer(
        organisme=la_poste, siret="35600000000001", adresse="Place Gambetta", ville="Bordeaux"
    )
    assert bureau.siret == "35600000000001"


def test_it_records_a_months_headcount_on_its_first_day_and_corrects_it(db: None) -> None:
    organisme = fabriques.organisme(effectif=None)
    services.effectif_enregistrer(organisme=organisme, mois=date(2026, 2, 17), personnes=18)
    services.effectif_enregistrer(organisme=organisme, mois=date(2026, 2, 1), personnes=21)
    effectif = EffectifMensuel.objects.get(organisme=organisme)
    assert (effectif.mois, effectif.personnes) == (date(2026, 2, 1), 21)


def test_it_refuses_a_negative_headcount_in_french(db: None) -> None:
    organisme = fabriques.organisme(effectif=None)
    with pytest.raises(ValidationError) as erreur:
        services.effectif_enregistrer(organisme=organisme, mois=date(2026, 2, 1), personnes=-1)
    assert "supérieure ou égale à 0" in erreur.value.message_dict["personnes"][0]


def test_it_files_other_schools_interns_under_the_monday_of_their_week(db: None) -> None:
    organisme = fabriques.organisme(effectif=None)
    services.autres_stagiaires_declarer(organisme=organisme, semaine=date(2026, 3, 12), nombre=2)
    services.autres_stagiaires_declarer(organisme=organisme, semaine=date(2026, 3, 9), nombre=3)
    declaration = StagiairesAutresEcoles.objects.get(organisme=organisme)
    assert (declaration.lundi, declaration.nombre) == (date(2026, 3, 9), 3)


def test_it_refuses_a_closure_that_ends_before_it_starts(db: None) -> None:
    organisme = fabriques.organisme(effectif=None)
    with pytest.raises(ValidationError) as erreur:
        services.fermeture_ajouter(
            organisme=organisme, debut=date(2026, 8, 15), fin=date(2026, 8, 1)
        )
    assert erreur.value.messages == ["La fin de la fermeture précède son début."]


def test_it_refuses_a_tutor_without_a_name_and_with_a_bad_email(db: None) -> None:
    organisme = fabriques.organisme(effectif=None)
    with pytest.raises(ValidationError) as erreur:
        services.tuteur_creer(organisme=organisme, nom="", prenom="Sophie", email="pas-un-mail")
    assert erreur.value.message_dict == {
        "nom": ["Ce champ ne peut pas être vide."],
        "email": ["Saisissez une adresse de courriel valide."],
    }


def test_it_records_the_signatory_of_the_conventions(db: None) -> None:
    organisme = fabriques.organisme(effectif=None)
    contact = services.contact_creer(
        organisme=organisme, nom="Lefèvre", fonction="Gérant", role=RoleContact.SIGNATAIRE
    )
    assert str(contact) == "Lefèvre (Signataire des conventions)"


def test_it_refuses_an_atmp_rate_given_as_a_percentage(db: None) -> None:
    with pytest.raises(ValidationError) as erreur:
        services.organisme_creer(
            siren="552081317", raison_sociale="Taux", taux_atmp=Decimal("2.08")
        )
    assert "taux_atmp" in erreur.value.message_dict
