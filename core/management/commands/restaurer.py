"""`manage.py restaurer FICHIER [--ecraser]`: an archive of `manage.py sauvegarder` put back,
database and documents (core/restauration.py). Stop the application and its workers first."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from core.restauration import restaurer
from core.sauvegarde_lecture import ArchiveInvalide


class Command(BaseCommand):
    help = "Restaure la base de données et les documents depuis une archive de sauvegarde."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("fichier", help="L'archive écrite par manage.py sauvegarder.")
        parser.add_argument(
            "--ecraser",
            action="store_true",
            help="Remplacer les données déjà présentes (elles sont perdues).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            bilan = restaurer(Path(options["fichier"]), ecraser=options["ecraser"])
        except ArchiveInvalide as erreur:
            raise CommandError(str(erreur)) from erreur
        faite = timezone.localtime(datetime.fromisoformat(bilan.date))
        self.stdout.write(
            f"Sauvegarde du {faite:%d/%m/%Y à %H:%M} restaurée : {bilan.lignes} lignes, "
            f"{bilan.fichiers} documents."
        )
