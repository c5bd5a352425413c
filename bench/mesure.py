"""How `make bench` measures and where it writes its figures.

Every figure is the median of at least three runs of the process's CPU time
(`time.process_time`): on a shared machine the wall clock waits for the others, the CPU time
is what the work costs here. A collection runs before each run, outside the timing.

The figures are noted by name (seconds, or a ratio when the name says so) and written to
`bench/resultats.json` beside the printed table, so that two runs can be compared. The
measures taken in a subprocess (a database bound at Django's start-up) note theirs in a
fragment file named by an environment variable, merged at the end.
"""

from __future__ import annotations

import gc
import json
import os
import re
import statistics
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

RESULTATS = Path(__file__).resolve().with_name("resultats.json")
FRAGMENT = "STAGES_BENCH_FRAGMENT"
REPETITIONS = 3

_mesures: dict[str, float] = {}


def cpu(fonction: Callable[[], object], repetitions: int = REPETITIONS) -> float:
    """Median CPU seconds of `repetitions` (at least 3) runs of `fonction`."""
    durees = []
    for _ in range(max(REPETITIONS, repetitions)):
        gc.collect()
        debut = time.process_time()
        fonction()
        durees.append(time.process_time() - debut)
    return statistics.median(durees)


def noter(nom: str, valeur: float) -> None:
    """Keep a figure for `resultats.json` (seconds, or a ratio)."""
    _mesures[nom] = round(valeur, 6)
    fragment = os.environ.get(FRAGMENT)
    if fragment:
        with open(fragment, "a", encoding="utf-8") as f:
            f.write(json.dumps({nom: _mesures[nom]}) + "\n")


def ecrire(fragment: Path | None = None) -> Path:
    """Write every figure noted in this process and in the fragment file."""
    tout = dict(_mesures)
    if fragment is not None and fragment.exists():
        for ligne in fragment.read_text(encoding="utf-8").splitlines():
            if ligne.strip():
                tout.update(json.loads(ligne))
    RESULTATS.write_text(
        json.dumps(dict(sorted(tout.items())), indent=2, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    return RESULTATS


def nom(*parties: str) -> str:
    """A figure's name from French words: `nom("pages", "SQLite", "liste des étudiants")`
    gives `pages_sqlite_liste_des_etudiants`."""
    texte = unicodedata.normalize("NFKD", " ".join(parties)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", texte.lower()).strip("_")
