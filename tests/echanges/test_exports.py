"""Exports of conventions and students: every field, CSV for French Excel and XLSX, the
list's filters, and a number of queries that does not grow with the rows."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from conventions.models import Statut
from echanges.exports import conventions as export_conventions
from echanges.exports import etudiants as export_etudiants
from etablissement.services import etudiant_archiver
from referentiel.models import Competence, Mission
from tests import fabriques

pytestmark = pytest.mark.django_db


@pytest.fixture
def prof(clients: dict[str, Client]) -> Client:
    return clients["enseignant"]


def telecharger(client: Client, nom: str, format_: str, **filtres: str) -> bytes:
    reponse = client.get(reverse(f"echanges:{nom}", kwargs={"format": format_}), filtres)
    assert reponse.status_code == 200
    if reponse.streaming:
        return b"".join(reponse.streaming_content)  # type: ignore[arg-type]
    return reponse.content


def lire_csv(contenu: bytes) -> list[dict[str, str]]:
    assert contenu.startswith("\ufeff".encode())  # the BOM Excel needs to read UTF-8
    return list(csv.DictReader(io.StringIO(contenu.decode("utf-8-sig")), delimiter=";"))


def lire_xlsx(contenu: bytes) -> list[dict[str, object]]:
    feuille = load_workbook(io.BytesIO(contenu)).worksheets[0]
    rangees = list(feuille.iter_rows(values_only=True))
    return [dict(zip(rangees[0], rangee, strict=True)) for rangee in rangees[1:]]


def convention_complete():
    promo = fabriques.promotion(libelle="NDRC 2025-2027", periodes=False)
    eleve = fabriques.etudiant(
        promotion=promo, nom="Benali", prenom="Inès", ine="123456789AB", classe="NDRC1 A"
    )
    org = fabriques.organisme(raison_sociale="Aquitaine Distribution", naf="47.11F")
    tuteur = fabriques.tuteur(
        organisme=org, nom="Bernard", prenom="Sophie", email="s.b@example.org"
    )
    referent = fabriques.enseignant(nom="Leroy", prenom="Marc", email="m.leroy@example.org")
    missions = list(Mission.objects.order_by("pk")[:2])
    return fabriques.convention(
        etudiant_=eleve,
        organisme_=org,
        tuteur_=tuteur,
        referent=referent,
        periodes=((date(2026, 3, 2), date(2026, 3, 13)), (date(2026, 5, 4), date(2026, 5, 15))),
        poste="Chargée de clientèle",
        minutes_vendredi=210,
        gratification_mode="horaire",
        gratification_montant=Decimal("4.50"),
        gratification_methode="lissee",
        missions=missions,
        competences=list(Competence.objects.order_by("pk")[:1]),
    )


def test_the_csv_of_conventions_has_every_field_flattened(prof: Client) -> None:
    convention = convention_complete()
    org = convention.etablissement_accueil.organisme
    missions = ", ".join(sorted(m.code for m in convention.missions.all()))

    (ligne,) = lire_csv(telecharger(prof, "export_conventions", "csv"))

    assert list(ligne) == [c.titre for c in export_conventions.CHAMPS]
    assert ligne["N°"] == str(convention.pk)
    assert ligne["Statut"] == "Brouillon"
    assert (ligne["Étudiant : nom"], ligne["Étudiant : prénom"], ligne["INE"]) == (
        "Benali",
        "Inès",
        "123456789AB",
    )
    assert (ligne["SIREN"], ligne["Raison sociale"], ligne["NAF"]) == (
        org.siren,
        "Aquitaine Distribution",
        "47.11F",
    )
    assert ligne["SIRET"] == convention.etablissement_accueil.siret
    assert (ligne["Tuteur : nom"], ligne["Tuteur : e-mail"]) == ("Bernard", "s.b@example.org")
    assert (ligne["Référent : nom"], ligne["Référent : prénom"]) == ("Leroy", "Marc")
    assert ligne["Périodes"] == "du 02/03/2026 au 13/03/2026 ; du 04/05/2026 au 15/05/2026"
    assert (ligne["Début"], ligne["Fin"]) == ("02/03/2026", "15/05/2026")
    assert (ligne["Heures le vendredi"], ligne["Heures par semaine"]) == ("3,5", "31,5")
    assert ligne["Présence de nuit"] == "non"
    assert (ligne["Gratification"], ligne["Montant de la gratification (€)"]) == (
        "Montant par heure",
        "4,50",
    )
    assert ligne["Versement de la gratification"] == "Lissée sur la durée"
    assert ligne["Missions"] == missions and ligne["Compétences"]
    assert ligne["Clause 4° : activités confiées au stagiaire"] == fabriques.CLAUSES["activites"]
    assert ligne["Avenants"] == "0"


def test_the_xlsx_of_conventions_has_typed_cells(prof: Client) -> None:
    convention = convention_complete()

    (ligne,) = lire_xlsx(telecharger(prof, "export_conventions", "xlsx"))

    assert list(ligne) == [c.titre for c in export_conventions.CHAMPS]
    assert ligne["N°"] == convention.pk
    assert ligne["Début"] == datetime(2026, 3, 2)
    assert isinstance(ligne["Créée le"], datetime)
    assert ligne["Montant de la gratification (€)"] == 4.5
    assert ligne["Heures par semaine"] == 31.5
    assert ligne["Date de naissance"] == datetime(2006, 3, 15)


def test_exports_follow_the_list_filters(prof: Client) -> None:
    gardee = convention_complete()
    autre = fabriques.convention()
    autre.statut = Statut.ANNULEE
    autre.save()

    par_statut = lire_csv(telecharger(prof, "export_conventions", "csv", statut="brouillon"))
    par_promotion = lire_csv(
        telecharger(prof, "export_conventions", "csv", promotion=str(autre.etudiant.promotion_id))
    )
    par_recherche = lire_csv(telecharger(prof, "export_conventions", "csv", q="aquitaine benali"))

    assert [r["N°"] for r in par_statut] == [str(gardee.pk)]
    assert [r["N°"] for r in par_promotion] == [str(autre.pk)]
    assert [r["N°"] for r in par_recherche] == [str(gardee.pk)]


def test_the_students_export_has_every_field_and_leaves_archived_ones_out(prof: Client) -> None:
    promo = fabriques.promotion(periodes=False)
    ines = fabriques.etudiant(promotion=promo, nom="Benali", prenom="Inès", telephone="0600000000")
    etudiant_archiver(etudiant=fabriques.etudiant(promotion=promo, nom="Parti"))

    lignes = lire_xlsx(telecharger(prof, "export_etudiants", "xlsx", promotion=str(promo.pk)))
    tous = lire_csv(telecharger(prof, "export_etudiants", "csv", archive="tous"))

    assert [r["Nom"] for r in lignes] == ["Benali"]
    assert list(lignes[0]) == [c.titre for c in export_etudiants.CHAMPS]
    assert (lignes[0]["INE"], lignes[0]["Téléphone"], lignes[0]["Archivé"]) == (
        ines.ine,
        "0600000000",
        "non",
    )
    assert {r["Nom"] for r in tous} == {"Benali", "Parti"}


def test_the_students_export_takes_the_list_filters_that_read_the_clock(prof: Client) -> None:
    aujourdhui = timezone.localdate()
    fabriques.etudiant(nom="Majeur")
    fabriques.etudiant(nom="Mineure", date_naissance=aujourdhui - timedelta(days=16 * 365))

    lignes = lire_csv(telecharger(prof, "export_etudiants", "csv", mineur="oui", q="mine"))

    assert [r["Nom"] for r in lignes] == ["Mineure"]


def test_a_text_that_looks_like_a_formula_stays_text(prof: Client) -> None:
    fabriques.convention(organisme_=fabriques.organisme(raison_sociale='=HYPERLINK("http://x")'))

    (ligne_csv,) = lire_csv(telecharger(prof, "export_conventions", "csv"))
    (ligne_xlsx,) = lire_xlsx(telecharger(prof, "export_conventions", "xlsx"))

    assert ligne_csv["Raison sociale"] == '\'=HYPERLINK("http://x")'
    assert ligne_xlsx["Raison sociale"] == '=HYPERLINK("http://x")'  # a text cell, not a formula


def _requetes(client: Client, nom: str, format_: str) -> int:
    with CaptureQueriesContext(connection) as requetes:
        telecharger(client, nom, format_)
    return len(requetes)


@pytest.mark.parametrize("format_", ["csv", "xlsx"])
def test_the_number_of_queries_does_not_grow_with_the_rows(prof: Client, format_: str) -> None:
    org = fabriques.organisme()
    tuteur = fabriques.tuteur(organisme=org)
    promo = fabriques.promotion(periodes=False)
    missions = list(Mission.objects.order_by("pk")[:3])

    def ajouter(nombre: int) -> None:
        for _ in range(nombre):
            fabriques.convention(
                etudiant_=fabriques.etudiant(promotion=promo),
                organisme_=org,
                tuteur_=tuteur,
                missions=missions,
            )

    ajouter(3)
    pour_3 = (
        _requetes(prof, "export_conventions", format_),
        _requetes(prof, "export_etudiants", format_),
    )
    ajouter(27)
    pour_30 = (
        _requetes(prof, "export_conventions", format_),
        _requetes(prof, "export_etudiants", format_),
    )

    assert pour_3 == pour_30
