"""Reading the lists people really have: encodings, separators, header spellings, dates."""

from __future__ import annotations

import codecs
from datetime import date, datetime

import pytest

from echanges.imports import etudiants, valeurs
from echanges.imports.lecture import FichierIllisible, lire
from tests.echanges.fichiers import csv_octets, xlsx_octets


def lire_classe(contenu: bytes):
    return lire(contenu, etudiants.COLONNES, etudiants.EXIGENCES)


@pytest.mark.parametrize(
    ("separateur", "encodage"),
    [(";", "utf-8-sig"), (",", "utf-8"), (";", "cp1252"), ("\t", "utf-16")],
)
def test_it_reads_the_usual_encodings_and_separators(separateur: str, encodage: str) -> None:
    contenu = csv_octets(
        [["Nom", "Prénom", "Né(e) le", "Classe"], ["Lefèvre", "Chloé", "04/05/2006", "NDRC1 A"]],
        separateur=separateur,
        encodage=encodage,
    )
    if encodage == "utf-16":
        assert contenu.startswith(codecs.BOM_UTF16_LE)

    tableau = lire_classe(contenu)

    assert tableau.lignes[0].valeurs == {
        "nom": "Lefèvre",
        "prenom": "Chloé",
        "date_naissance": "04/05/2006",
        "classe": "NDRC1 A",
    }


@pytest.mark.parametrize(
    "entete", ["Prénom", "PRENOM", "prenom", " Prénom ", "Prénoms", "PRÉNOM DE L'ÉLÈVE"]
)
def test_header_spellings_are_recognised(entete: str) -> None:
    tableau = lire_classe(
        csv_octets([["NOM", entete, "Date de naissance"], ["A", "B", "1/2/2006"]])
    )

    assert tableau.lignes[0].valeurs["prenom"] == "B"


def test_unknown_columns_are_ignored_and_listed() -> None:
    tableau = lire_classe(
        csv_octets(
            [
                ["Nom", "Sexe", "Prénom", "Date de naissance", "Régime"],
                ["A", "F", "B", "1/2/2006", "DP"],
            ]
        )
    )

    assert tableau.ignorees == ["Sexe", "Régime"]
    assert set(tableau.lignes[0].valeurs) == {"nom", "prenom", "date_naissance"}


def test_title_lines_blank_lines_and_old_mac_line_ends() -> None:
    contenu = (
        "Export du 01/09/2025\r\rNom;Prénom;Date de naissance\r\rMartin;Lucas;15/03/2006\r".encode()
    )

    tableau = lire_classe(contenu)

    assert [(ligne.numero, ligne.valeurs["nom"]) for ligne in tableau.lignes] == [(5, "Martin")]


def test_a_missing_required_column_is_named() -> None:
    with pytest.raises(FichierIllisible) as erreur:
        lire_classe(csv_octets([["Nom", "Prénom", "INE"], ["Martin", "Lucas", "123456789AA"]]))

    assert erreur.value.message == (
        "L'en-tête (ligne 1) n'a pas la colonne « date de naissance ». Colonnes attendues : "
        "« nom » ; « prénom » ; « date de naissance »."
    )


def test_a_file_without_any_known_header_is_refused() -> None:
    with pytest.raises(FichierIllisible, match="Aucune ligne d'en-tête reconnue"):
        lire_classe(b"%PDF-1.7 \x00\x01 binary")


def test_an_excel_97_file_is_refused_with_what_to_do() -> None:
    with pytest.raises(FichierIllisible, match=r"\.xls.*enregistrez-le au format \.xlsx ou CSV"):
        lire_classe(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)


def test_a_broken_xlsx_is_refused() -> None:
    with pytest.raises(FichierIllisible, match="pas un classeur XLSX lisible"):
        lire_classe(b"PK\x03\x04 not really a zip")


def test_xlsx_numbers_read_as_dates_and_identifiers() -> None:
    tableau = lire_classe(xlsx_octets([["Nom", "Prénom", "Date de naissance"], ["A", "B", 38791]]))

    assert valeurs.jour(tableau.lignes[0].valeurs["date_naissance"]) == date(2006, 3, 15)
    assert valeurs.numero(6000, chiffres=5) == "06000"
    assert valeurs.numero(55208131700019.0, chiffres=14) == "55208131700019"
    assert valeurs.numero("552 081 317 00019", chiffres=14) == "55208131700019"


@pytest.mark.parametrize(
    ("brut", "attendu"),
    [
        ("15/03/2006", date(2006, 3, 15)),
        ("5/3/2006", date(2006, 3, 5)),
        ("15.03.2006", date(2006, 3, 15)),
        ("2006-03-15", date(2006, 3, 15)),
        ("15/03/2006 00:00:00", date(2006, 3, 15)),
        ("2006-03-15T00:00:00", date(2006, 3, 15)),
        (datetime(2006, 3, 15), date(2006, 3, 15)),
        ("", None),
        (None, None),
    ],
)
def test_dates_are_read_in_the_usual_forms(brut: valeurs.Brut, attendu: date | None) -> None:
    assert valeurs.jour(brut) == attendu


@pytest.mark.parametrize(
    ("brut", "raison"),
    [
        ("31/02/2007", "31/02/2007 n'est pas une date."),
        ("2007-13-01", "2007-13-01 n'est pas une date."),
        ("15/03/06", "15/03/06 : écrivez l'année sur 4 chiffres (JJ/MM/AAAA)."),
        ("mars 2006", "« mars 2006 » n'est pas une date : écrivez JJ/MM/AAAA ou AAAA-MM-JJ."),
    ],
)
def test_a_wrong_date_says_why(brut: str, raison: str) -> None:
    with pytest.raises(valeurs.ValeurInvalide) as erreur:
        valeurs.jour(brut)

    assert erreur.value.raison == raison
