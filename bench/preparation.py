"""`python -m bench.preparation`: the readiness of the exam dossiers of 1,000 candidates
(issue 12) — the computation (examens/preparation.py and the rule) and the cohort view —,
CPU time, median of 3 runs, on a throwaway SQLite database. Printed, never asserted."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from bench.mesure import REPETITIONS, cpu, noter

CANDIDATS = int(os.environ.get("BENCH_CANDIDATS", "1000"))


def mesurer() -> None:
    dossier = Path(tempfile.mkdtemp(prefix="stages-bench-preparation-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{dossier / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stages.settings_test")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)

    import time_machine
    from django.test import Client
    from django.urls import reverse

    from comptes.models import Role, Utilisateur
    from examens.models import SessionExamen
    from examens.preparation import preparations_session
    from tests.examens import dossiers

    debut = time.perf_counter()
    promo = dossiers.promotion()
    session = dossiers.session(promo)
    dossiers.clones(dossiers.candidat(promo, nom="Modele"), promo, CANDIDATS - 1)
    # A quarter with a fiche sent back, so that the sort and the filters have work to do.
    from examens.models import Fiche, StatutFiche

    Fiche.objects.filter(etudiant__promotion=promo, etudiant__nom__endswith="1").update(
        statut=StatutFiche.A_CORRIGER
    )
    print(
        f"  jeu : {CANDIDATS} candidats, 2 stages chacun, généré en {time.perf_counter() - debut:.0f} s"
    )

    le = date(2027, 3, 1)
    session = SessionExamen.objects.select_related("promotion").get(pk=session.pk)
    lignes = preparations_session(session, le=le)
    assert len(lignes) == CANDIDATS
    calcul = cpu(lambda: preparations_session(session, le=le))
    print(
        f"  préparation de {CANDIDATS} dossiers (lecture + règle) : CPU {calcul:.2f} s (médiane de {REPETITIONS})"
    )
    noter(f"examens_preparation_{CANDIDATS}_candidats_s", calcul)

    url = reverse("examens:preparation_cohorte", kwargs={"promotion": promo.pk})
    with time_machine.travel(le):
        client = Client()
        client.force_login(
            Utilisateur.objects.create_user(
                email="bench@lycee-eiffel.test", password="x", role=Role.ENSEIGNANT
            )
        )
        reponse = client.get(url)
        assert reponse.status_code == 200, (reponse.status_code, reponse.get("Location"))
        vue = cpu(lambda: client.get(url))
    print(
        f"  page de la promotion ({CANDIDATS} candidats) : CPU {vue:.2f} s (médiane de {REPETITIONS})"
    )
    noter(f"examens_page_promotion_{CANDIDATS}_candidats_s", vue)


def main() -> None:
    print("Préparation des dossiers d'examen E4 / E6")
    sys.stdout.flush()
    # A process of its own: Django is set up on its own throwaway database.
    subprocess.run([sys.executable, "-m", "bench.preparation", "--mesurer"], check=False)


if __name__ == "__main__":
    if "--mesurer" in sys.argv:
        mesurer()
    else:
        main()
