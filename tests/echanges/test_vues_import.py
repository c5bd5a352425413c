"""The import pages: upload, preview (nothing written), confirm (all or nothing)."""

from __future__ import annotations

import re

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from comptes.models import Role
from comptes.services import utilisateur_creer
from echanges.forms import TAILLE_MAX
from echanges.models import Depot
from etablissement.models import Etudiant
from organismes.models import OrganismeAccueil
from tests import fabriques
from tests.echanges.fichiers import csv_octets, depot
from tests.personas import MOT_DE_PASSE

pytestmark = pytest.mark.django_db

URL = reverse("echanges:import_etudiants")
CONFIRMER = reverse("echanges:import_etudiants_confirmer")
CLASSE = [
    ["Nom", "Prénom", "Date de naissance", "INE"],
    ["Martin", "Lucas", "15/03/2006", "123456789AA"],
    ["Benali", "Inès", "02/01/2007", "123456789AB"],
]


@pytest.fixture
def admin(clients: dict[str, Client]) -> Client:
    return clients["administrateur"]


def deposer(client: Client, contenu: bytes, promotion, nom: str = "classe.csv"):
    return client.post(URL, {"promotion": promotion.pk, "fichier": depot(contenu, nom)})


def jeton_de(reponse) -> str:
    trouve = re.search(r'name="jeton" value="([^"]+)"', reponse.content.decode())
    assert trouve, "the preview has no confirm form"
    return trouve.group(1)


def messages_de(reponse) -> list[str]:
    return [str(m) for m in get_messages(reponse.wsgi_request)]


def test_it_previews_without_writing_then_imports_on_confirmation(admin: Client) -> None:
    promo = fabriques.promotion(periodes=False)

    apercu = deposer(admin, csv_octets(CLASSE), promo)

    assert apercu.status_code == 200
    page = apercu.content.decode()
    assert "Aperçu de l'import" in page and "Rien n'est encore écrit" in page
    assert "Martin" in page and "Benali" in page and "Création" in page
    assert Etudiant.objects.count() == 0

    fin = admin.post(CONFIRMER, {"jeton": jeton_de(apercu)})

    assert fin.status_code == 302 and fin["Location"] == URL
    assert set(Etudiant.objects.values_list("ine", flat=True)) == {"123456789AA", "123456789AB"}
    assert messages_de(fin) == [
        "Import du fichier « classe.csv » terminé : 2 créations, 0 mise à jour, "
        "0 ligne sans changement."
    ]
    assert Depot.objects.get().contenu == b""  # the kept file is dropped


def test_a_second_confirmation_writes_nothing(admin: Client) -> None:
    promo = fabriques.promotion(periodes=False)
    jeton = jeton_de(deposer(admin, csv_octets(CLASSE), promo))
    admin.post(CONFIRMER, {"jeton": jeton})

    encore = admin.post(CONFIRMER, {"jeton": jeton})

    assert encore.status_code == 302
    assert messages_de(encore)[-1] == (
        "Cet aperçu a déjà été importé : rien n'a été écrit une seconde fois."
    )
    assert Etudiant.objects.count() == 2


def test_a_newer_preview_replaces_the_older_one(admin: Client) -> None:
    promo = fabriques.promotion(periodes=False)
    ancien = jeton_de(deposer(admin, csv_octets(CLASSE), promo))
    nouveau = jeton_de(deposer(admin, csv_octets(CLASSE[:2]), promo))

    perime = admin.post(CONFIRMER, {"jeton": ancien})

    assert "remplacé par un autre" in messages_de(perime)[-1]
    assert Etudiant.objects.count() == 0
    admin.post(CONFIRMER, {"jeton": nouveau})
    assert list(Etudiant.objects.values_list("nom", flat=True)) == ["Martin"]


def test_a_rejected_file_comes_back_to_the_form_with_the_promotion_kept(admin: Client) -> None:
    promo = fabriques.promotion(periodes=False)
    mauvais = [*CLASSE, ["Durand", "Léa", "31/02/2007", ""]]

    reponse = deposer(admin, csv_octets(mauvais), promo)

    page = reponse.content.decode()
    assert reponse.status_code == 200
    assert "Rien n'a été importé : 1 ligne du fichier « classe.csv » est refusée" in page
    assert "Ligne 4, colonne « date de naissance » : 31/02/2007 n&#x27;est pas une date." in page
    assert f'<option value="{promo.pk}" selected>' in page
    assert "<title>Erreur — " in page
    assert Etudiant.objects.count() == 0
    assert not Depot.objects.exists()  # nothing kept for a rejected file


def test_an_unreadable_file_is_a_field_error(admin: Client) -> None:
    promo = fabriques.promotion(periodes=False)

    reponse = deposer(admin, b"\xd0\xcf\x11\xe0" + b"\x00" * 64, promo, nom="classe.xls")

    assert "Excel 97-2003 (.xls), qui n&#x27;est pas lu" in reponse.content.decode()
    assert reponse.context["form"].errors["fichier"]


def test_a_file_over_2_mo_is_refused(admin: Client) -> None:
    promo = fabriques.promotion(periodes=False)

    reponse = deposer(admin, b"x" * (TAILLE_MAX + 1), promo)

    assert "Ce fichier dépasse 2 Mo" in reponse.context["form"].errors["fichier"][0]


def test_confirmation_checks_again_against_the_records_of_that_moment(admin: Client) -> None:
    promo = fabriques.promotion(periodes=False)
    jeton = jeton_de(deposer(admin, csv_octets(CLASSE), promo))
    # Meanwhile someone records Lucas's INE in another cohort.
    fabriques.etudiant(ine="123456789AA")

    reponse = admin.post(CONFIRMER, {"jeton": jeton})

    assert reponse.status_code == 200
    assert "Ligne 2, colonne « INE » : 123456789AA est l&#x27;INE de" in reponse.content.decode()
    assert Etudiant.objects.filter(promotion=promo).count() == 0


def test_a_token_is_worth_nothing_to_another_user(admin: Client) -> None:
    promo = fabriques.promotion(periodes=False)
    jeton = jeton_de(deposer(admin, csv_octets(CLASSE), promo))
    autre = Client()
    autre.force_login(
        utilisateur_creer(
            email="paul.morel@lycee-eiffel.example",
            role=Role.ADMINISTRATEUR,
            prenom="Paul",
            nom="Morel",
            mot_de_passe=MOT_DE_PASSE,
        )
    )

    reponse = autre.post(CONFIRMER, {"jeton": jeton})

    assert "n'est plus disponible" in messages_de(reponse)[0]
    assert Etudiant.objects.count() == 0


def test_the_host_import_previews_then_imports(admin: Client) -> None:
    siren = fabriques.siren_valide()
    contenu = csv_octets(
        [
            ["SIRET", "Raison sociale", "Adresse", "Ville", "Effectif"],
            [
                fabriques.siret_valide(siren),
                "Garonne Conseil",
                "1 place de la Bourse",
                "Bordeaux",
                "8",
            ],
        ]
    )

    apercu = admin.post(
        reverse("echanges:import_organismes"),
        {"fichier": depot(contenu, "hotes.csv"), "effectif_au": "2026-04-30"},
    )

    assert "Effectif constaté au : 30/04/2026" in apercu.content.decode()
    assert not OrganismeAccueil.objects.exists()
    admin.post(reverse("echanges:import_organismes_confirmer"), {"jeton": jeton_de(apercu)})
    organisme = OrganismeAccueil.objects.get(siren=siren)
    assert organisme.effectifs.get().personnes == 8


def test_the_upload_pages_list_the_columns_they_read(admin: Client) -> None:
    page = admin.get(URL).content.decode()

    assert "<caption>Colonnes lues dans la liste de la classe</caption>" in page
    assert "né(e) le" in page
    assert 'class="fr-upload"' in page and "fr-upload-group" in page
