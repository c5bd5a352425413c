"""`manage.py relances`: one pass of the reminders and attestation requests at the present
moment (documents/relances.py); `--boucle SECONDES` runs a pass every SECONDES seconds until
stopped (`make run` starts it that way next to the server). In production, a timer runs
one pass a day or an hour (README, « Relances »). After its own, it runs the passes named
in settings.RELANCES_AUTRES_PASSES (the evaluations' requests and reminders)."""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone
from django.utils.module_loading import import_string

from documents.relances import relances_envoyer


class Command(BaseCommand):
    help = "Relance les signataires qui n'ont pas signé et demande les attestations dues."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--boucle",
            type=int,
            metavar="SECONDES",
            help="Recommence toutes les SECONDES secondes, jusqu'à l'arrêt (Ctrl-C).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        intervalle = options["boucle"]
        while True:
            le = timezone.now()
            try:
                bilan = relances_envoyer(le=le)
            except Exception as erreur:
                if not intervalle:
                    raise
                # In the loop, a failing pass (mail server down) is told and tried again.
                self.stderr.write(
                    f"Relances : passe en échec ({erreur!r}), nouvel essai plus tard."
                )
            else:
                self.stdout.write(
                    f"{timezone.localtime(le):%d/%m/%Y %H:%M} : {bilan.relances} relance(s) de "
                    f"signature, {bilan.attestations} demande(s) d'attestation."
                )
                # The passes of the apps above documents (evaluations…), named in settings.
                for chemin in getattr(settings, "RELANCES_AUTRES_PASSES", ()):
                    self.stdout.write(import_string(chemin)(le=le))
            if not intervalle:
                return
            try:
                time.sleep(intervalle)
            except KeyboardInterrupt:
                return
