"""`manage.py relances_presence`: one pass of the weekly presence requests to tutors and of
their reminders, alone (espaces/relances_presence.py). The same pass runs in every
`manage.py relances` (settings.RELANCES_AUTRES_PASSES), which also owns the loop
(`--boucle`): one timer for every reminder."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from espaces.relances_presence import passe


class Command(BaseCommand):
    help = "Demande aux tuteurs de confirmer les semaines de présence passées, et les relance."

    def handle(self, *args: Any, **options: Any) -> None:
        le = timezone.now()
        self.stdout.write(f"{timezone.localtime(le):%d/%m/%Y %H:%M} : {passe(le=le)}")
