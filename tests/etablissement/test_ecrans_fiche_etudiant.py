"""A student's page: identity, minor or not and until when, legal representative, référent,
conventions, days per year against the target, gratification per host and school year, and
the findings on their conventions in force."""

from __future__ import annotations

import re
from datetime import date

import pytest
import time_machine
from django.test import Client

from comptes.models import Utilisateur
from conventions.models import Convention, Statut
from etablissement.models import Etudiant
from organismes import services as organismes_services
from tests import fabriques
from tests.personas import *  # noqa: F403  (the persona fixtures)
from tests.pilotage.outils import chef_de_travaux, requetes, valider

LE = date(2026, 2, 2)


def _section(html: str, ancre: str) -> str:
    debut = html.index(f'<section id="{ancre}"')
    return html[debut : html.index("</section>", debut)]


def _cellules(ligne: str) -> list[str]:
    return [
        re.sub(r"<[^>]+>", "", c).strip()
        for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", ligne, re.S)
    ]


def _lignes(section: str) -> list[list[str]]:
    corps = section[section.index("<tbody>") : section.index("</tbody>")]
    return [_cellules(tr) for tr in re.findall(r"<tr.*?</tr>", corps, re.S)]


@pytest.fixture
def ines(db: None) -> Etudiant:
    """A minor until 1 September 2026, with ten weeks at one host from 5 January 2026 (350 h,
    gratified at the legal minimum) and four weeks at another in May, both validated, and a
    draft at a third host."""
    chef = chef_de_travaux()
    promo = fabriques.promotion(annee_debut=2025)
    eleve = fabriques.etudiant(
        promotion=promo,
        nom="Benali",
        prenom="Inès",
        date_naissance=date(2008, 9, 1),
        classe="NDRC1 A",
        representant_legal_nom="Samira Benali",
        representant_legal_email="samira.benali@example.org",
        referent=fabriques.enseignant(nom="Leroy", prenom="Marc"),
    )
    valider(
        fabriques.convention(
            etudiant_=eleve,
            organisme_=fabriques.organisme(raison_sociale="Quai des Affaires"),
            periodes=((date(2026, 1, 5), date(2026, 3, 13)),),
            gratification_mode="minimum_legal",
            # Over two months, the leave clause is due (D124-4).
            contenus={**fabriques.CLAUSES, "conges": "Deux jours de congé par mois de stage"},
        ),
        chef,
    )
    valider(
        fabriques.convention(
            etudiant_=eleve,
            organisme_=fabriques.organisme(raison_sociale="Garonne Immobilier"),
            periodes=((date(2026, 5, 25), date(2026, 6, 19)),),
        ),
        chef,
    )
    fabriques.convention(
        etudiant_=eleve,
        organisme_=fabriques.organisme(raison_sociale="Chartrons Conseil"),
        periodes=((date(2026, 11, 16), date(2026, 12, 11)),),
    )
    return eleve


def _fiche(client: Client, etudiant: Etudiant) -> str:
    with time_machine.travel(LE):
        reponse = client.get(f"/etudiants/{etudiant.pk}/")
    assert reponse.status_code == 200
    return reponse.content.decode()


def test_it_shows_the_identity_minority_representative_and_referent(
    ines: Etudiant, clients: dict[str, Client]
) -> None:
    section = _section(_fiche(clients["enseignant"], ines), "identite")
    assert "NDRC 2025-2027" in section and "NDRC1 A" in section
    assert ines.ine in section
    assert "01/09/2008" in section
    assert "Mineur jusqu'au 31/08/2026 (majeur le 01/09/2026)" in section
    assert "Samira Benali" in section and "samira.benali@example.org" in section
    assert "Marc Leroy" in section


def test_an_adult_is_said_of_age_and_needs_no_representative(
    db: None, clients: dict[str, Client]
) -> None:
    adulte = fabriques.etudiant(date_naissance=date(2006, 3, 15))
    section = _section(_fiche(clients["enseignant"], adulte), "identite")
    assert "Majeur depuis le 15/03/2024" in section
    assert "Sans objet (étudiant majeur)." in section


def test_a_minor_without_representative_is_flagged(db: None, clients: dict[str, Client]) -> None:
    mineur = fabriques.etudiant(date_naissance=date(2009, 1, 1))
    assert "le représentant légal d'un étudiant mineur signe aussi" in _fiche(
        clients["enseignant"], mineur
    )


def test_it_lists_the_conventions_with_status_host_and_dates(
    ines: Etudiant, clients: dict[str, Client]
) -> None:
    lignes = _lignes(_section(_fiche(clients["enseignant"], ines), "conventions"))
    assert [(ligne[0], ligne[1].split("\n")[0], ligne[2]) for ligne in lignes] == [
        ("Brouillon", "Chartrons Conseil", "du 16/11/2026 au 11/12/2026"),
        ("Validée", "Garonne Immobilier", "du 25/05/2026 au 19/06/2026"),
        ("Validée", "Quai des Affaires", "du 05/01/2026 au 13/03/2026"),
    ]


def test_it_shows_days_per_year_against_the_target(
    ines: Etudiant, clients: dict[str, Client]
) -> None:
    lignes = _lignes(_section(_fiche(clients["enseignant"], ines), "programme"))
    # Year 1: 50 + 19 days planned (Whit Monday, 25 May 2026, is off), none logged yet;
    # year 2: the draft does not count.
    assert lignes == [
        ["1re année (2025-2026)", "0", "69", "40", "objectif prévu"],
        ["2e année (2026-2027)", "0", "0", "40", "40 jours"],
    ]


def test_it_shows_gratification_per_host_and_school_year(
    ines: Etudiant, clients: dict[str, Client]
) -> None:
    lignes = _lignes(_section(_fiche(clients["enseignant"], ines), "gratification"))
    par_hote = {ligne[0]: ligne for ligne in lignes}
    # 50 days of 7 h: the 309th hour is worked on the 45th day, Friday 6 March.
    assert par_hote["Quai des Affaires"][1:] == [
        "2025-2026",
        "350 h sur 308 h",
        "Obligatoire",
        "06/03/2026 (309e heure)",
    ]
    assert par_hote["Garonne Immobilier"][1:] == [
        "2025-2026",
        "133 h sur 308 h",
        "Facultative",
        "—",
    ]


def test_it_shows_the_findings_of_the_conventions_in_force(
    ines: Etudiant, clients: dict[str, Client]
) -> None:
    section = _section(_fiche(clients["enseignant"], ines), "constats")
    assert "Convention chez Quai des Affaires, du 05/01/2026 au 13/03/2026" in section
    assert "Gratification obligatoire" in section
    assert "pris en compte" in section  # acknowledged when it was validated
    assert "Chartrons Conseil" not in section  # a draft's findings are on its own page


def test_the_referent_and_administrators_are_offered_to_edit(
    ines: Etudiant, clients: dict[str, Client], enseignant: object
) -> None:
    lien = f'href="/etudiants/{ines.pk}/modifier/"'
    assert lien in _fiche(clients["administrateur"], ines)
    assert lien not in _fiche(clients["enseignant"], ines)
    referent = ines.referent
    assert referent is not None
    referent.utilisateur = enseignant  # type: ignore[assignment]
    referent.save()
    assert lien in _fiche(clients["enseignant"], ines)


def test_an_unknown_student_is_a_404(db: None, clients: dict[str, Client]) -> None:
    assert clients["enseignant"].get("/etudiants/999999/").status_code == 404


def test_its_findings_count_the_other_interns_at_the_host(
    db: None, clients: dict[str, Client]
) -> None:
    """Headcount 12, a quota of 3: two classmates and one intern of another school the same
    weeks of March take the host over it, on the student's own page."""
    chef = chef_de_travaux()
    hote = fabriques.organisme(raison_sociale="Quai des Affaires", effectif=12)
    eleve = fabriques.etudiant(nom="Arnaud", prenom="Alice")
    for etudiant in (eleve, fabriques.etudiant(), fabriques.etudiant()):
        valider(fabriques.convention(etudiant_=etudiant, organisme_=hote), chef)
    organismes_services.autres_stagiaires_declarer(
        organisme=hote, semaine=date(2026, 3, 9), nombre=1
    )
    section = _section(_fiche(clients["enseignant"], eleve), "constats")
    assert "Semaine du 09/03/2026 : 4 stagiaires dont 1 d&#x27;autres écoles" in section


def test_the_page_runs_as_many_queries_whatever_the_hosts_other_interns(
    db: None, administrateur: Utilisateur
) -> None:
    client = Client()
    client.force_login(administrateur)
    hote = fabriques.organisme(effectif=None)
    eleve = fabriques.etudiant()
    mienne = fabriques.convention(etudiant_=eleve, organisme_=hote)
    autres = [fabriques.convention(organisme_=hote) for _ in range(6)]
    Convention.objects.filter(pk__in=[mienne.pk, autres[0].pk]).update(statut=Statut.VALIDEE)
    url = f"/etudiants/{eleve.pk}/"
    requetes(client, url)  # the session, once
    une = requetes(client, url)
    Convention.objects.filter(pk__in=[c.pk for c in autres]).update(statut=Statut.VALIDEE)
    six = requetes(client, url)
    assert une == six, (une, six)
