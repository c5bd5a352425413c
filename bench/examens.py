"""`python -m bench.examens`: the commission's pack of a cohort of 30 candidates (each: two
attestations, one signed; two E4 fiches, one with its annex; three E6 fiches), built as the
worker builds it (examens.pack.executer), on a throwaway SQLite database, files in a temporary
MEDIA_ROOT. CPU time of the process, median of 3 runs. Printed, never asserted."""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.mesure import noter

CANDIDATS = 30
RUNS = 3


def mesurer() -> None:
    dossier = Path(tempfile.mkdtemp(prefix="stages-bench-examens-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{dossier / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stages.settings_test")
    import django
    from django.conf import settings
    from django.core.management import call_command

    django.setup()
    settings.MEDIA_ROOT = dossier / "media"
    call_command("migrate", verbosity=0)

    from django.utils import timezone

    from demo.lycee import lycee_creer
    from documents.models import Document, objet_periode
    from examens import pack
    from examens.models import EtatPack, Pack
    from tests import fabriques
    from tests.examens import fabriques_examens as fx

    lycee_creer()
    session = fx.session()
    # The first candidate's dossier is built for real; the others' attestations are rows
    # naming the same two stored PDFs (the bench measures the pack, not the attestations).
    modele = pack.attestations(fx.dossier_complet(session, "Candidat00"))
    annexe = fx.pdf_texte("Présentation de l'offre")
    for i in range(CANDIDATS):
        if i:
            eleve = fx.candidat(session, f"Candidat{i:02d}")
            for doc in modele:
                c = fabriques.convention(etudiant_=eleve)
                Document.objects.create(
                    convention=c,
                    type=doc.type,
                    objet=objet_periode(c.periodes.get().pk),
                    version=1,
                    modele=doc.modele,
                    fichier=doc.fichier.name,
                    fichier_signe=doc.fichier_signe.name,
                    sha256=doc.sha256,
                )
            fx.fiche(eleve, "E4_NEGO", 1, annexe=annexe)
            fx.fiche(eleve, "E4_EVENEMENT", 2, titre="Salon de l'habitat")
            fx.fiche(eleve, "E6_PARTENAIRES", 1, titre="Animation du réseau")
        eleve = pack.candidats(session).get(nom=f"Candidat{i:02d}")
        fx.fiche(eleve, "E6_DISTRIBUTEURS", 2, titre="Réseau de distributeurs")
        fx.fiche(eleve, "E6_VENTE_DIRECTE", 3, titre="Vente directe")
    premier = pack.pack_candidat(pack.candidats(session).first(), session)  # type: ignore[arg-type]
    pages = premier.pages
    durees, murs = [], []
    for _ in range(RUNS):
        p = Pack.objects.create(session=session, demande_le=timezone.now())
        chrono, cpu = time.perf_counter(), time.process_time()
        pack.executer(p.pk)
        durees.append(time.process_time() - cpu)
        murs.append(time.perf_counter() - chrono)
        p.refresh_from_db()
        assert p.etat == EtatPack.TERMINE, p.erreur
    print(
        f"  pack d'une promotion de {CANDIDATS} candidats (ZIP de {CANDIDATS} PDF de "
        f"{pages} pages) : CPU {statistics.median(durees):.1f} s (médiane de {RUNS}), "
        f"{statistics.median(murs):.1f} s écoulées"
    )
    noter(f"examens_pack_{CANDIDATS}_candidats_s", statistics.median(durees))


def main() -> None:
    print("Dossiers d'examen : le pack de la commission")
    sys.stdout.flush()
    mesurer()


if __name__ == "__main__":
    main()
