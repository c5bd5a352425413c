"""`python -m bench.documents`: time to generate one convention PDF and 100 attestations
(targets: under 1 s and under 30 s), on a throwaway SQLite database, PDFs in a temporary
MEDIA_ROOT. Printed, never asserted."""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

from bench.mesure import cpu, noter


def mesurer() -> None:
    dossier = Path(tempfile.mkdtemp(prefix="stages-bench-documents-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{dossier / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stages.settings_test")
    import django
    from django.conf import settings
    from django.core.management import call_command

    django.setup()
    settings.MEDIA_ROOT = dossier / "media"
    call_command("migrate", verbosity=0)

    from conventions.services import pointage_enregistrer
    from documents.services import attestation_pdf_generer, convention_pdf_generer
    from tests import fabriques

    debut, fin = date(2026, 3, 2), date(2026, 4, 24)
    convention = fabriques.convention(
        statut="en_cours",  # the presence log is kept while the stage happens
        periodes=((debut, fin),),
        contenus={**fabriques.CLAUSES, "conges": "Selon L124-13"},
    )
    jour = debut
    while jour <= fin:
        if jour.weekday() < 5:
            pointage_enregistrer(
                convention=convention, jour=jour, minutes_presence=420, auteur=None
            )
        jour += timedelta(days=1)
    le = date(2026, 4, 27)
    convention_pdf_generer(convention=convention, auteur=None, le=le)  # fonts, templates: warm

    # The process's CPU time, median of three runs: on a shared machine the wall clock waits
    # for the others, the CPU time is what the work costs.
    une = cpu(lambda: convention_pdf_generer(convention=convention, auteur=None, le=le))
    print(f"  une convention (moteur + PDF + stockage) : {une:.2f} s CPU (objectif < 1 s)")
    noter("documents_convention_pdf_s", une)

    periode = convention.periodes.get()

    def attestations() -> None:
        for _ in range(100):
            attestation_pdf_generer(periode=periode, auteur=None, le=le)

    cent = cpu(attestations)
    print(f"  100 attestations de 280 h pointées : {cent:.1f} s CPU (objectif < 30 s)")
    noter("documents_100_attestations_s", cent)


def main() -> None:
    print("Documents PDF (WeasyPrint)")
    sys.stdout.flush()
    mesurer()


if __name__ == "__main__":
    main()
