"""The student's log from « Mon stage »: add, change and delete an entry; the law of an entry
(dates inside a period, not to come, a week at most, a bounded text) in French on the form;
nothing of another student reachable; the coverage page follows the log."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from comptes.models import Utilisateur
from conventions.models import Convention
from journal.models import EntreeJournal
from tests.journal import outils

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_etudiant(clients: dict[str, Client], etudiant: Utilisateur) -> Client:
    outils.etudiant_de(etudiant)
    return clients["etudiant"]


def _champs(c: Convention, **autres: object) -> dict[str, object]:
    hier = outils.aujourdhui() - timedelta(days=1)
    return {
        "convention": c.pk,
        "date_debut": hier.isoformat(),
        "date_fin": "",
        "activites": "Accueil des clients au comptoir, trois devis relancés.",
        **autres,
    }


def test_the_student_adds_changes_and_deletes_an_entry(
    client_etudiant: Client, etudiant: Utilisateur, django_capture_on_commit_callbacks: Any
) -> None:
    c = outils.stage(etudiant=etudiant.etudiant)
    b12 = outils.competence("B1.2")
    relances = outils.mission("SERVIR_CLIENT.RELANCES")
    page = client_etudiant.get(reverse("journal:ajouter"))
    assert page.status_code == 200
    for choix in ("²", "9" * 40, "-1", str(c.pk)):  # a hand-edited address is no 500
        reponse = client_etudiant.get(reverse("journal:ajouter"), {"convention": choix})
        assert reponse.status_code == 200
    reponse = client_etudiant.post(
        reverse("journal:ajouter"),
        _champs(c, competences=[b12.pk], missions=[relances.pk]),
    )
    assert reponse.status_code == 302
    entree = EntreeJournal.objects.get()
    assert entree.convention == c and entree.date_fin == entree.date_debut
    assert list(entree.competences.all()) == [b12]
    assert list(entree.missions.all()) == [relances]
    liste = client_etudiant.get(reverse("journal:liste")).content.decode()
    assert "trois devis relancés" in liste and "Pas encore contresignée" in liste

    reponse = client_etudiant.post(
        reverse("journal:modifier", args=[entree.pk]),
        _champs(c, activites="Salon de l'habitat : accueil du stand.", competences=[]),
    )
    assert reponse.status_code == 302
    entree.refresh_from_db()
    assert entree.activites == "Salon de l'habitat : accueil du stand."
    assert not entree.competences.exists()

    # Deleted with its attachments, their files gone once the deletion is committed.
    envoi = SimpleUploadedFile("devis.pdf", outils.PDF, content_type="application/pdf")
    client_etudiant.post(reverse("journal:piece_ajouter", args=[entree.pk]), {"fichier": envoi})
    chemin = Path(entree.pieces.get().fichier.path)
    assert chemin.exists()
    with django_capture_on_commit_callbacks(execute=True):
        reponse = client_etudiant.post(reverse("journal:supprimer", args=[entree.pk]))
    assert reponse.status_code == 302
    assert not EntreeJournal.objects.exists() and not chemin.exists()


@pytest.mark.parametrize(
    ("champs", "message"),
    [
        ({"date_debut": "+30"}, "Ce jour n&#x27;est pas encore passé"),
        ({"date_debut": "-60"}, "Ces dates sortent des périodes de stage"),
        ({"date_fin": "+0", "date_debut": "-9"}, "un jour ou une semaine : 7 jours au plus"),
        ({"date_fin": "-3", "date_debut": "-1"}, "La fin doit suivre le début."),
        ({"date_debut": "9999-12-31"}, "La date doit être comprise entre"),
        ({"date_debut": "hier"}, "Saisissez une date"),
        ({"activites": "   "}, "Dites ce que vous avez fait."),
        ({"activites": "x" * 4001}, "4000 caractères"),
    ],
)
def test_a_wrong_entry_is_refused_in_french(
    client_etudiant: Client, etudiant: Utilisateur, champs: dict[str, str], message: str
) -> None:
    c = outils.stage(etudiant=etudiant.etudiant)
    jour = outils.aujourdhui()
    donnees = _champs(c)
    for cle, valeur in champs.items():
        if valeur[:1] in "+-" and valeur[1:].isdigit():
            valeur = (jour + timedelta(days=int(valeur))).isoformat()
        donnees[cle] = valeur
    reponse = client_etudiant.post(reverse("journal:ajouter"), donnees)
    assert reponse.status_code == 400
    assert message in reponse.content.decode()
    assert not EntreeJournal.objects.exists()


def test_another_students_entry_is_not_found(
    client_etudiant: Client, etudiant: Utilisateur
) -> None:
    outils.stage(etudiant=etudiant.etudiant)
    autre = outils.entree(outils.stage())
    for nom in ("journal:modifier", "journal:supprimer", "journal:piece_ajouter"):
        methode = client_etudiant.get if nom == "journal:modifier" else client_etudiant.post
        assert methode(reverse(nom, args=[autre.pk])).status_code == 404, nom
    # Nor can a convention of another student be chosen for a new entry.
    reponse = client_etudiant.post(reverse("journal:ajouter"), _champs(autre.convention))
    assert reponse.status_code == 400
    assert EntreeJournal.objects.count() == 1


def test_a_draft_convention_has_no_log_yet(client_etudiant: Client, etudiant: Utilisateur) -> None:
    from conventions.models import Statut

    outils.stage(etudiant=etudiant.etudiant, statut=Statut.BROUILLON)
    reponse = client_etudiant.get(reverse("journal:ajouter"))
    assert reponse.status_code == 302 and reponse["Location"] == reverse("journal:liste")


def test_the_coverage_page_follows_the_log(client_etudiant: Client, etudiant: Utilisateur) -> None:
    c = outils.stage(etudiant=etudiant.etudiant)
    avant = client_etudiant.get(reverse("journal:couverture")).content.decode()
    assert "Aucune activité pour B1.3 Organiser et animer un évènement commercial" in avant
    outils.entree(c, competences=("B1.3",))
    apres = client_etudiant.get(reverse("journal:couverture")).content.decode()
    assert "Aucune activité pour B1.3" not in apres
    assert "Aucune activité pour B2.3" in apres and "Il reste du stage jusqu" in apres
