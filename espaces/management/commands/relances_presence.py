"""`manage.py relances_presence`: one pass of the weekly presence requests to tutors and of
their reminders at the present moment (espaces/relances_presence.py). Run it next to
`manage.py relances`, by the same timer (once a day: a week is asked for on the Monday after
it ends); `--boucle SECONDES` runs a pass every SECONDES seconds until stopped."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from espaces.relances_presence import relances_presence_envoyer


class Command(BaseCommand):
    help = "Demande aux tuteurs de confirmer les semaines de présence passées, et les relance."

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
                bilan = relances_presence_envoyer(le=le)
            except Exception as erreur:
                if not intervalle:
                    raise
                self.stderr.write(
                    f"Présence : passe en échec ({erreur!r}), nouvel essai plus tard."
                )
            else:
                self.stdout.write(
                    f"{timezone.localtime(le):%d/%m/%Y %H:%M} : {bilan.demandes} demande(s) de "
                    f"confirmation de présence, {bilan.rappels} rappel(s)."
                )
            if not intervalle:
                return
            try:
                time.sleep(intervalle)
            except KeyboardInterrupt:
                return
