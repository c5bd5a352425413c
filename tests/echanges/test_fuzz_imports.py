"""Whatever the bytes, an import answers with rows (some refused, each with its reason) or a
file error; never another exception, which the user would meet as a server error."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from echanges.imports import etudiants, organismes
from echanges.imports.bilan import Bilan
from echanges.imports.lecture import FichierIllisible, Tableau, lire
from etablissement.models import Promotion
from tests import fabriques
from tests.echanges.fichiers import xlsx_octets

REGLAGES = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ENCODAGES = ("utf-8", "utf-8-sig", "utf-16", "cp1252")


def lire_ou_refuser(contenu: bytes) -> Tableau | None:
    try:
        return lire(contenu, etudiants.COLONNES, etudiants.EXIGENCES)
    except FichierIllisible as refus:
        assert refus.message  # a sentence for the user
        return None


@REGLAGES
@given(st.binary(max_size=2000))
def test_any_bytes_are_rows_or_a_file_error(contenu: bytes) -> None:
    lire_ou_refuser(contenu)


@REGLAGES
@given(st.binary(max_size=2000))
def test_any_bytes_after_a_zip_signature_are_rows_or_a_file_error(contenu: bytes) -> None:
    lire_ou_refuser(b"PK\x03\x04" + contenu)


@REGLAGES
@given(st.binary(min_size=1, max_size=64), st.integers(min_value=0, max_value=4000))
def test_a_xlsx_damaged_anywhere_is_rows_or_a_file_error(abime: bytes, position: int) -> None:
    sain = xlsx_octets([["Nom", "Prénom", "Date de naissance"], ["Martin", "Lucas", "15/03/2006"]])
    position %= len(sain)
    lire_ou_refuser(sain[:position] + abime + sain[position + len(abime) :])


# Cells as people and tools write them, and as they should not: control characters, NUL,
# superscripts, other scripts' digits, separators and quotes, very long text.
cellule = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["", "²", "٣", "1e400", "-1", "15/03/2006", "31/02/2007", "0001-01-01",
                     "99999999999999999999", "\x00", '"', ";", "\r\n", "x" * 300]),
    st.from_regex(r"[0-9 ]{1,25}", fullmatch=True),
)  # fmt: skip


def _csv(rangees: list[list[str]], separateur: str, encodage: str) -> bytes:
    texte = "\r\n".join(separateur.join(rangee) for rangee in rangees)
    return texte.encode(encodage, errors="replace")


def _preparer(
    entete: list[str], rangees: list[list[str]], separateur: str, encodage: str
) -> Tableau | None:
    return lire_ou_refuser_avec(_csv([entete, *rangees], separateur, encodage), entete)


def lire_ou_refuser_avec(contenu: bytes, entete: list[str]) -> Tableau | None:
    colonnes = etudiants if "Nom" in entete else organismes
    try:
        return lire(contenu, colonnes.COLONNES, colonnes.EXIGENCES)
    except FichierIllisible:
        return None


@pytest.mark.django_db
@REGLAGES
@given(
    st.lists(st.lists(cellule, min_size=0, max_size=8), max_size=6),
    st.sampled_from([";", ",", "\t"]),
    st.sampled_from(ENCODAGES),
)
def test_a_class_list_of_any_cells_is_previewed_with_row_errors(
    rangees: list[list[str]], separateur: str, encodage: str
) -> None:
    entete = ["Nom", "Prénom", "Date de naissance", "INE", "E-mail", "Classe"]
    tableau = _preparer(entete, rangees, separateur, encodage)
    if tableau is None:
        return
    promotion = Promotion.objects.first() or fabriques.promotion(periodes=False)

    bilan = etudiants.etudiants_importer(promotion=promotion, tableau=tableau, enregistrer=False)

    _verifier(bilan, tableau)


@pytest.mark.django_db
@REGLAGES
@given(
    st.lists(st.lists(cellule, min_size=0, max_size=10), max_size=6),
    st.sampled_from([";", ",", "\t"]),
    st.sampled_from(ENCODAGES),
)
def test_a_host_list_of_any_cells_is_previewed_with_row_errors(
    rangees: list[list[str]], separateur: str, encodage: str
) -> None:
    entete = ["SIRET", "Raison sociale", "Adresse", "Ville", "Effectif", "Nom du tuteur",
              "Prénom du tuteur", "E-mail du tuteur", "SIREN", "Code postal"]  # fmt: skip
    tableau = _preparer(entete, rangees, separateur, encodage)
    if tableau is None:
        return

    bilan = organismes.organismes_importer(
        tableau=tableau, effectif_au=date(2026, 4, 30), enregistrer=False
    )

    _verifier(bilan, tableau)


def _verifier(bilan: Bilan, tableau: Tableau) -> None:
    """Every row read is either an operation or a refusal with its reason, once."""
    lues = {ligne.numero for ligne in tableau.lignes}
    traitees = [o.ligne for o in bilan.operations] + [r.ligne for r in bilan.rejets]
    assert sorted(traitees) == sorted(lues)
    assert all(str(rejet).startswith(f"Ligne {rejet.ligne}") for rejet in bilan.rejets)
