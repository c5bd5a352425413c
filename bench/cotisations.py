"""10 000 monthly contribution estimates: Stages against URSSAF's publicodes rules.

URSSAF's side runs `tools/urssaf/cotisations.mjs` in one Node process, timed inside Node
(start-up and rule loading excluded), its wall time reported apart. publicodes needs about
65 ms a situation: when 10 000 would take over three minutes, a sample is timed and the
figure extrapolated, and the output says so.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import time
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from regles.cotisations import estimer_cotisations
from regles.format import nombre
from regles.parametres import parametres

URSSAF = Path(__file__).resolve().parents[1] / "tools" / "urssaf"
MOIS = 10_000
ECHANTILLON = 500
DUREE_MAX_S = 180


@dataclass(frozen=True, slots=True)
class Situation:
    mois: date
    excedent: Decimal
    effectif: int | None
    taux_atmp: Decimal | None


def _situations(nombre_de_mois: int) -> list[Situation]:
    rng = random.Random(2026)
    return [
        Situation(
            mois=date(rng.randint(2023, 2026), rng.randint(1, 12), 1),
            excedent=Decimal(rng.randint(0, 150_000)) / 100,
            effectif=rng.choice([None, 3, 12, 45, 80, 200]),
            taux_atmp=rng.choice([None, Decimal(rng.randint(60, 600)) / 10_000]),
        )
        for _ in range(nombre_de_mois)
    ]


def _stages(situations: list[Situation]) -> float:
    parametres()  # reading the YAML files is start-up, not computation
    debut = time.perf_counter()
    for s in situations:
        estimer_cotisations(
            excedent=s.excedent, mois=s.mois, effectif=s.effectif, taux_atmp=s.taux_atmp
        )
    return time.perf_counter() - debut


def _urssaf(situations: list[Situation]) -> tuple[float, float]:
    """Seconds of computation measured inside Node, and wall seconds of the Node run."""
    entree = "".join(
        json.dumps(
            {
                "mois": s.mois.isoformat(),
                "excedent": str(s.excedent),
                "effectif": s.effectif,
                "taux_atmp": None if s.taux_atmp is None else format(s.taux_atmp * 100, "f"),
                "taux_versement_mobilite": "0",
            }
        )
        + "\n"
        for s in situations
    )
    debut = time.perf_counter()
    sortie = subprocess.run(
        ["node", "cotisations.mjs", "--chrono"],
        cwd=URSSAF,
        input=entree,
        capture_output=True,
        text=True,
        check=True,
    )
    mur = time.perf_counter() - debut
    chrono = json.loads(sortie.stdout.splitlines()[-1])["chrono"]
    return float(chrono["calcul_s"]), mur


def _s(secondes: float) -> str:
    decimales = 2 if secondes < 10 else 0
    return f"{nombre(Decimal(repr(secondes)), decimales)} s"


def main() -> None:
    if shutil.which("node") is None or not (URSSAF / "node_modules" / "modele-social").exists():
        raise SystemExit("Cotisations : Node.js et tools/urssaf/node_modules requis (make urssaf).")
    situations = _situations(MOIS)
    nous = _stages(situations)

    calcul, mur = _urssaf(situations[:ECHANTILLON])
    if calcul * MOIS / ECHANTILLON <= DUREE_MAX_S:
        calcul, mur = _urssaf(situations)
        leur = calcul
        detail = f"mesuré dans Node ; {_s(mur)} de temps réel avec le démarrage"
    else:
        leur = calcul * MOIS / ECHANTILLON
        detail = (
            f"extrapolé de {nombre(ECHANTILLON, 0)} mois mesurés en {_s(calcul)} dans Node ; "
            f"{_s(mur)} de temps réel avec le démarrage"
        )
    print(
        f"Cotisations, {nombre(MOIS, 0)} mois : Stages {_s(nous)} ; "
        f"URSSAF (publicodes) {_s(leur)} ({detail}) ; rapport {nombre(round(leur / nous), 0)}×"
    )


if __name__ == "__main__":
    main()
