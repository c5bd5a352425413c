"""`manage.py demo`: load the section's demo into an empty database and print its logins;
run again, only print them; `--reinitialiser` wipes the demo and builds it again."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone

from conventions.models import Statut
from demo.donnees import (
    DemoImpossible,
    cas_a_voir,
    conventions_demo,
    demo_charger,
    demo_reinitialiser,
    identifiants,
)
from demo.examens import sessions_a_voir


class Command(BaseCommand):
    help = (
        "Charge la démonstration de la section BTS NDRC (données fictives) et affiche ses comptes."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--reinitialiser",
            action="store_true",
            help="Efface les données de la démonstration et les reconstruit.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        debut = time.perf_counter()
        try:
            cas = demo_reinitialiser() if options["reinitialiser"] else demo_charger()
        except DemoImpossible as exc:
            raise CommandError(str(exc)) from exc
        if cas is None:
            self.stdout.write(
                "La démonstration est déjà chargée (--reinitialiser pour la reconstruire)."
            )
        else:
            duree = f"{time.perf_counter() - debut:.1f}".replace(".", ",")
            self.stdout.write(self.style.SUCCESS(f"Démonstration chargée en {duree} s."))
            self._resume()
        self._cas()
        self._dossiers()
        self._identifiants()

    def _resume(self) -> None:
        libelles = dict(Statut.choices)
        comptes = dict(conventions_demo().values_list("statut").annotate(n=Count("pk")).order_by())
        detail = ", ".join(
            f"{libelles[s].lower()} {comptes[s]}" for s in Statut.values if s in comptes
        )
        self.stdout.write(f"Conventions : {sum(comptes.values())} ({detail}).")

    def _cas(self) -> None:
        self.stdout.write("")
        self.stdout.write("À voir d'abord :")
        for cas in cas_a_voir():
            c = cas.convention
            adresse = reverse("conventions:detail", args=[c.pk])
            self.stdout.write(
                f"  {adresse:<18} {cas.libelle} — {c.etudiant}, "
                f"{c.etablissement_accueil.organisme.raison_sociale}, "
                f"{c.get_statut_display().lower()}"
            )

    def _dossiers(self) -> None:
        self.stdout.write("")
        self.stdout.write("Dossiers d'examen :")
        for adresse, texte in sessions_a_voir(timezone.localdate()):
            self.stdout.write(f"  {adresse:<36} {texte}")

    def _identifiants(self) -> None:
        lignes = identifiants()
        largeur = max(len(i.email) for i in lignes)
        self.stdout.write("")
        self.stdout.write("Comptes de démonstration (se connecter sur /connexion/) :")
        for i in lignes:
            self.stdout.write(f"  {i.email:<{largeur}}  {i.mot_de_passe:<20}  {i.role} — {i.qui}")
