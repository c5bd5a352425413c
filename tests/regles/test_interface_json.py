"""`python -m regles evaluer`: the documented example, stdin, and refused input."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from regles.__main__ import main

EXEMPLE = Path(__file__).resolve().parents[2] / "regles" / "exemples" / "situation.json"


def evaluer(argv: list[str], entree: str = "") -> tuple[int, dict[str, object] | None]:
    sortie = io.StringIO()
    code = main(argv, stdin=io.StringIO(entree), stdout=sortie)
    return code, json.loads(sortie.getvalue()) if sortie.getvalue() else None


def test_the_documented_example_gives_the_findings_the_readme_shows() -> None:
    code, resultat = evaluer(["evaluer", str(EXEMPLE)])
    assert code == 0 and resultat is not None
    par_id = {c["id"]: c for c in resultat["conventions"]}  # type: ignore[union-attr]
    codes = {i: {k["code"] for k in c["constats"]} for i, c in par_id.items()}
    assert {"GRAT_RAPPEL", "QUOTA_DEPASSE"} <= codes["ines-mars"]
    assert {"GRAT_INSUFFISANTE", "REPOS_ETE", "VACANCES_PROLONGATION"} <= codes["ines-ete"]
    assert "CONVENTION_INCOMPLETE" in codes["lucas-mars"]
    cumul = resultat["cumuls"][0]  # type: ignore[index]
    assert (cumul["heures"], cumul["gratification_obligatoire"], cumul["jour_309e_heure"]) == (
        "335.5",
        True,
        "2026-08-11",
    )
    # The log of ines-mars: 7 h, then 6 h 30, then a sick day (not counted), then the plan.
    assert par_id["ines-mars"]["heures"] == "132.5"


def test_it_reads_stdin_and_exits_1_on_blocking_findings_when_strict() -> None:
    code, resultat = evaluer(["evaluer", "-", "--strict"], EXEMPLE.read_text(encoding="utf-8"))
    assert code == 1 and resultat is not None and resultat["resume"]["bloquant"] > 0  # type: ignore[index]


@pytest.mark.parametrize(
    ("modification", "message"),
    [
        (
            lambda s: s["conventions"][0]["periodes"][0].update(fin="2026-02-30"),
            "conventions[0].periodes[0].fin : date AAAA-MM-JJ attendue",
        ),
        (
            lambda s: s["conventions"][1]["horaire"].update(lundi="25"),
            "conventions[1].horaire.lundi : au plus 24 heures par jour",
        ),
        (
            lambda s: s["conventions"][0]["gratification"].update(mode="genereuse"),
            "conventions[0].gratification.mode : 'genereuse' inconnu",
        ),
        (
            lambda s: s["conventions"][2].update(id="ines-mars"),
            "conventions : identifiants en double : ines-mars",
        ),
    ],
    ids=["impossible date", "more than 24 hours", "unknown mode", "duplicate id"],
)
def test_bad_input_is_refused_with_its_path_in_french(
    modification, message: str, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    situation = json.loads(EXEMPLE.read_text(encoding="utf-8"))
    modification(situation)
    code, resultat = evaluer(["evaluer", "-"], json.dumps(situation))
    assert code == 2 and resultat is None
    assert message in capsys.readouterr().err


def test_the_module_runs_as_a_command() -> None:
    sortie = subprocess.run(
        [sys.executable, "-m", "regles", "evaluer", str(EXEMPLE)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(sortie.stdout)["resume"]["bloquant"] >= 4
