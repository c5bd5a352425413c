"""The school seeded from its brochure."""

from etablissement.models import Etablissement
from etablissement.selectors import etablissement_principal


def test_it_seeds_the_lycee_gustave_eiffel_from_its_brochure(db: None) -> None:
    lycee = etablissement_principal()
    assert (lycee.nom, lycee.uai, lycee.ville, lycee.code_postal) == (
        "Lycée Gustave Eiffel",
        "0330028B",
        "Bordeaux Cedex",
        "33074",
    )
    assert lycee.adresse == "143 cours de la Marne\nCS 31237"
    assert lycee.email == "ce.0330028b@ac-bordeaux.fr"


def test_it_gives_companies_the_sections_contact(db: None) -> None:
    lycee = etablissement_principal()
    assert (lycee.chef_travaux_nom, lycee.chef_travaux_telephone, lycee.chef_travaux_email) == (
        "Régis Lamouroux",
        "05 56 33 85 13",
        "regis.lamouroux@gmail.com",
    )


def test_it_seeds_a_record_that_passes_its_own_validation(db: None) -> None:
    Etablissement.objects.get(uai="0330028B").full_clean()
