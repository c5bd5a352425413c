"""10 000 monthly contribution estimates over 144 months (2015–2026): Stages against
URSSAF's publicodes rules.

Stages' side is the median CPU time of three runs. URSSAF's side runs
`tools/urssaf/cotisations.mjs` in one Node process on the same situations, timed inside Node
(start-up and rule loading excluded; one thread, so close to its CPU time), the Node
process's whole CPU time reported apart. publicodes needs about 65 ms a situation: a sample
is timed three times and the figure extrapolated, and the output says so.
"""

from __future__ import annotations

import json
import random
import resource
import shutil
import statistics
import subprocess
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from bench.mesure import cpu, noter
from regles.cotisations import estimer_cotisations
from regles.format import nombre
from regles.parametres import parametres

URSSAF = Path(__file__).resolve().parents[1] / "tools" / "urssaf"
MOIS = 10_000
ECHANTILLON = 150


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
            mois=date(rng.randint(2015, 2026), rng.randint(1, 12), 1),
            excedent=Decimal(rng.randint(0, 150_000)) / 100,
            effectif=rng.choice([None, 3, 12, 45, 80, 200]),
            taux_atmp=rng.choice([None, Decimal(rng.randint(60, 600)) / 10_000]),
        )
        for _ in range(nombre_de_mois)
    ]


def _stages(situations: list[Situation]) -> float:
    parametres()  # reading the YAML files is start-up, not computation

    def tout() -> None:
        for s in situations:
            estimer_cotisations(
                excedent=s.excedent, mois=s.mois, effectif=s.effectif, taux_atmp=s.taux_atmp
            )

    return cpu(tout)


def _urssaf(situations: list[Situation]) -> tuple[float, float]:
    """Seconds of computation measured inside Node, and CPU seconds of the Node process."""
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
    avant = resource.getrusage(resource.RUSAGE_CHILDREN)
    sortie = subprocess.run(
        ["node", "cotisations.mjs", "--chrono"],
        cwd=URSSAF,
        input=entree,
        capture_output=True,
        text=True,
        check=True,
    )
    apres = resource.getrusage(resource.RUSAGE_CHILDREN)
    processus = (apres.ru_utime - avant.ru_utime) + (apres.ru_stime - avant.ru_stime)
    chrono = json.loads(sortie.stdout.splitlines()[-1])["chrono"]
    return float(chrono["calcul_s"]), processus


def _s(secondes: float) -> str:
    decimales = 2 if secondes < 10 else 0
    return f"{nombre(Decimal(repr(secondes)), decimales)} s"


def main() -> None:
    if shutil.which("node") is None or not (URSSAF / "node_modules" / "modele-social").exists():
        raise SystemExit("Cotisations : Node.js et tools/urssaf/node_modules requis (make urssaf).")
    situations = _situations(MOIS)
    nous = _stages(situations)
    mesures = [_urssaf(situations[:ECHANTILLON]) for _ in range(3)]
    calcul = statistics.median(m[0] for m in mesures)
    processus = statistics.median(m[1] for m in mesures)
    leur = processus * MOIS / ECHANTILLON
    print(
        f"Cotisations, {nombre(MOIS, 0)} cas sur 144 mois (2015-2026) : Stages {_s(nous)} CPU "
        f"(médiane de 3) ; URSSAF (publicodes) {_s(leur)} CPU, extrapolé de "
        f"{nombre(ECHANTILLON, 0)} cas (processus Node entier {_s(processus)} CPU, dont "
        f"{_s(calcul)} de calcul au chronomètre de Node ; médianes de 3) ; "
        f"rapport {nombre(round(leur / nous), 0)}×"
    )
    noter("cotisations_10000_cas_s", nous)
    noter("cotisations_urssaf_10000_cas_extrapole_s", leur)
    noter("cotisations_urssaf_sur_stages_ratio", leur / nous)


if __name__ == "__main__":
    main()
