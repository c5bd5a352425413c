"""The staff pages say the legal figures of the parameters in force on the page's date: the
stage's first day for a convention, today for a host or a student (the views pass them from
`regles.cadre`, the attestation carries the units it was counted in)."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from comptes.models import Utilisateur
from conventions.models import Statut
from tests import fabriques
from tests.conventions.ecrans import avancer, etudiant_suivi_par

pytestmark = pytest.mark.django_db


def test_a_conventions_page_and_its_log_say_the_units_and_the_threshold(
    administrateur: Utilisateur, enseignant: Utilisateur, clients: dict[str, Client]
) -> None:
    suivi = etudiant_suivi_par(enseignant)
    convention = fabriques.convention(
        etudiant_=suivi,
        periodes=[(date(2026, 3, 2), date(2026, 5, 22))],
        gratification_mode="minimum_legal",
    )
    client = clients["enseignant"]

    page = client.get(reverse("conventions:detail", kwargs={"pk": convention.pk})).content
    texte = page.decode()
    assert "Soit en jours (7 h)" in texte and "Soit en mois (22 jours)" in texte
    assert "plus de 308 h chez cet organisme dans l'année scolaire" in texte

    en_cours = fabriques.convention(
        etudiant_=suivi, periodes=[(date(2026, 6, 1), date(2026, 6, 26))]
    )
    avancer(en_cours, Statut.EN_COURS, administrateur)
    releve = client.get(reverse("conventions:pointages", kwargs={"pk": en_cours.pk}))
    assert "Soit en jours (7 h)" in releve.content.decode()
    assert "Soit en mois (154 h)" in releve.content.decode()


def test_a_hosts_page_and_the_law_page_say_the_quota_and_the_rate(
    clients: dict[str, Client],
) -> None:
    org = fabriques.organisme(raison_sociale="Quai des Affaires", effectif=12)
    with time_machine.travel("2026-03-02 10:00 +01:00"):
        fiche = clients["enseignant"].get(f"/organismes/{org.pk}/").content.decode()
        droit = clients["enseignant"].get("/droit/").content.decode()
    assert (
        "Au plus 3 stagiaires en même temps dans un organisme de moins de 20 personnes, "
        "15 % de l'effectif au-delà" in fiche
    )
    droit = " ".join(droit.split())  # a unit is kept on its number's line by a no-break space
    assert "4,50 € de l&#x27;heure, soit 15 % du plafond horaire de la sécurité sociale" in droit
    assert "3 au plus par semaine civile sous 20 personnes" in droit
