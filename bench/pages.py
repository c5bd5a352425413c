"""`make bench` (back office): median server time of the main pages and of checking one new
convention against all of its host's, on an académie-scale database, SQLite then PostgreSQL.

Each database is measured in its own process (`python -m bench.pages --base NAME`), since
Django binds its database at start-up. The databases come from the environment:
`STAGES_BENCH_SQLITE` (a SQLite URL) and `STAGES_BENCH_POSTGRES` (a PostgreSQL URL, its
database created if missing), each with a default of its own, never the application's."""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from bench.mesure import nom as nom_mesure
from bench.mesure import noter

BASES = {
    "SQLite": os.environ.get(
        "STAGES_BENCH_SQLITE",
        f"sqlite:///{Path(os.environ.get('TMPDIR', '/tmp')) / 'stages-bench.sqlite3'}",
    ),
    "PostgreSQL": os.environ.get(
        "STAGES_BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432/stages_bench"
    ),
}
PAGES = [
    ("tableau de bord", "pilotage:tableau_de_bord", None),
    ("liste des conventions", "conventions:liste", None),
    ("liste des étudiants", "etablissement:etudiants", None),
    ("liste des organismes", "organismes:liste", None),
    ("recherche de conventions", "conventions:liste", {"q": "Entreprise 42"}),
]
REPETITIONS = 15


def _mediane_ms(
    fonction: Callable[[], object], repetitions: int = REPETITIONS, *, nom: str = ""
) -> str:
    """Median wall-clock time, and median CPU time of this process: on a shared machine the
    first waits for the others, the second is what the work costs here (PostgreSQL's own
    work runs in its server, outside it)."""
    fonction()  # warm the caches, as a running server would be
    durees, cpu = [], []
    for _ in range(repetitions):
        debut, debut_cpu = time.perf_counter(), time.process_time()
        fonction()
        durees.append(time.perf_counter() - debut)
        cpu.append(time.process_time() - debut_cpu)
    if nom:
        noter(f"{nom}_mur_s", statistics.median(durees))
        noter(f"{nom}_cpu_s", statistics.median(cpu))
    return (
        f"médiane {statistics.median(durees) * 1000:.1f} ms "
        f"(CPU {statistics.median(cpu) * 1000:.1f} ms)"
    )


def _nom(base: str, libelle: str) -> str:
    """`pages_sqlite_liste_des_conventions`: a figure's name in resultats.json."""
    return nom_mesure("pages", base, libelle)


def mesurer(nom_base: str) -> None:
    import django
    from django.core.management import call_command
    from django.db.models import Count

    django.setup()
    from django.test import Client
    from django.urls import NoReverseMatch, reverse

    from bench.base_academie import EMAIL_ADMIN, peupler
    from comptes.models import Utilisateur
    from conventions.models import Convention
    from conventions.moteur import evaluer_convention
    from conventions.services import PeriodeSaisie, convention_creer

    call_command("migrate", verbosity=0)
    admin = Utilisateur.objects.filter(email=EMAIL_ADMIN).first()
    if admin is None:
        debut = time.perf_counter()
        admin = peupler()
        print(f"  {nom_base} : base remplie en {time.perf_counter() - debut:.0f} s")
    client = Client()
    client.force_login(admin)
    for libelle, nom_url, parametres in PAGES:
        try:
            url = reverse(nom_url)
        except NoReverseMatch:
            print(f"  {nom_base} : {libelle} — page absente, non mesurée")
            continue

        def page(url: str = url, parametres: dict[str, str] | None = parametres) -> object:
            reponse = client.get(url, parametres or {})
            assert reponse.status_code == 200, (url, reponse.status_code)
            return reponse

        mesure = _mediane_ms(page, nom=_nom(nom_base, libelle))
        print(f"  {nom_base} : {libelle} — {mesure} (objectif < 150 ms)")

    # The detail pages, each on its worst case: the host with the most conventions, the
    # student with the most, one of its conventions with a presence log.
    hote = (
        Convention.objects.values("etablissement_accueil__organisme")
        .order_by()
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()
    )
    eleve = (
        Convention.objects.values("etudiant")
        .order_by()
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()
    )
    assert hote is not None and eleve is not None
    journal = Convention.objects.filter(pointages__isnull=False).order_by("pk").first()
    assert journal is not None
    fiches = [
        ("fiche d'un organisme", "organismes:detail", hote["etablissement_accueil__organisme"]),
        ("fiche d'un étudiant", "etablissement:etudiant", eleve["etudiant"]),
        ("fiche d'une convention", "conventions:detail", journal.pk),
        ("relevé de présence", "conventions:pointages", journal.pk),
    ]
    for libelle, nom_url, pk in fiches:
        url = reverse(nom_url, kwargs={"pk": pk})

        def fiche(url: str = url) -> object:
            reponse = client.get(url)
            assert reponse.status_code == 200, (url, reponse.status_code)
            return reponse

        mesure = _mediane_ms(fiche, nom=_nom(nom_base, libelle))
        print(f"  {nom_base} : {libelle} — {mesure} (objectif < 150 ms)")

    # The host with the most conventions: the worst case for a new convention's check.
    plus_grand = (
        Convention.objects.values("etablissement_accueil")
        .order_by()
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()
    )
    assert plus_grand is not None
    modele = Convention.objects.filter(
        etablissement_accueil=plus_grand["etablissement_accueil"]
    ).first()
    assert modele is not None
    nouvelle = convention_creer(
        auteur=admin,
        etudiant=modele.etudiant,
        etablissement_accueil=modele.etablissement_accueil,
        tuteur=modele.tuteur,
        referent=modele.referent,
        contenus=modele.contenus,
        periodes=[PeriodeSaisie(date(2026, 11, 16), date(2026, 12, 11))],
    )
    duree = _mediane_ms(
        lambda: evaluer_convention(nouvelle), nom=_nom(nom_base, "verifier une convention")
    )
    print(
        f"  {nom_base} : vérifier une nouvelle convention contre les {plus_grand['n']} de son "
        f"organisme — {duree} (objectif < 20 ms)"
    )
    nouvelle.evenements.all().delete()  # its audit trail protects it: a bench's throwaway
    nouvelle.delete()


def main() -> None:
    print(
        "Back-office à l'échelle d'une académie (12 000 étudiants, 20 000 conventions, présence quotidienne)"
    )
    for nom, url in BASES.items():
        env = {
            **os.environ,
            "DATABASE_URL": url,
            "DJANGO_SETTINGS_MODULE": "stages.settings_test",
            "ALLOWED_HOSTS": "testserver",  # Django's test client, outside the test runner
        }
        if nom == "PostgreSQL":
            adresse = urlsplit(url)
            subprocess.run(
                [
                    "psql",
                    "-h",
                    adresse.hostname or "127.0.0.1",
                    "-p",
                    str(adresse.port or 5432),
                    "-U",
                    adresse.username or "postgres",
                    "-d",
                    "postgres",
                    "-qc",
                    f'CREATE DATABASE "{adresse.path.strip("/")}"',
                ],
                capture_output=True,
                check=False,  # already there: reuse it
            )
        resultat = subprocess.run(
            [sys.executable, "-m", "bench.pages", "--base", nom], env=env, check=False
        )
        if resultat.returncode:
            print(f"  {nom} : la mesure a échoué (code {resultat.returncode})")


if __name__ == "__main__":
    arguments = argparse.ArgumentParser()
    arguments.add_argument("--base", choices=list(BASES))
    choix = arguments.parse_args()
    if choix.base:
        mesurer(choix.base)
    else:
        main()
