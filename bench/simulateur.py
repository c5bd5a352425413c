"""`make bench` (public simulator): median server time of « Combien coûte un stagiaire ? »,
from the request to the rendered page (objective < 50 ms), and of its PDF.

Measured in its own process (`python -m bench.simulateur --mesurer`) on a fresh SQLite
database: Django binds its database at start-up, and the simulator reads only the section's
calendar from it."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.mesure import nom, noter

REPETITIONS = 30
OBJECTIF_MS = 50

SEMAINE = {"lundi": "7", "mardi": "7", "mercredi": "7", "jeudi": "7", "vendredi": "7"}
CAS: list[tuple[str, dict[str, str], dict[str, str]]] = [
    ("formulaire vide", {}, {}),
    (
        "un mois, 700 € (S1)",
        {
            **SEMAINE,
            "debut": "02/02/2026",
            "fin": "27/02/2026",
            "effectif": "4",
            "gratification": "mensuelle",
            "montant": "700",
        },
        {},
    ),
    (
        "six mois, minimum légal lissé, quota, stage précédent, été",
        {
            **SEMAINE,
            "debut": "02/03/2026",
            "fin": "14/08/2026",
            "effectif": "45",
            "autres_stagiaires": "2",
            "gratification": "minimum_legal",
            "methode": "lissee",
            "anterieur_debut": "05/01/2026",
            "anterieur_fin": "30/01/2026",
        },
        {},
    ),
    (
        "mise à jour htmx (résultat seul)",
        {**SEMAINE, "debut": "02/03/2026", "fin": "27/03/2026", "effectif": "12"},
        {"HX-Request": "true"},
    ),
]


def _mediane_ms(fonction: Callable[[], object], repetitions: int = REPETITIONS) -> float:
    """Median CPU milliseconds of the request (the machine is shared: CPU, not wall time)."""
    fonction()  # warm the caches (parameters, calendars, templates), as a running server would
    durees = []
    for _ in range(repetitions):
        debut = time.process_time()
        fonction()
        durees.append(time.process_time() - debut)
    return statistics.median(durees) * 1000


def mesurer() -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse

    call_command("migrate", verbosity=0)
    client = Client()
    url = reverse("public:simulateur")
    for libelle, donnees, entetes in CAS:

        def page(donnees: dict[str, str] = donnees, entetes: dict[str, str] = entetes) -> object:
            reponse = client.get(url, donnees, headers=entetes)
            assert reponse.status_code == 200, reponse.status_code
            return reponse

        duree = _mediane_ms(page)
        verdict = "tenu" if duree < OBJECTIF_MS else "DÉPASSÉ"
        print(f"  {libelle} — médiane {duree:.1f} ms CPU (objectif < {OBJECTIF_MS} ms : {verdict})")
        noter(nom("simulateur", libelle, "s"), duree / 1000)
    _, donnees, _ = CAS[2]
    pdf = _mediane_ms(lambda: client.get(reverse("public:simulateur_pdf"), donnees), 5)
    print(f"  PDF de la simulation de six mois — médiane {pdf:.0f} ms CPU (WeasyPrint)")
    noter("simulateur_pdf_s", pdf / 1000)


def main() -> None:
    print("Simulateur public « Combien coûte un stagiaire ? » (temps serveur, SQLite)")
    with tempfile.TemporaryDirectory() as dossier:
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{Path(dossier) / 'simulateur.sqlite3'}",
            "DJANGO_SETTINGS_MODULE": "stages.settings_test",
            "ALLOWED_HOSTS": "testserver",  # the name Django's test client sends
        }
        resultat = subprocess.run(
            [sys.executable, "-m", "bench.simulateur", "--mesurer"], env=env, check=False
        )
    if resultat.returncode:
        print(f"  la mesure a échoué (code {resultat.returncode})")


if __name__ == "__main__":
    if "--mesurer" in sys.argv[1:]:
        mesurer()
    else:
        main()
