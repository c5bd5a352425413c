"""`manage.py documents_orphelins`: lists the files under media/documents/ that no document
nor paper copy references (left by a crash between writing a PDF and committing its row);
`--supprimer` deletes them. Files written in the last hour are left alone (a write may be in
progress). Safe to run from a daily timer."""

from __future__ import annotations

from typing import Any

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from documents.fichiers import orphelins


class Command(BaseCommand):
    help = "Liste (ou supprime avec --supprimer) les fichiers de documents qu'aucune ligne ne cite."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--supprimer", action="store_true", help="Supprime les fichiers orphelins trouvés."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        trouves = orphelins(le=timezone.now())
        for nom in trouves:
            if options["supprimer"]:
                default_storage.delete(nom)
            self.stdout.write(nom)
        verbe = "supprimé(s)" if options["supprimer"] else "trouvé(s)"
        self.stdout.write(f"{len(trouves)} fichier(s) orphelin(s) {verbe}.")
