"""Importing a list of host organisations: checksums, an existing SIREN reused, all or nothing."""

from __future__ import annotations

from datetime import date

import pytest

from echanges.imports import organismes
from echanges.imports.bilan import Action
from echanges.imports.lecture import lire
from organismes.models import EffectifMensuel, EtablissementAccueil, OrganismeAccueil, Tuteur
from tests import fabriques
from tests.echanges.fichiers import csv_octets, xlsx_octets

pytestmark = pytest.mark.django_db

ENTETE = [
    "SIRET",
    "Raison sociale",
    "Code NAF",
    "Adresse",
    "Code postal",
    "Ville",
    "Effectif",
    "Nom du tuteur",
    "Prénom du tuteur",
    "E-mail du tuteur",
]
AVRIL = date(2026, 4, 30)


def importer(contenu: bytes, *, enregistrer: bool = True):
    tableau = lire(contenu, organismes.COLONNES, organismes.EXIGENCES)
    return organismes.organismes_importer(
        tableau=tableau, effectif_au=AVRIL, enregistrer=enregistrer
    )


def test_it_creates_hosts_sites_headcounts_and_tutors() -> None:
    siren = fabriques.siren_valide()
    rangees = [
        ENTETE,
        [fabriques.siret_valide(siren, 1), "Aquitaine Distribution", "4711f", "12 quai des Chartrons",
         "33000", "Bordeaux", "12", "Bernard", "Sophie", "s.bernard@example.org"],
        [fabriques.siret_valide(siren, 2), "Aquitaine Distribution", "47.11F", "3 cours Gambetta",
         "33400", "Talence", "12", "", "", ""],
    ]  # fmt: skip

    bilan = importer(csv_octets(rangees))

    assert bilan.valide, [str(r) for r in bilan.rejets]
    assert [o.action for o in bilan.operations] == [Action.CREATION, Action.MISE_A_JOUR]
    assert bilan.operations[1].details[0] == "organisme créé ligne 2"
    organisme = OrganismeAccueil.objects.get(siren=siren)
    assert (organisme.raison_sociale, organisme.naf) == ("Aquitaine Distribution", "47.11F")
    assert sorted(organisme.etablissements.values_list("ville", flat=True)) == [
        "Bordeaux",
        "Talence",
    ]
    assert EffectifMensuel.objects.get(organisme=organisme).mois == date(2026, 4, 1)
    assert str(Tuteur.objects.get(organisme=organisme)) == "Sophie Bernard"


def test_a_wrong_siret_checksum_is_rejected_with_its_line() -> None:
    siren = fabriques.siren_valide()
    bon = fabriques.siret_valide(siren, 1)
    faux = bon[:-1] + str((int(bon[-1]) + 1) % 10)
    rangees = [
        ["SIRET", "Raison sociale", "Adresse", "Ville"],
        [bon, "Aquitaine Distribution", "12 quai des Chartrons", "Bordeaux"],
        [faux, "Garonne Conseil", "1 place de la Bourse", "Bordeaux"],
    ]

    bilan = importer(csv_octets(rangees))

    assert [str(r) for r in bilan.rejets] == [
        f"Ligne 3, colonne « SIRET » : Le SIRET « {faux} » est erroné : sa clé de contrôle ne "
        "correspond pas. Vérifiez-le sur l'annuaire des entreprises."
    ]
    assert not OrganismeAccueil.objects.exists()  # the good row was not written either


def test_an_existing_siren_is_reused_and_gets_its_new_siret() -> None:
    organisme = fabriques.organisme(raison_sociale="Aquitaine Distribution", effectif=None)
    connu = organisme.etablissements.get()
    nouveau = fabriques.siret_valide(organisme.siren, 7)
    rangees = [
        ["N° SIRET", "Dénomination", "Adresse", "CP", "Commune"],
        [nouveau, "AQUITAINE DISTRIBUTION SAS", "3 cours Gambetta", 33400, "Talence"],
        [connu.siret, "Aquitaine Distribution", "12 quai des Chartrons", "33000", "Bordeaux"],
    ]

    bilan = importer(xlsx_octets(rangees))

    assert bilan.valide, [str(r) for r in bilan.rejets]
    assert [(o.action, o.details) for o in bilan.operations] == [
        (Action.MISE_A_JOUR, ("organisme déjà connu", f"nouvel établissement {nouveau}")),
        (Action.INCHANGE, ("organisme déjà connu", f"établissement {connu.siret} déjà connu")),
    ]
    assert OrganismeAccueil.objects.count() == 1
    organisme.refresh_from_db()
    assert organisme.raison_sociale == "Aquitaine Distribution"  # reused as it is
    assert EtablissementAccueil.objects.get(siret=nouveau).organisme == organisme


def test_siren_only_rows_and_a_siren_that_contradicts_the_siret() -> None:
    siren = fabriques.siren_valide()
    autre = fabriques.siren_valide()
    rangees = [
        ["SIREN", "SIRET", "Raison sociale", "Adresse", "Ville"],
        [siren, "", "Garonne Conseil", "", "Bordeaux"],
        [autre, fabriques.siret_valide(siren, 2), "Garonne Conseil", "1 rue X", "Bordeaux"],
        ["", "", "Sans numéro", "", ""],
    ]

    bilan = importer(csv_octets(rangees))

    assert [str(r) for r in bilan.rejets] == [
        f"Ligne 3, colonne « SIRET » : {fabriques.siret_valide(siren, 2)} ne commence pas par le "
        f"SIREN {autre}.",
        "Ligne 4, colonne « SIRET » : indiquez le SIRET de l'établissement ou le SIREN.",
    ]


def test_a_site_without_address_is_refused_by_the_model_under_its_column() -> None:
    siren = fabriques.siren_valide()
    rangees = [
        ["SIRET", "Raison sociale", "Ville"],
        [fabriques.siret_valide(siren), "Garonne", "Pau"],
    ]

    bilan = importer(csv_octets(rangees))

    assert [r.ligne for r in bilan.rejets] == [2]
    assert bilan.rejets[0].problemes[0].colonne == "adresse"


def test_a_known_tutor_is_not_added_twice_and_a_headcount_is_corrected() -> None:
    organisme = fabriques.organisme(effectif=None)
    fabriques.tuteur(organisme=organisme, nom="Bernard", prenom="Sophie", email="s.b@example.org")
    EffectifMensuel.objects.create(organisme=organisme, mois=date(2026, 4, 1), personnes=10)
    rangees = [
        ["SIREN", "Raison sociale", "Effectif", "Tuteur nom", "Tuteur prénom", "Tuteur e-mail"],
        [organisme.siren, "X", "14", "BERNARD", "Sophie", ""],
    ]

    bilan = importer(csv_octets(rangees))

    assert bilan.operations[0].action == Action.MISE_A_JOUR
    assert bilan.operations[0].details[1:] == (
        "effectif de 04/2026 : 10 → 14",
        "tuteur déjà connu : Sophie Bernard",
    )
    assert Tuteur.objects.filter(organisme=organisme).count() == 1
    # The host's history says the figure was imported (the headcount display reads it).
    assert organisme.evenements.get().donnees["origine"] == "import"
