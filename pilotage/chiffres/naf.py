"""The sections of the French activity nomenclature (NAF rév. 2, INSEE): a host's NAF code
("47.11F") belongs to one of 21 sections by its first two digits (its division)."""

from __future__ import annotations

# (first division, last division, section's name), as INSEE publishes them.
SECTIONS: tuple[tuple[int, int, str], ...] = (
    (1, 3, "Agriculture, sylviculture et pêche"),
    (5, 9, "Industries extractives"),
    (10, 33, "Industrie manufacturière"),
    (35, 35, "Électricité, gaz, vapeur et air conditionné"),
    (36, 39, "Eau, assainissement, gestion des déchets et dépollution"),
    (41, 43, "Construction"),
    (45, 47, "Commerce ; réparation d'automobiles et de motocycles"),
    (49, 53, "Transports et entreposage"),
    (55, 56, "Hébergement et restauration"),
    (58, 63, "Information et communication"),
    (64, 66, "Activités financières et d'assurance"),
    (68, 68, "Activités immobilières"),
    (69, 75, "Activités spécialisées, scientifiques et techniques"),
    (77, 82, "Activités de services administratifs et de soutien"),
    (84, 84, "Administration publique"),
    (85, 85, "Enseignement"),
    (86, 88, "Santé humaine et action sociale"),
    (90, 93, "Arts, spectacles et activités récréatives"),
    (94, 96, "Autres activités de services"),
    (97, 98, "Activités des ménages en tant qu'employeurs"),
    (99, 99, "Activités extra-territoriales"),
)

INCONNU = "Code NAF non renseigné"


def section(naf: str) -> str:
    """The section's name of a NAF code; INCONNU when blank or unreadable."""
    try:
        division = int(naf.strip()[:2])
    except ValueError:
        return INCONNU
    for premiere, derniere, nom in SECTIONS:
        if premiere <= division <= derniere:
            return nom
    return INCONNU
