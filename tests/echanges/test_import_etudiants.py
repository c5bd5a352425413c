"""Importing a class list into a promotion: all rows or none, one message per rejected row."""

from __future__ import annotations

from datetime import date

import pytest

from echanges.imports import etudiants
from echanges.imports.bilan import Action
from echanges.imports.lecture import lire
from etablissement.models import Etudiant
from tests import fabriques
from tests.echanges.fichiers import csv_octets, xlsx_octets

pytestmark = pytest.mark.django_db

ENTETE = ["Nom", "Prénom", "Date de naissance", "INE", "Mail", "Classe"]
CLASSE = [
    ENTETE,
    ["Martin", "Lucas", "15/03/2006", "123456789AA", "lucas.martin@example.org", "NDRC1 A"],
    ["Benali", "Inès", "2007-01-02", "123456789AB", "ines.benali@example.org", "NDRC1 A"],
    ["Durand", "Léa", "30/11/2005", "", "", "NDRC1 B"],
]


def importer(contenu: bytes, promotion=None, *, enregistrer: bool = True):
    tableau = lire(contenu, etudiants.COLONNES, etudiants.EXIGENCES)
    return etudiants.etudiants_importer(
        promotion=promotion or fabriques.promotion(periodes=False),
        tableau=tableau,
        enregistrer=enregistrer,
    )


def test_it_imports_every_row_of_a_utf8_bom_semicolon_csv() -> None:
    promo = fabriques.promotion(periodes=False)
    contenu = csv_octets(CLASSE, separateur=";", encodage="utf-8-sig")
    assert contenu.startswith(b"\xef\xbb\xbf")

    bilan = importer(contenu, promo)

    assert bilan.valide and bilan.creations == 3
    lucas, ines, lea = (Etudiant.objects.get(nom=n) for n in ("Martin", "Benali", "Durand"))
    assert (lucas.prenom, lucas.date_naissance, lucas.ine) == (
        "Lucas",
        date(2006, 3, 15),
        "123456789AA",
    )
    assert (ines.prenom, ines.date_naissance, ines.email) == (
        "Inès",
        date(2007, 1, 2),
        "ines.benali@example.org",
    )
    assert (lea.ine, lea.classe, lea.promotion) == ("", "NDRC1 B", promo)


def test_it_imports_every_row_of_a_xlsx_with_date_cells() -> None:
    promo = fabriques.promotion(periodes=False)
    rangees = [
        ["Liste des élèves de la classe NDRC1 A"],  # a title above the header
        [],
        ["NOM", "PRENOM", "Né(e) le", "N° INE", "E-mail", "Division"],
        [
            "MARTIN",
            "Lucas",
            date(2006, 3, 15),
            "123456789AA",
            "lucas.martin@example.org",
            "NDRC1 A",
        ],
        ["BENALI", "Inès", "02/01/2007", "123456789AB", None, "NDRC1 A"],
    ]

    bilan = importer(xlsx_octets(rangees), promo)

    assert bilan.valide, [str(r) for r in bilan.rejets]
    assert [o.ligne for o in bilan.operations] == [4, 5]  # the spreadsheet's row numbers
    assert Etudiant.objects.get(ine="123456789AA").date_naissance == date(2006, 3, 15)
    assert Etudiant.objects.get(ine="123456789AB").date_naissance == date(2007, 1, 2)


def test_a_file_with_two_bad_rows_writes_nothing_and_names_exactly_those_rows() -> None:
    rangees = [
        ENTETE,
        ["Martin", "Lucas", "15/03/2006", "123456789AA", "", "NDRC1 A"],
        ["Benali", "Inès", "31/02/2007", "123456789AB", "", "NDRC1 A"],
        ["Durand", "Léa", "30/11/2005", "", "", "NDRC1 B"],
        ["Petit", "Hugo", "01/09/2006", "12345", "", "NDRC1 B"],
    ]

    bilan = importer(csv_octets(rangees))

    assert Etudiant.objects.count() == 0
    assert [str(r) for r in bilan.rejets] == [
        "Ligne 3, colonne « date de naissance » : 31/02/2007 n'est pas une date.",
        "Ligne 5, colonne « INE » : L'INE « 12345 » doit compter 11 caractères : 9 chiffres "
        "et 2 lettres, 10 chiffres et 1 lettre, ou 4 chiffres, A, 5 chiffres et 1 lettre "
        "(apprentis).",
    ]


def test_several_problems_of_one_row_make_one_message() -> None:
    rangees = [ENTETE, ["", "Lucas", "15/03/06", "", "pas-une-adresse", ""]]

    bilan = importer(csv_octets(rangees))

    assert [str(r) for r in bilan.rejets] == [
        "Ligne 2, colonne « nom » : le nom manque ; colonne « date de naissance » : 15/03/06 : "
        "écrivez l'année sur 4 chiffres (JJ/MM/AAAA) ; colonne « e-mail » : « pas-une-adresse » "
        "n'est pas une adresse e-mail valide."
    ]


def test_windows_1252_accents_read_right() -> None:
    rangees = [
        ["Nom", "Prénom", "Né(e) le", "INE"],
        ["Lefèvre", "Chloé", "04/05/2006", "123456789AC"],
        ["Œuvray", "Anaïs", "12/12/2005", "123456789AD"],
    ]
    contenu = csv_octets(rangees, separateur=";", encodage="cp1252")
    assert "é".encode("cp1252") in contenu

    bilan = importer(contenu)

    assert bilan.valide, [str(r) for r in bilan.rejets]
    assert set(Etudiant.objects.values_list("nom", "prenom")) == {
        ("Lefèvre", "Chloé"),
        ("Œuvray", "Anaïs"),
    }


def test_a_duplicate_ine_in_the_file_is_rejected() -> None:
    rangees = [
        ENTETE,
        ["Martin", "Lucas", "15/03/2006", "123456789AA", "", ""],
        ["Benali", "Inès", "02/01/2007", "123456789AB", "", ""],
        ["Martin", "Louis", "15/03/2006", "123 456 789 aa", "", ""],
    ]

    bilan = importer(csv_octets(rangees, separateur=","))

    assert [str(r) for r in bilan.rejets] == [
        "Ligne 4, colonne « INE » : 123456789AA figure déjà ligne 2."
    ]
    assert Etudiant.objects.count() == 0


def test_an_ine_known_in_the_promotion_updates_that_student() -> None:
    promo = fabriques.promotion(periodes=False)
    lucas = fabriques.etudiant(
        promotion=promo, nom="Martin", prenom="Lucas", ine="123456789AA", classe="NDRC1 A"
    )
    rangees = [
        ENTETE,
        ["MARTIN", "LUCAS", "15/03/2006", "123456789AA", "", "NDRC2 A"],
        ["Benali", "Inès", "02/01/2007", "123456789AB", "", "NDRC2 A"],
    ]

    apercu = importer(csv_octets(rangees), promo, enregistrer=False)

    assert [(o.ligne, o.action) for o in apercu.operations] == [
        (2, Action.MISE_A_JOUR),
        (3, Action.CREATION),
    ]
    # Lucas has an address and no account: the import invites him (etablissement/invitations.py).
    assert apercu.operations[0].details == (
        "classe : NDRC1 A → NDRC2 A",
        "invitation à activer son compte",
    )
    assert Etudiant.objects.count() == 1  # the preview wrote nothing
    lucas.refresh_from_db()
    assert lucas.classe == "NDRC1 A"

    importer(csv_octets(rangees), promo)

    lucas.refresh_from_db()
    # Names in capitals are the same names: they are not rewritten; the empty e-mail cell
    # keeps the known address.
    assert (lucas.nom, lucas.prenom, lucas.classe) == ("Martin", "Lucas", "NDRC2 A")
    assert lucas.email.endswith("@lycee-eiffel.test")
    assert Etudiant.objects.count() == 2


def test_an_ine_of_another_promotion_is_rejected() -> None:
    autre = fabriques.etudiant(ine="123456789AA")
    rangees = [ENTETE, ["Martin", "Lucas", "15/03/2006", "123456789AA", "", ""]]

    bilan = importer(csv_octets(rangees))

    assert [str(r) for r in bilan.rejets] == [
        f"Ligne 2, colonne « INE » : 123456789AA est l'INE de {autre}, de la promotion "
        f"{autre.promotion}."
    ]


def test_a_reimport_without_ine_recognises_the_students_by_name_and_birth_date() -> None:
    promo = fabriques.promotion(periodes=False)
    rangees = [["Nom", "Prénom", "Date de naissance"], ["Durand", "Léa", "30/11/2005"]]
    importer(csv_octets(rangees), promo)

    bilan = importer(csv_octets(rangees), promo)

    assert [o.action for o in bilan.operations] == [Action.INCHANGE]
    assert Etudiant.objects.count() == 1
