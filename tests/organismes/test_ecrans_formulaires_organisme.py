"""Creating and changing a host, adding a site and a tutor, recording a month's headcount and
another school's interns: through organismes.services, SIREN and SIRET checks in French,
what was typed kept on error."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.test import Client

from conventions.moteur import evaluer_convention
from organismes.models import EffectifMensuel, OrganismeAccueil, StagiairesAutresEcoles
from tests import fabriques
from tests.personas import *  # noqa: F403  (the persona fixtures)

CREER = "/organismes/nouveau/"
SIREN = "552081317"  # a real key: 552 081 317


def _saisie(**champs: Any) -> dict[str, Any]:
    return {
        "siren": "552 081 317",
        "raison_sociale": "Quai des Affaires",
        "naf": "4711f",
        "ville": "Bordeaux",
        "taux_versement_mobilite": "0",
        **champs,
    }


def test_a_teacher_creates_a_host_and_its_first_site(db: None, clients: dict[str, Client]) -> None:
    siret = fabriques.siret_valide(SIREN, 12)
    reponse = clients["enseignant"].post(
        CREER,
        _saisie(
            **{
                "site-siret": f"{siret[:3]} {siret[3:6]} {siret[6:9]} {siret[9:]}",
                "site-adresse": "12 quai des Chartrons",
                "site-ville": "Bordeaux",
            }
        ),
    )
    hote = OrganismeAccueil.objects.get()
    assert reponse.status_code == 302 and reponse["Location"] == f"/organismes/{hote.pk}/"
    assert (hote.siren, hote.naf) == (SIREN, "47.11F")
    assert list(hote.etablissements.values_list("siret", flat=True)) == [siret]


def test_the_site_may_wait_for_its_siret(db: None, clients: dict[str, Client]) -> None:
    assert clients["enseignant"].post(CREER, _saisie()).status_code == 302
    assert not OrganismeAccueil.objects.get().etablissements.exists()


def test_a_wrong_siren_key_is_explained_in_french_and_what_was_typed_stays(
    db: None, clients: dict[str, Client]
) -> None:
    html = clients["enseignant"].post(CREER, _saisie(siren="552 081 318")).content.decode()
    assert "Le SIREN « 552081318 » est erroné : sa clé de contrôle ne correspond pas." in html
    assert 'value="552 081 318"' in html and 'value="Quai des Affaires"' in html
    assert not OrganismeAccueil.objects.exists()


def test_a_wrong_siret_key_is_explained_with_the_other_errors(
    db: None, clients: dict[str, Client]
) -> None:
    html = (
        clients["enseignant"]
        .post(
            CREER,
            _saisie(
                raison_sociale="", **{"site-siret": "55208131700013", "site-ville": "Bordeaux"}
            ),
        )
        .content.decode()
    )
    assert "Le SIRET « 55208131700013 » est erroné" in html
    assert html.count("Ce champ est obligatoire") == 2  # the name, the site's address
    assert 'value="55208131700013"' in html
    assert not OrganismeAccueil.objects.exists()


def test_a_refused_site_rolls_the_new_host_back(db: None, clients: dict[str, Client]) -> None:
    autre = fabriques.siret_valide(fabriques.siren_valide())  # a good key, another SIREN
    html = (
        clients["enseignant"]
        .post(
            CREER,
            _saisie(
                **{
                    "site-siret": autre,
                    "site-adresse": "12 quai des Chartrons",
                    "site-ville": "Bordeaux",
                }
            ),
        )
        .content.decode()
    )
    assert f"Le SIRET doit commencer par le SIREN de l&#x27;organisme, {SIREN}." in html
    assert f'value="{autre}"' in html
    assert not OrganismeAccueil.objects.exists()


def test_a_wrong_siren_shows_with_the_missing_fields(db: None, clients: dict[str, Client]) -> None:
    html = (
        clients["enseignant"]
        .post(CREER, _saisie(siren="552 081 318", raison_sociale=""))
        .content.decode()
    )
    assert "Le SIREN « 552081318 » est erroné" in html
    assert "Ce champ est obligatoire" in html


def test_a_site_half_filled_asks_for_the_rest(db: None, clients: dict[str, Client]) -> None:
    html = clients["enseignant"].post(CREER, _saisie(**{"site-ville": "Mérignac"})).content.decode()
    assert "Ce champ est obligatoire pour enregistrer le site." in html
    assert not OrganismeAccueil.objects.exists()


def test_a_second_host_with_the_same_siren_is_refused(db: None, clients: dict[str, Client]) -> None:
    fabriques.organisme(siren=SIREN)
    html = clients["enseignant"].post(CREER, _saisie()).content.decode()
    assert "Un organisme d&#x27;accueil avec ce SIREN existe déjà." in html


@pytest.fixture
def hote(db: None) -> OrganismeAccueil:
    return fabriques.organisme(raison_sociale="Quai des Affaires", effectif=None)


def test_a_host_is_changed_through_the_service(
    hote: OrganismeAccueil, clients: dict[str, Client]
) -> None:
    url = f"/organismes/{hote.pk}/modifier/"
    assert 'value="Quai des Affaires"' in clients["enseignant"].get(url).content.decode()
    reponse = clients["enseignant"].post(
        url, _saisie(siren=hote.siren, raison_sociale=" Quai des Affaires SAS ", naf="70.22z")
    )
    assert reponse.status_code == 302
    hote.refresh_from_db()
    assert (hote.raison_sociale, hote.naf) == ("Quai des Affaires SAS", "70.22Z")


def test_a_new_siren_must_still_start_the_sites_siret(
    hote: OrganismeAccueil, clients: dict[str, Client]
) -> None:
    html = (
        clients["enseignant"]
        .post(f"/organismes/{hote.pk}/modifier/", _saisie(siren=SIREN))
        .content.decode()
    )
    assert f"Les SIRET des sites de l&#x27;organisme ne commencent pas par {SIREN}." in html
    hote.refresh_from_db()
    assert hote.siren != SIREN


def test_a_site_of_another_siren_is_refused(
    hote: OrganismeAccueil, clients: dict[str, Client]
) -> None:
    html = (
        clients["enseignant"]
        .post(
            f"/organismes/{hote.pk}/sites/nouveau/",
            {
                "siret": fabriques.siret_valide(SIREN),
                "adresse": "1 rue Sainte-Catherine",
                "ville": "Bordeaux",
            },
        )
        .content.decode()
    )
    assert f"Le SIRET doit commencer par le SIREN de l&#x27;organisme, {hote.siren}." in html


def test_a_tutor_is_added(hote: OrganismeAccueil, clients: dict[str, Client]) -> None:
    reponse = clients["enseignant"].post(
        f"/organismes/{hote.pk}/tuteurs/nouveau/",
        {"nom": "Bernard", "prenom": "Sophie", "email": "Sophie.Bernard@Example.org"},
    )
    assert reponse["Location"] == f"/organismes/{hote.pk}/#tuteurs"
    assert hote.tuteurs.get().email == "sophie.bernard@example.org"
    erreur = (
        clients["enseignant"]
        .post(
            f"/organismes/{hote.pk}/tuteurs/nouveau/", {"nom": "", "prenom": "Paul", "email": "x"}
        )
        .content.decode()
    )
    assert "Saisissez une adresse e-mail valide" in erreur and 'value="Paul"' in erreur


@pytest.mark.parametrize("mois", ["03/2026", "2026-03"])
def test_a_months_headcount_is_recorded_then_corrected(
    mois: str, hote: OrganismeAccueil, clients: dict[str, Client]
) -> None:
    url = f"/organismes/{hote.pk}/effectifs/"
    clients["enseignant"].post(url, {"mois": mois, "personnes": "18"})
    clients["enseignant"].post(url, {"mois": mois, "personnes": "21"})
    assert list(EffectifMensuel.objects.values_list("mois", "personnes")) == [
        (date(2026, 3, 1), 21)
    ]


def test_a_wrong_month_is_explained_and_kept(
    hote: OrganismeAccueil, clients: dict[str, Client]
) -> None:
    html = (
        clients["enseignant"]
        .post(f"/organismes/{hote.pk}/effectifs/", {"mois": "13/2026", "personnes": "-1"})
        .content.decode()
    )
    assert "Saisissez un mois au format MM/AAAA, par exemple 03/2026." in html
    assert 'value="13/2026"' in html
    assert not EffectifMensuel.objects.exists()


def test_other_schools_interns_are_declared_for_the_civil_week(
    hote: OrganismeAccueil, clients: dict[str, Client]
) -> None:
    reponse = clients["enseignant"].post(
        f"/organismes/{hote.pk}/autres-stagiaires/", {"semaine": "11/03/2026", "nombre": "2"}
    )
    assert reponse["Location"] == f"/organismes/{hote.pk}/#autres-stagiaires"
    assert list(StagiairesAutresEcoles.objects.values_list("lundi", "nombre")) == [
        (date(2026, 3, 9), 2)
    ]
    page = clients["enseignant"].get(reponse["Location"]).content.decode()
    assert "Semaine du 09/03/2026 : 2 stagiaire(s) d&#x27;autres écoles." in page


def test_a_student_account_cannot_write(hote: OrganismeAccueil, clients: dict[str, Client]) -> None:
    reponse = clients["etudiant"].post(
        f"/organismes/{hote.pk}/effectifs/", {"mois": "03/2026", "personnes": "18"}
    )
    assert reponse.status_code == 403
    assert not EffectifMensuel.objects.exists()


def test_a_contact_is_added_with_their_role(
    hote: OrganismeAccueil, clients: dict[str, Client]
) -> None:
    reponse = clients["enseignant"].post(
        f"/organismes/{hote.pk}/contacts/nouveau/",
        {
            "nom": "Lafitte",
            "prenom": "Jeanne",
            "fonction": "Directrice",
            "email": "J.Lafitte@Example.org",
            "role": "signataire",
        },
    )
    assert reponse["Location"] == f"/organismes/{hote.pk}/#tuteurs"
    contact = hote.contacts.get()
    assert (contact.email, contact.role) == ("j.lafitte@example.org", "signataire")
    page = clients["enseignant"].get(reponse["Location"]).content.decode()
    assert "Jeanne Lafitte" in page and "Signataire des conventions" in page


def test_a_closure_is_declared_and_the_engine_plans_no_day_in_it(
    hote: OrganismeAccueil, clients: dict[str, Client]
) -> None:
    reponse = clients["enseignant"].post(
        f"/organismes/{hote.pk}/fermetures/nouvelle/",
        {"debut": "09/03/2026", "fin": "13/03/2026", "libelle": "Inventaire"},
    )
    assert reponse["Location"] == f"/organismes/{hote.pk}/#fermetures"
    page = clients["enseignant"].get(reponse["Location"]).content.decode()
    assert "Inventaire : du 09/03/2026 au 13/03/2026" in page

    convention = fabriques.convention(organisme_=hote)  # 2-27 March, Monday to Friday
    jours = {j.jour for j in evaluer_convention(convention).resultat.jours if j.presence}
    assert not jours & {date(2026, 3, d) for d in range(9, 14)}
    assert len(jours) == 15  # 20 working days, 5 closed


def test_a_closure_ending_before_it_starts_is_explained_and_kept(
    hote: OrganismeAccueil, clients: dict[str, Client]
) -> None:
    html = (
        clients["enseignant"]
        .post(
            f"/organismes/{hote.pk}/fermetures/nouvelle/",
            {"debut": "13/03/2026", "fin": "09/03/2026", "libelle": "Inventaire"},
        )
        .content.decode()
    )
    assert "Le dernier jour de fermeture précède le premier." in html
    assert 'value="Inventaire"' in html
    assert not hote.fermetures.exists()
