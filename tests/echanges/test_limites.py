"""Hostile or oversized files are refused, fast, with the limit they pass; damaged ones get a
file or row error, never a server error."""

from __future__ import annotations

import io
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import Workbook

from echanges.imports import etudiants, lecture, valeurs
from echanges.imports.lecture import FichierIllisible, Tableau, lire
from echanges.imports.limites import COLONNES_MAX, XLSX_DECOMPRESSE_MAX
from echanges.models import Depot
from etablissement.models import Etudiant
from regles.bornes import EFFECTIF_MAX
from tests import fabriques
from tests.echanges import hostiles
from tests.echanges.fichiers import csv_octets, depot, xlsx_octets

CLASSE = [
    ["Nom", "Prénom", "Date de naissance"],
    ["Martin", "Lucas", "15/03/2006"],
    ["Benali", "Inès", "02/01/2007"],
]


def lire_classe(contenu: bytes) -> Tableau:
    return lire(contenu, etudiants.COLONNES, etudiants.EXIGENCES)


@contextmanager
def en_moins_de(secondes: float) -> Iterator[None]:
    """Before the limits, these files held a worker for 80 seconds to minutes."""
    debut = time.perf_counter()
    yield
    assert time.perf_counter() - debut < secondes


def test_a_xlsx_declaring_the_whole_grid_is_read_as_the_rows_it_holds() -> None:
    fichier = hostiles.dimension_geante(xlsx_octets(CLASSE))

    with en_moins_de(2):
        tableau = lire_classe(fichier)

    assert [(ligne.numero, ligne.valeurs["nom"]) for ligne in tableau.lignes] == [
        (2, "Martin"),
        (3, "Benali"),
    ]


def test_a_zip_bomb_is_refused_before_it_is_unpacked() -> None:
    bombe = hostiles.bourre(xlsx_octets(CLASSE), XLSX_DECOMPRESSE_MAX + 1)
    assert len(bombe) < 100_000  # 30 Mo of XML in a few dozen Ko

    with en_moins_de(2), pytest.raises(FichierIllisible) as refus:
        lire_classe(bombe)

    assert "plus de 30 Mo une fois décompressé" in refus.value.message


def test_a_part_that_shrank_far_more_than_data_does_is_refused() -> None:
    gonfle = hostiles.bourre(xlsx_octets(CLASSE), 2 * 1024 * 1024)  # under the total limit

    with pytest.raises(FichierIllisible, match="anormalement gonflées"):
        lire_classe(gonfle)


def test_a_sheet_longer_than_its_archive_declares_is_refused_as_damaged() -> None:
    menteur = hostiles.taille_menteuse(xlsx_octets(CLASSE), 200)

    with pytest.raises(FichierIllisible, match="pas un classeur XLSX lisible"):
        lire_classe(menteur)


def test_nested_xml_entities_are_refused_as_damaged() -> None:
    with en_moins_de(2), pytest.raises(FichierIllisible, match="pas un classeur XLSX lisible"):
        lire_classe(hostiles.rires(xlsx_octets(CLASSE)))


def test_a_nul_in_a_xlsx_cell_is_refused_as_damaged() -> None:
    abime = hostiles.avec_feuille(
        xlsx_octets(CLASSE), lambda xml: xml.replace(b"<t>Martin</t>", b"<t>Mar&#0;tin</t>")
    )

    with pytest.raises(FichierIllisible, match="pas un classeur XLSX lisible"):
        lire_classe(abime)


def _classeur(cellules: dict[tuple[int, int], str]) -> bytes:
    classeur = Workbook()
    feuille = classeur.active
    assert feuille is not None
    for rangee in CLASSE:
        feuille.append(rangee)
    for (ligne, colonne), valeur in cellules.items():
        feuille.cell(row=ligne, column=colonne, value=valeur)
    sortie = io.BytesIO()
    classeur.save(sortie)
    return sortie.getvalue()


def test_a_xlsx_cell_past_the_column_limit_is_refused_with_the_limit() -> None:
    fichier = _classeur({(1, COLONNES_MAX + 1): "Remarque"})

    with pytest.raises(FichierIllisible) as refus:
        lire_classe(fichier)

    assert refus.value.message.startswith("La ligne 1 du fichier a plus de 100 colonnes")


def test_a_cell_a_million_rows_down_is_refused_quickly() -> None:
    fichier = hostiles.dimension_geante(_classeur({(1_048_576, 1): "fin"}))
    assert len(fichier) < 10_000

    with en_moins_de(2), pytest.raises(FichierIllisible) as refus:
        lire_classe(fichier)

    assert "plus de 20\u202f000 lignes, vides comprises" in refus.value.message


def test_a_csv_of_50_000_rows_is_refused_quickly_with_the_limit() -> None:
    contenu = csv_octets([CLASSE[0], *[CLASSE[1]] * 50_000])

    with en_moins_de(2), pytest.raises(FichierIllisible) as refus:
        lire_classe(contenu)

    assert refus.value.message == (
        "Ce fichier compte plus de 2\u202f000 lignes : l'import en lit 2\u202f000 au plus. "
        "Découpez la liste en plusieurs fichiers."
    )


def test_the_row_limit_counts_the_rows_below_the_header(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lecture, "LIGNES_MAX", 3)
    titres = [["Lycée Gustave Eiffel"], ["Liste de la classe NDRC1"], [""]]
    trois = [*titres, CLASSE[0], *[CLASSE[1]] * 3, [""], [""]]

    assert len(lire_classe(csv_octets(trois)).lignes) == 3
    with pytest.raises(FichierIllisible, match="plus de 3 lignes"):
        lire_classe(csv_octets([*trois, CLASSE[2]]))


def test_trailing_empty_cells_are_not_columns() -> None:
    remplies = [[*rangee, *[""] * 300] for rangee in CLASSE]

    assert len(lire_classe(csv_octets(remplies)).lignes) == 2


def test_a_csv_row_past_the_column_limit_is_refused_with_its_line() -> None:
    large = [*CLASSE, ["x"] * (COLONNES_MAX + 1)]

    with pytest.raises(FichierIllisible, match="^La ligne 4 du fichier a plus de 100 colonnes"):
        lire_classe(csv_octets(large))


def test_a_utf16_file_cut_in_the_middle_of_a_character_is_a_file_error() -> None:
    coupe = csv_octets(CLASSE, encodage="utf-16") + b"A"

    with pytest.raises(FichierIllisible, match="UTF-16"):
        lire_classe(coupe)


def test_a_nul_in_a_csv_cell_is_dropped() -> None:
    contenu = csv_octets([CLASSE[0], ["Mar\x00tin", "Lucas", "15/03/2006"]])

    assert lire_classe(contenu).lignes[0].valeurs["nom"] == "Martin"


@pytest.mark.parametrize("brut", ["²", "1²", "٣", "12a", "-3", "1,5"])
def test_only_ascii_digits_make_a_count(brut: str) -> None:
    with pytest.raises(valeurs.ValeurInvalide, match="n'est pas un nombre entier positif"):
        valeurs.entier(brut, maximum=EFFECTIF_MAX)


@pytest.mark.parametrize("brut", ["1 000 001", "9" * 5000, 1e300])
def test_a_count_above_its_bound_says_so(brut: str | float) -> None:
    with pytest.raises(valeurs.ValeurInvalide, match="dépasse 1\u202f000\u202f000"):
        valeurs.entier(brut, maximum=EFFECTIF_MAX)


def test_a_count_up_to_its_bound_is_read() -> None:
    assert valeurs.entier("1 000 000", maximum=EFFECTIF_MAX) == EFFECTIF_MAX


@pytest.mark.parametrize(
    ("brut", "ecrite"),
    [
        ("31/12/1899", "31/12/1899"),
        ("01/01/2101", "01/01/2101"),
        ("0001-01-01", "01/01/0001"),
        (2958465.0, "31/12/9999"),  # Excel's last day, as a number
    ],
)
def test_a_date_outside_the_bounds_is_a_row_error(brut: str | float, ecrite: str) -> None:
    with pytest.raises(valeurs.ValeurInvalide) as refus:
        valeurs.jour(brut)

    assert refus.value.raison == (
        f"{ecrite} : la date doit être comprise entre le 01/01/1900 et le 31/12/2100."
    )


# The upload pages: each of these files gave a server error, or held the worker.

URL = reverse("echanges:import_etudiants")


@pytest.fixture
def admin(clients: dict[str, Client]) -> Client:
    return clients["administrateur"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fichier", "message"),
    [
        (lambda: csv_octets([CLASSE[0], *[CLASSE[1]] * 50_000]), "plus de 2\u202f000 lignes"),
        (lambda: csv_octets(CLASSE, encodage="utf-16") + b"A", "texte Unicode (UTF-16)"),
        (lambda: hostiles.taille_menteuse(xlsx_octets(CLASSE), 200), "pas un classeur XLSX"),
        (lambda: hostiles.bourre(xlsx_octets(CLASSE), XLSX_DECOMPRESSE_MAX + 1), "plus de 30 Mo"),
    ],
    ids=["50000-lignes", "utf16-coupe", "taille-menteuse", "bombe"],
)
def test_a_refused_file_comes_back_to_the_form_with_why(
    admin: Client, fichier: Callable[[], bytes], message: str
) -> None:
    promo = fabriques.promotion(periodes=False)

    reponse = admin.post(URL, {"promotion": promo.pk, "fichier": depot(fichier())})

    assert reponse.status_code == 200
    assert message in reponse.context["form"].errors["fichier"][0]
    assert not Depot.objects.exists()


@pytest.mark.django_db
def test_a_nul_in_a_name_is_dropped_on_the_way_to_the_database(admin: Client) -> None:
    promo = fabriques.promotion(periodes=False)
    fichier = csv_octets([CLASSE[0], ["Mar\x00tin", "Lu\x00cas", "15/03/2006"]])

    apercu = admin.post(URL, {"promotion": promo.pk, "fichier": depot(fichier)})
    jeton = apercu.context["jeton"]
    admin.post(reverse("echanges:import_etudiants_confirmer"), {"jeton": jeton})

    assert list(Etudiant.objects.values_list("nom", "prenom")) == [("Martin", "Lucas")]


@pytest.mark.django_db
def test_a_superscript_headcount_is_a_row_error(admin: Client) -> None:
    siren = fabriques.siren_valide()
    fichier = csv_octets(
        [
            ["SIRET", "Raison sociale", "Adresse", "Ville", "Effectif"],
            [fabriques.siret_valide(siren), "Garonne Conseil", "1 place X", "Bordeaux", "²"],
        ]
    )

    reponse = admin.post(
        reverse("echanges:import_organismes"),
        {"fichier": depot(fichier, "hotes.csv"), "effectif_au": "2026-04-30"},
    )

    assert reponse.status_code == 200
    assert "Ligne 2, colonne « effectif » : « ² » n&#x27;est pas un nombre entier positif." in (
        reponse.content.decode()
    )


def test_an_unclosed_quote_is_a_file_error_in_french() -> None:
    contenu = csv_octets([*CLASSE, ['"Durand', "Léa", "01/01/2007"], *[CLASSE[1]] * 8000])

    with pytest.raises(FichierIllisible) as refus:
        lire_classe(contenu)

    assert refus.value.message == (
        "Ce fichier CSV est mal formé à partir de la ligne 4 : un guillemet (\") n'y est "
        "jamais refermé, ou une cellule est démesurée."
    )
