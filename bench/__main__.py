"""`make bench`: the figures of the engine at an académie's scale (printed, never asserted)."""

from __future__ import annotations

import gc
import statistics
import time

from bench.academie import Taille, academie
from regles.evaluation import evaluer


def _chrono(fonction, repetitions: int = 1) -> float:  # type: ignore[no-untyped-def]
    durees = []
    for _ in range(repetitions):
        gc.collect()
        debut = time.perf_counter()
        fonction()
        durees.append(time.perf_counter() - debut)
    return statistics.median(durees)


def audit() -> None:
    print("Audit complet d'une académie (tous les constats, tous les échéanciers)")
    mesures = []
    for facteur, repetitions in ((1, 3), (10, 1)):
        taille = Taille(20_000 * facteur, 6_000 * facteur, 15_000 * facteur)
        debut = time.perf_counter()
        situation = academie(taille)
        generation = time.perf_counter() - debut
        jours = sum(len(c.pointages) for c in situation.conventions)
        duree = _chrono(lambda s=situation: evaluer(s), repetitions)
        mesures.append(duree)
        print(
            f"  {facteur:>2}× : {taille.conventions:>7} conventions, {taille.organismes} organismes, "
            f"{taille.etudiants} étudiants, {jours} jours pointés — audit {duree:.2f} s "
            f"(jeu généré en {generation:.1f} s)"
        )
        del situation
    print(f"  croissance 10× / 1× : {mesures[1] / mesures[0]:.1f} (linéaire = 10)")


def main() -> None:
    from bench import cotisations, documents, examens, pages, preparation, simulateur

    audit()
    cotisations.main()
    simulateur.main()
    documents.main()
    preparation.main()
    examens.main()
    pages.main()


if __name__ == "__main__":
    main()
