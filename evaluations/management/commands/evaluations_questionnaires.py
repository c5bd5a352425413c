"""`manage.py evaluations_questionnaires`: publish the section's default forms (version 1,
evaluations/defauts.py) for every kind that has none. The data migration does it at
installation; this puts them back on a database where they were removed."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from evaluations.services import questionnaires_par_defaut


class Command(BaseCommand):
    help = "Publie les formulaires d'évaluation par défaut qui manquent."

    def handle(self, *args: Any, **options: Any) -> None:
        crees = questionnaires_par_defaut(le=timezone.now())
        self.stdout.write(f"{crees} formulaire(s) d'évaluation publié(s).")
