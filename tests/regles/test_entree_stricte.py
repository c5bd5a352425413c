"""Strict input of `python -m regles evaluer` (issue 9, point 15): types checked, ranges
bounded, unknown keys refused, unreadable files exit 2 with a French message."""

from __future__ import annotations

import copy
import io
import json
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from regles.__main__ import main
from regles.entree import EntreeInvalide, lire_situation

EXEMPLE = Path(__file__).resolve().parents[2] / "regles" / "exemples" / "situation.json"
RACINE = EXEMPLE.parents[2]


def _exemple() -> dict[str, Any]:
    return json.loads(EXEMPLE.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _refus(modification: Callable[[dict[str, Any]], object]) -> str:
    situation = _exemple()
    modification(situation)
    with pytest.raises(EntreeInvalide) as erreur:
        lire_situation(situation)
    return str(erreur.value)


CAS: list[tuple[str, Callable[[dict[str, Any]], object], str]] = [
    (
        "a yes/no written as text is not read as true (it took the intern out of the quota)",
        lambda s: s["conventions"][0]["periodes"][0].update(prolongation="false"),
        "conventions[0].periodes[0].prolongation : true ou false attendu",
    ),
    (
        "a flag of the convention must be a JSON boolean too",
        lambda s: s["conventions"][0].update(travail_nuit=1),
        "conventions[0].travail_nuit : true ou false attendu",
    ),
    (
        "a headcount of 10^12 is a typing error",
        lambda s: s["organismes"][0]["effectifs"].update({"2026-01": 10**12}),
        "organismes[0].effectifs.2026-01 : nombre de personnes entre 0 et 1000000",
    ),
    (
        "a headcount of 21.7 persons is refused, not truncated to 21",
        lambda s: s["organismes"][0]["effectifs"].update({"2026-01": 21.7}),
        "organismes[0].effectifs.2026-01 : nombre entier de personnes attendu",
    ),
    (
        "interns from other schools are whole persons too",
        lambda s: s["organismes"][0]["autres_stagiaires"].update({"2026-03-09": -1}),
        "organismes[0].autres_stagiaires.2026-03-09 : nombre de personnes entre 0 et 1000000",
    ),
    (
        "an AT/MP rate of 2.08 is a percentage where a fraction is expected",
        lambda s: s["organismes"][0].update(taux_atmp=2.08),
        "organismes[0].taux_atmp : taux attendu en fraction, inférieur à 1",
    ),
    (
        "an unknown key of a convention is refused with its path, not ignored",
        lambda s: s["conventions"][0].update(gratifcation={"mode": "minimum_legal"}),
        "conventions[0].gratifcation : clé inconnue",
    ),
    (
        "an unknown key at the top is refused",
        lambda s: s.update(organisme=[]),
        "(situation).organisme : clé inconnue",
    ),
    (
        "an unknown clause of the convention's contents is refused",
        lambda s: s["conventions"][0]["contenus"].update(remuneration="oui"),
        "conventions[0].contenus.remuneration : clé inconnue",
    ),
    (
        "an unknown school-holiday zone is refused",
        lambda s: s.update(zone="Z"),
        "zone : zone de vacances inconnue",
    ),
    (
        "a stage in 1850 is outside the dates Stages accepts",
        lambda s: s["conventions"][0]["periodes"][0].update(debut="1850-03-02"),
        "conventions[0].periodes[0].debut : date comprise entre le 01/01/1900 et le 31/12/2100",
    ),
    (
        "a date written as a number is not a date",
        lambda s: s["conventions"][0].update(date_signature=20260210),
        "conventions[0].date_signature : date AAAA-MM-JJ attendue",
    ),
    (
        "25:00 is more than a day",
        lambda s: s["conventions"][1]["horaire"].update(lundi="25:00"),
        "conventions[1].horaire.lundi : au plus 24 heures par jour",
    ),
    (
        "an amount above the bound is a typing error",
        lambda s: s["conventions"][0].update(
            gratification={"mode": "mensuelle", "montant": 2_000_000}
        ),
        "conventions[0].gratification.montant : montant d'au plus 1000000 €",
    ),
    (
        "a day of the presence log given twice is refused, not added up",
        lambda s: s["conventions"][0]["pointages"].append(
            copy.deepcopy(s["conventions"][0]["pointages"][0])
        ),
        "conventions[0].pointages : le 02/03/2026 est pointé deux fois",
    ),
    (
        "the same host twice is refused rather than one silently replacing the other",
        lambda s: s["organismes"].append(copy.deepcopy(s["organismes"][0])),
        "organismes : identifiants en double : 552081317",
    ),
]


@pytest.mark.parametrize(("modification", "message"), [c[1:] for c in CAS], ids=[c[0] for c in CAS])
def test_wrong_input_is_refused_with_its_path_in_french(
    modification: Callable[[dict[str, Any]], object], message: str
) -> None:
    assert message in _refus(modification)


def test_a_fraction_rate_and_a_whole_headcount_are_read() -> None:
    situation = _exemple()
    situation["organismes"][0].update(taux_atmp="0,0208", effectifs={"2026-02": "21"})
    organisme = lire_situation(situation).organismes["552081317"]
    assert (str(organisme.taux_atmp), organisme.effectifs) == ("0.0208", {date(2026, 2, 1): 21})


FICHIERS: list[tuple[str, bytes, str]] = [
    ("a file that is not UTF-8", b'{"zone": "\xe9"}', "n'est pas encodé en UTF-8"),
    ("10 MB of nested brackets", b"[" * (10 * 1024 * 1024), "fichier trop gros (au plus 5 Mo)"),
    (
        "brackets nested too deep within the size cap",
        b"[" * 200_000,
        "imbriqués trop profondément",
    ),
    ("a key given twice", b'{"zone": "A", "zone": "B"}', "donnée deux fois"),
    ("NaN is not JSON", b'{"conventions": NaN}', "NaN n'est pas un nombre JSON"),
    ("a broken JSON", b'{"conventions": [}', "JSON invalide ligne 1, colonne 18 (valeur attendue)"),
    ("a number of 5,000 digits", b"9" * 5000, "nombre trop long"),
]


@pytest.mark.parametrize(
    ("contenu", "message"), [f[1:] for f in FICHIERS], ids=[f[0] for f in FICHIERS]
)
def test_unreadable_files_exit_2_with_a_french_message_and_no_traceback(
    contenu: bytes, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fichier = tmp_path / "situation.json"
    fichier.write_bytes(contenu)
    sortie = io.StringIO()
    assert main(["evaluer", str(fichier)], stdout=sortie) == 2
    erreur = capsys.readouterr().err
    assert message in erreur and "Traceback" not in erreur and sortie.getvalue() == ""


def test_the_command_refuses_bad_bytes_on_stdin_without_a_traceback() -> None:
    sortie = subprocess.run(
        [sys.executable, "-m", "regles", "evaluer", "-"],
        input=b"\xff\xfe[" + b"[" * 5000,
        capture_output=True,
        cwd=RACINE,
        check=False,
    )
    erreur = sortie.stderr.decode("utf-8")
    assert sortie.returncode == 2 and "Traceback" not in erreur
    assert "UTF-8" in erreur


def test_a_missing_file_is_said_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluer", "/nonexistent/situation.json"], stdout=io.StringIO()) == 2
    assert "fichier introuvable" in capsys.readouterr().err
