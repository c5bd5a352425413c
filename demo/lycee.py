"""The demo's school: the Lycée Gustave Eiffel (Bordeaux), as its BTS NDRC brochure gives it
(shared/seed/plaquette…), created on a database that has no school yet.

The UAI is the one in the school's academic e-mail address, and its key letter checks. The
people and the addresses mail goes to are the demo's, fictional (demo/personnes.py): the
head of the tertiary section is the demo's administrator, and the school's e-mail, to which
the signature circuit writes for the school, ends in `.test`, so no mail reaches anyone.
The head of school is named by the team (demo/equipe.py).
"""

from __future__ import annotations

from demo.personnes import ADMINISTRATRICE, DOMAINE
from etablissement.models import Etablissement
from etablissement.selectors import etablissement_principal

UAI = "0330028B"
NOM = "Lycée Gustave Eiffel"


def lycee_creer() -> Etablissement:
    """The school the installation serves: the one recorded if any (an administrator's own
    record stays as it is), else the demo's."""
    ecole = etablissement_principal()
    if ecole is not None:
        return ecole
    ecole = Etablissement(
        uai=UAI,
        nom=NOM,
        academie="Bordeaux",
        adresse="143 cours de la Marne\nCS 31237",
        code_postal="33074",
        ville="Bordeaux Cedex",
        telephone="05 56 33 83 00",
        email=f"secretariat@{DOMAINE}",
        site="https://www.eiffel-bordeaux.org",
        chef_travaux_nom=f"{ADMINISTRATRICE.prenom} {ADMINISTRATRICE.nom}",
        chef_travaux_fonction=ADMINISTRATRICE.fonction,
        chef_travaux_telephone="05 56 00 00 10",
        chef_travaux_email=ADMINISTRATRICE.email,
    )
    ecole.full_clean()
    ecole.save()
    return ecole
