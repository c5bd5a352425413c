"""`manage.py sauvegarder FICHIER`: the database and the documents in one archive (tar.gz) with
its manifest (core/sauvegarde.py). FICHIER a directory: a dated archive inside it,
`stages-AAAAMMJJ-HHMMSS.tar.gz`, and `--garder N` keeps the N most recent of them there
(the systemd timer of the README)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from core.sauvegarde import sauvegarder

PREFIXE = "stages-"
SUFFIXE = ".tar.gz"


class Command(BaseCommand):
    help = "Sauvegarde la base de données et les documents dans une archive tar.gz."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("fichier", help="L'archive à écrire, ou le dossier où la dater.")
        parser.add_argument(
            "--garder",
            type=int,
            metavar="N",
            help="Dans un dossier : ne garder que les N sauvegardes datées les plus récentes.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        le = timezone.now()
        destination = Path(options["fichier"])
        dossier = destination.is_dir()
        if dossier:
            date = timezone.localtime(le).strftime("%Y%m%d-%H%M%S")
            destination = destination / f"{PREFIXE}{date}{SUFFIXE}"
        elif not destination.parent.is_dir():
            raise CommandError(f"Le dossier « {destination.parent} » n'existe pas.")
        garder = options["garder"]
        if garder is not None and (not dossier or garder < 1):
            raise CommandError("--garder N (N au moins 1) ne vaut qu'avec un dossier.")
        bilan = sauvegarder(destination, le)
        self.stdout.write(
            f"Sauvegarde écrite : {bilan.chemin} ({bilan.lignes} lignes, "
            f"{bilan.fichiers} documents)."
        )
        if garder:
            datees = sorted(destination.parent.glob(f"{PREFIXE}*{SUFFIXE}"))
            for ancienne in datees[:-garder]:
                ancienne.unlink()
                self.stdout.write(f"Ancienne sauvegarde effacée : {ancienne.name}")
