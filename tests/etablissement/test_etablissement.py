"""The school: entered by the installation, or the demo's; never seeded by a migration."""

import re
from pathlib import Path

from demo.lycee import lycee_creer
from demo.personnes import ADMINISTRATRICE, DOMAINE
from etablissement.models import Etablissement
from etablissement.selectors import etablissement_principal

RACINE = Path(__file__).resolve().parents[2]
COURRIEL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")


def test_the_demo_creates_the_lycee_gustave_eiffel_from_its_brochure(db: None) -> None:
    Etablissement.objects.all().delete()
    assert etablissement_principal() is None
    lycee_creer()
    lycee = etablissement_principal()
    assert lycee is not None
    assert (lycee.nom, lycee.uai, lycee.ville, lycee.code_postal) == (
        "Lycée Gustave Eiffel",
        "0330028B",
        "Bordeaux Cedex",
        "33074",
    )
    assert lycee.adresse == "143 cours de la Marne\nCS 31237"
    lycee.full_clean()


def test_the_demos_school_writes_to_no_real_person(db: None) -> None:
    """Companies' proposals and the signature circuit write to these addresses."""
    Etablissement.objects.all().delete()
    lycee = lycee_creer()
    assert (lycee.chef_travaux_nom, lycee.chef_travaux_email) == (
        "Hélène Castaing",
        ADMINISTRATRICE.email,
    )
    assert lycee.email.endswith(f"@{DOMAINE}")


def test_the_demo_leaves_a_recorded_school_as_it_is(db: None) -> None:
    Etablissement.objects.all().delete()
    propre = Etablissement.objects.create(uai="0750655E", nom="Lycée Montaigne", ville="Paris")
    assert lycee_creer() == propre
    assert list(Etablissement.objects.all()) == [propre]


def test_no_migration_holds_an_email_address() -> None:
    """A migration stays in every installation's history: no person's address in one."""
    for fichier in RACINE.glob("*/migrations/0*.py"):
        adresses = [m.group(0) for m in COURRIEL.finditer(fichier.read_text(encoding="utf-8"))]
        assert adresses == [], fichier.name
