"""A host's page: identity and sites, tutors, contacts, headcount month by month, other
schools' interns, closures, conventions, and the interns per civil week against the quota,
drawn as an SVG chart with the same figures in a table."""

from __future__ import annotations

import re
from datetime import date

import pytest
import time_machine
from django.test import Client

from comptes.models import Utilisateur
from conventions.models import Convention, Statut
from organismes import services
from organismes.models import OrganismeAccueil, RoleContact
from pilotage.graphique import graphique_quota
from regles.quotas import Semaine
from tests import fabriques
from tests.personas import *  # noqa: F403  (the persona fixtures)
from tests.pilotage.outils import chef_de_travaux, requetes, valider

LE = date(2026, 2, 2)  # school year 2025-2026


def _section(html: str, ancre: str) -> str:
    debut = html.index(f'<section id="{ancre}"')
    return html[debut : html.index("</section>", debut)]


def _fiche(client: Client, hote: OrganismeAccueil, **parametres: object) -> str:
    with time_machine.travel(LE):
        reponse = client.get(f"/organismes/{hote.pk}/", parametres)
    assert reponse.status_code == 200
    return reponse.content.decode()


@pytest.fixture
def hote(db: None) -> OrganismeAccueil:
    """Headcount 12 (a quota of 3): three validated March stages, and one intern from
    another school declared the week of 9 March, which takes that week over the quota."""
    chef = chef_de_travaux()
    org = fabriques.organisme(raison_sociale="Quai des Affaires", naf="4711f", effectif=12)
    tutrice = fabriques.tuteur(organisme=org, nom="Bernard", prenom="Sophie")
    for nom in ("Arnaud", "Bernard", "Chevalier"):
        valider(
            fabriques.convention(
                etudiant_=fabriques.etudiant(nom=nom),
                organisme_=org,
                tuteur_=tutrice if nom == "Arnaud" else True,
            ),
            chef,
        )
    services.autres_stagiaires_declarer(organisme=org, semaine=date(2026, 3, 11), nombre=1)
    services.contact_creer(organisme=org, nom="Lefèvre", prenom="Anne", role=RoleContact.SIGNATAIRE)
    services.fermeture_ajouter(
        organisme=org, debut=date(2026, 8, 3), fin=date(2026, 8, 21), libelle="Congés d'été"
    )
    return org


def test_the_chart_marks_the_week_over_the_quota(
    hote: OrganismeAccueil, clients: dict[str, Client]
) -> None:
    section = _section(_fiche(clients["enseignant"], hote), "quota")
    svg = section[section.index("<svg") : section.index("</svg>")]
    assert 'role="img"' in svg and 'aria-labelledby="quota-svg-titre quota-svg-desc"' in svg
    # One bar per civil week of March (2, 9, 16, 23), the quota as one stepped line.
    assert re.findall(r">(\d\d/\d\d)</text>", svg) == ["02/03", "09/03", "16/03", "23/03"]
    assert svg.count('<g class="barre') == 4
    assert svg.count('<g class="barre barre--depassee">') == 1
    depassee = svg[svg.index("barre--depassee") :]
    assert ">4!</text>" in depassee.split("</g>")[0] and "09/03" in depassee.split("</g>")[0]
    assert svg.count('class="graphique-quota__plafond"') == 1
    # Lengths with a decimal point, whatever the locale of the page.
    longueurs = re.findall(r' (?:x|y|x1|x2|y1|y2|width|height)="([^"]*)"', svg)
    assert longueurs and all(re.fullmatch(r"-?\d+(\.\d+)?", v) for v in longueurs), longueurs
    assert "," not in "".join(re.findall(r'transform="([^"]*)"', svg))
    assert "plafond dépassé 1 semaine : semaine du 09/03/2026 (4 pour 3)" in svg


def test_the_same_figures_are_in_a_table_for_screen_readers(
    hote: OrganismeAccueil, clients: dict[str, Client]
) -> None:
    section = _section(_fiche(clients["enseignant"], hote), "quota")
    details = section[section.index("<details") : section.index("</details>")]
    lignes = re.findall(r"<tr[^>]*>\s*<th scope=\"row\">([^<]+)</th>(.*?)</tr>", details, re.S)
    chiffres = {
        jour: [
            re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td>(.*?)</td>", reste, re.S)
        ]
        for jour, reste in lignes
    }
    assert chiffres["09/03/2026"] == ["3", "1", "4", "3", "12", "Oui, 4 pour 3"]
    assert chiffres["02/03/2026"] == ["3", "0", "3", "3", "12", "Non"]
    assert '<tr class="ligne--depassee">' in details
    assert "Plafond dépassé 1 semaine : semaine du 09/03/2026." in section


def test_another_school_year_is_chosen_from_the_page(
    hote: OrganismeAccueil, clients: dict[str, Client]
) -> None:
    fabriques.convention(organisme_=hote, periodes=((date(2026, 11, 16), date(2026, 12, 11)),))
    # A draft counts in no quota: 2026-2027 has no week yet, 2025-2026 stays the only year.
    section = _section(_fiche(clients["enseignant"], hote, annee=2026), "quota")
    assert 'name="annee"' not in section
    assert "09/03" in section


def test_without_a_convention_in_force_there_is_no_chart(
    db: None, clients: dict[str, Client]
) -> None:
    org = fabriques.organisme(effectif=None)
    fabriques.convention(organisme_=org)  # a draft
    section = _section(_fiche(clients["enseignant"], org), "quota")
    assert "<svg" not in section
    assert "Aucune convention en vigueur chez cet organisme en 2025-2026." in section
    texte = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", section))
    assert "Effectif non renseigné pour les 12 mois précédant le" in texte
    assert "le quota est compté au plus bas, 3 stagiaires par semaine" in texte


def test_it_shows_identity_sites_tutors_and_contacts(
    hote: OrganismeAccueil, clients: dict[str, Client]
) -> None:
    html = _fiche(clients["enseignant"], hote)
    identite = _section(html, "identite")
    assert f"<dd>{hote.siren}</dd>" in identite and "<dd>47.11F</dd>" in identite
    site = hote.etablissements.get()
    assert site.siret in identite and "12 quai des Chartrons" in identite
    tuteurs = _section(html, "tuteurs")
    assert "Sophie Bernard" in tuteurs and "Responsable commerciale" in tuteurs
    assert "Anne Lefèvre" in tuteurs and "Signataire des conventions" in tuteurs


def test_it_shows_the_headcount_month_by_month_and_the_months_missing(
    db: None, clients: dict[str, Client]
) -> None:
    org = fabriques.organisme(effectifs={date(2025, 12, 1): 18, date(2026, 1, 1): 21})
    section = _section(_fiche(clients["enseignant"], org), "effectifs")
    lignes = re.findall(r'<th scope="row">([^<]+)</th><td>(\d+)</td>', section)
    assert lignes == [("janvier 2026", "21"), ("décembre 2025", "18")]
    # February 2026 is shown: the twelve months before it, but December and January.
    assert "Mois non déclarés sur les douze derniers : 02/2025, 03/2025" in section
    assert "12/2025" not in section.split("Mois non déclarés")[1].split("</p>")[0]
    quota = _section(_fiche(clients["enseignant"], org), "quota")
    # R124-12: the higher of January's 21 and the average of the months declared, 19.5.
    texte = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", quota))
    assert "Effectif retenu : 21 personnes pour un stage commençant le" in texte
    assert "soit un plafond de 4 stagiaires par semaine civile" in texte
    assert "Le plus grand de l'effectif de janvier 2026 (21)" in texte.replace("&#x27;", "'")
    assert "moyenne des 12 mois précédents (19,50 sur 2 mois renseignés)" in texte
    assert "Dernier mois renseigné : janvier 2026, 21 personnes" in texte


def test_it_shows_other_schools_interns_closures_and_conventions(
    hote: OrganismeAccueil, clients: dict[str, Client]
) -> None:
    html = _fiche(clients["enseignant"], hote)
    assert re.search(
        r'<th scope="row">09/03/2026</th><td>1</td>', _section(html, "autres-stagiaires")
    )
    assert "Congés d&#x27;été : du 03/08/2026 au 21/08/2026" in _section(html, "fermetures")
    conventions = _section(html, "conventions")
    assert conventions.count("Validée") == 3
    assert "Arnaud Lucas" in conventions and "du 02/03/2026 au 27/03/2026" in conventions


def test_a_student_account_is_refused(hote: OrganismeAccueil, clients: dict[str, Client]) -> None:
    assert clients["etudiant"].get(f"/organismes/{hote.pk}/").status_code == 403


def test_the_chart_geometry_scales_to_the_highest_of_interns_and_quota() -> None:
    semaines = [
        Semaine(date(2026, 3, 2), 2, 0, 3, None),
        Semaine(date(2026, 3, 9), 3, 2, 3, None),
    ]
    g = graphique_quota(semaines)
    # The tallest of 5 interns and a quota of 3, plus one step of headroom: 6 units of 30 px.
    haute = g.barres[1]
    assert (haute.h_ecole, haute.h_autres) == (90.0, 60.0)
    assert haute.y_autres == g.base - 150
    # Two weeks only: the widest step, 48 px a week.
    assert g.chemin_quota == "M36,114.0 H84 L84,114.0 H132"
    assert (haute.largeur, haute.x) == (34, 84 + 7.0)
    assert [grad.valeur for grad in g.graduations] == [0, 1, 2, 3, 4, 5, 6]


def test_the_page_runs_as_many_queries_for_2_conventions_as_for_8(
    db: None, administrateur: Utilisateur
) -> None:
    client = Client()
    client.force_login(administrateur)
    org = fabriques.organisme(effectifs={date(2026, 1, 1): 30})
    tuteur = fabriques.tuteur(organisme=org)
    referent = fabriques.enseignant()

    def ajouter(nombre: int) -> None:
        for _ in range(nombre):
            c = fabriques.convention(organisme_=org, tuteur_=tuteur, referent=referent)
            Convention.objects.filter(pk=c.pk).update(statut=Statut.VALIDEE)

    ajouter(2)
    url = f"/organismes/{org.pk}/"
    with time_machine.travel(LE):
        requetes(client, url)  # the session, once
        deux = requetes(client, url)
        ajouter(6)
        huit = requetes(client, url)
    assert deux == huit, (deux, huit)


def test_the_headcount_says_how_it_was_obtained(db: None, clients: dict[str, Client]) -> None:

    org = fabriques.organisme(effectif=None)
    services.effectif_enregistrer(
        organisme=org, mois=date(2025, 12, 1), personnes=30, origine="import"
    )
    texte = re.sub(
        r"\s+", " ", re.sub(r"<[^>]+>", "", _section(_fiche(clients["enseignant"], org), "quota"))
    )
    assert "Effectif retenu : 30 personnes" in texte
    assert (
        "Dernier mois renseigné : décembre 2025, 30 personnes, importé d'une liste d'organismes"
        in texte.replace("&#x27;", "'")
    )
    # Typed again by a named member of staff: says so, and who.
    chef = Utilisateur.objects.create_user(
        "chef@lycee-eiffel.test", "x", first_name="Hélène", last_name="Castaing"
    )
    services.effectif_enregistrer(organisme=org, mois=date(2025, 12, 1), personnes=31, auteur=chef)
    texte = re.sub(
        r"\s+", " ", re.sub(r"<[^>]+>", "", _section(_fiche(clients["enseignant"], org), "quota"))
    )
    assert "décembre 2025, 31 personnes, saisi par la section (Hélène Castaing)" in texte
