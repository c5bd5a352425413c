"""`make bench`: the figures of the engine at an académie's scale (printed, never asserted),
and written to `bench/resultats.json` (name → seconds or ratio) to compare two runs.

Every figure is a median of CPU time over at least three runs (`bench.mesure`). The audit is
measured on the strained académie (stages crossing 308 h, quotas broken) at 1×, 4× and 10×
its size (`STAGES_BENCH_FACTEURS=1,4` for a shorter run), its growth given as CPU ratios,
beside a floor measured in the same run: iterating the same presence rows and reading their
three fields, which no audit can beat.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections import Counter
from datetime import date
from functools import partial
from pathlib import Path

from bench.academie import Taille, academie
from bench.mesure import FRAGMENT, cpu, ecrire, noter
from regles.evaluation import Evaluation, Situation, evaluer

FACTEURS = tuple(int(f) for f in os.environ.get("STAGES_BENCH_FACTEURS", "1,4,10").split(","))


def _seuil() -> int:
    """The gratification threshold in hours, read from the dated parameters (the set's stages
    run in 2025-2027)."""
    from regles.parametres import parametres
    from regles.presence import Seuils

    return Seuils.au(parametres(), date(2026, 1, 1)).gratification // 60


def _plancher(situation: Situation) -> None:
    for c in situation.conventions:
        for p in c.pointages:
            p.jour, p.presence, p.absence  # noqa: B018 — the read is the measure


def _auditer(situation: Situation, derniere: list[Evaluation]) -> None:
    """One audit, its result kept for counting the findings (the previous one freed first,
    inside the timing, as an audit whose result is dropped would free it)."""
    derniere.clear()
    derniere.append(evaluer(situation))


def audit() -> None:
    print(
        "Audit complet d'une académie (tous les constats, tous les échéanciers ; CPU, médiane de 3)"
    )
    mesures: dict[int, float] = {}
    for facteur in FACTEURS:
        taille = Taille(20_000 * facteur, 6_000 * facteur, 15_000 * facteur)
        debut = time.process_time()
        situation = academie(taille, tendu=True)
        generation = time.process_time() - debut
        jours = sum(len(c.pointages) for c in situation.conventions)
        derniere: list[Evaluation] = []
        duree = cpu(partial(_auditer, situation, derniere))
        plancher = cpu(partial(_plancher, situation))
        mesures[facteur] = duree
        constats = Counter(k.code for k in derniere[-1].constats)
        del derniere
        print(
            f"  {facteur:>2}× : {taille.conventions:>7} conventions, {taille.organismes} organismes, "
            f"{taille.etudiants} étudiants, {jours} jours pointés — audit {duree:.2f} s CPU ; "
            f"plancher (lire les jours) {plancher * 1000:.0f} ms, audit = {duree / plancher:.0f}× "
            f"le plancher ; {constats['GRAT_OBLIGATOIRE']} conventions passent {_seuil()} h, "
            f"{constats['QUOTA_DEPASSE']} quotas dépassés (jeu généré en {generation:.1f} s)"
        )
        noter(f"audit_{facteur}x_s", duree)
        noter(f"audit_{facteur}x_plancher_s", plancher)
        noter(f"audit_{facteur}x_sur_plancher_ratio", duree / plancher)
        del situation
    if 1 in mesures:
        for facteur, duree in mesures.items():
            if facteur != 1:
                ratio = duree / mesures[1]
                print(f"  croissance {facteur}× / 1× : {ratio:.2f} (linéaire = {facteur})")
                noter(f"audit_croissance_{facteur}x_ratio", ratio)
                noter(f"audit_croissance_{facteur}x_sur_lineaire_ratio", ratio / facteur)


def main() -> None:
    from bench import cotisations, documents, examens, pages, preparation, simulateur

    with tempfile.TemporaryDirectory() as dossier:
        fragment = Path(dossier) / "fragment.jsonl"
        os.environ[FRAGMENT] = str(fragment)  # the measuring subprocesses inherit it
        parties = (
            audit,
            cotisations.main,
            simulateur.main,
            documents.main,
            preparation.main,
            examens.main,
            pages.main,
        )
        for partie in parties:
            try:
                partie()
            except Exception as exc:  # one broken part must not lose the others' figures
                print(f"  la mesure a échoué : {type(exc).__name__} : {exc}")
        print(f"Chiffres écrits dans {ecrire(fragment)}")


if __name__ == "__main__":
    main()
