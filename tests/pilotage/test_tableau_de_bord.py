"""The dashboard: per cohort and school year, who has no convention for the next period,
which conventions wait for whom, the open findings, days against the target, the periods
to come; in a constant number of queries, whatever the cohort's size."""

from __future__ import annotations

import re
from datetime import date

import pytest
import time_machine
from django.test import Client

from comptes.models import Utilisateur
from conventions.models import Convention, Statut
from organismes import services as organismes_services
from tests import fabriques
from tests.pilotage.outils import chef_de_travaux, requetes, valider

URL = "/tableau-de-bord/"
# Early December of year 1: the next period of the cohort is January's (5-30 January 2026).
DECEMBRE = date(2025, 12, 1)
JANVIER = ((date(2026, 1, 5), date(2026, 1, 30)),)


def _section(html: str, ancre: str) -> str:
    """The HTML of one <section id=…> of the page."""
    debut = html.index(f'<section id="{ancre}-')
    return html[debut : html.index("</section>", debut)]


@pytest.fixture
def cohorte(db: None) -> dict[str, object]:
    """Alice has a validated January stage, Bruno a draft for it, Chloé nothing yet."""
    chef = chef_de_travaux()
    promo = fabriques.promotion(annee_debut=2025)
    alice = fabriques.etudiant(promotion=promo, nom="Arnaud", prenom="Alice")
    bruno = fabriques.etudiant(promotion=promo, nom="Bernard", prenom="Bruno")
    chloe = fabriques.etudiant(promotion=promo, nom="Chevalier", prenom="Chloé")
    hote = fabriques.organisme(raison_sociale="Quai des Affaires", effectif=12)
    validee = valider(
        fabriques.convention(etudiant_=alice, organisme_=hote, periodes=JANVIER, auteur=chef),
        chef,
    )
    brouillon = fabriques.convention(
        etudiant_=bruno,
        organisme_=fabriques.organisme(raison_sociale="Garonne Immobilier"),
        periodes=JANVIER,
        auteur=chef,
    )
    return {
        "promotion": promo,
        "alice": alice,
        "bruno": bruno,
        "chloe": chloe,
        "hote": hote,
        "validee": validee,
        "brouillon": brouillon,
        "chef": chef,
    }


def _page(client: Client, cohorte: dict[str, object], **parametres: object) -> str:
    promo = cohorte["promotion"]
    with time_machine.travel(DECEMBRE):
        reponse = client.get(URL, {"promotion": promo.pk, **parametres})  # type: ignore[attr-defined]
    assert reponse.status_code == 200
    return reponse.content.decode()


def test_it_lists_the_students_without_a_convention_for_the_next_period(
    cohorte: dict[str, object], clients: dict[str, Client]
) -> None:
    section = _section(_page(clients["enseignant"], cohorte), "sans-convention")
    assert "Stage de janvier, du 05/01/2026 au 30/01/2026" in section
    assert "Chevalier Chloé" in section
    # A validated convention and a draft both cover the period.
    assert "Arnaud" not in section and "Bernard" not in section


def test_it_says_which_conventions_wait_for_whom(
    cohorte: dict[str, object], clients: dict[str, Client]
) -> None:
    section = _section(_page(clients["administrateur"], cohorte), "en-attente")
    brouillons = section[section.index("À compléter et soumettre") : section.index("À valider")]
    chef = cohorte["chef"]
    assert "Bernard Bruno" in brouillons and "Garonne Immobilier" in brouillons
    assert f"son auteur, {chef.email}" in brouillons  # type: ignore[attr-defined]
    assert "son référent, Claire Durand" in brouillons
    signature = section[section.index("À envoyer en signature") :]
    assert "Arnaud Alice" in signature.split("Signatures à recueillir")[0]
    # Who acts and for what: the workflow's own words.
    assert "La section — Le secrétariat l&#x27;envoie en signature." in signature


def test_it_counts_open_findings_with_a_link_to_the_convention(
    cohorte: dict[str, object], clients: dict[str, Client]
) -> None:
    # Once Alice's stage is validated, the host declares three interns from other schools
    # in her first week: four for a quota of three (headcount 12).
    organismes_services.autres_stagiaires_declarer(
        organisme=cohorte["hote"],  # type: ignore[arg-type]
        semaine=date(2026, 1, 5),
        nombre=3,
    )
    html = _page(clients["enseignant"], cohorte)
    section = _section(html, "constats")
    assert "1 constat bloquant et 0 avertissement" in section
    assert "Trop de stagiaires" in section or "stagiaires" in section.lower()
    validee: Convention = cohorte["validee"]  # type: ignore[assignment]
    assert re.search(
        rf'href="[^"]*(/{validee.pk}/|etudiants/{validee.etudiant_id}/#constats)"', section
    )
    assert re.search(r'indicateur__nombre">1</span>\s*<span>constat bloquant', html)
    # The headcount the quota used, as the host's page shows it.
    texte = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", section))
    assert "Effectif retenu : 12 personnes pour un stage commençant le 05/01/2026" in texte
    assert "soit un plafond de 3 stagiaires par semaine civile" in texte


def test_acknowledged_warnings_are_not_open_any_more(
    cohorte: dict[str, object], clients: dict[str, Client]
) -> None:
    # Alice's 20 January days fall short of the 40 of the year: acknowledged at validation.
    section = _section(_page(clients["enseignant"], cohorte), "constats")
    assert "Aucun constat ouvert." in section


def test_it_shows_days_planned_and_done_against_the_target(
    cohorte: dict[str, object], clients: dict[str, Client]
) -> None:
    section = _section(_page(clients["enseignant"], cohorte), "programme")
    assert "pour un objectif de 40 jours" in section
    ligne_alice = section[
        section.index("Arnaud Alice") : section.index("</tr>", section.index("Arnaud Alice"))
    ]
    # 5-30 January, Monday to Friday: 20 days planned, none logged yet; 20 still to plan,
    # but the May-June period has not happened yet: « à venir », not a red deficit.
    assert re.findall(r"<td>([^<]*)</td>", ligne_alice)[:3] == ["0", "20", "40"]
    assert "à venir" in ligne_alice and "manque" not in ligne_alice
    assert "fr-badge--error" not in section
    assert "20 j prévus sur 80" in ligne_alice  # the two years' target, 40 + 40
    # A draft is not a convention yet: Bruno has nothing planned.
    ligne_bruno = section[section.index("Bernard Bruno") :]
    assert re.findall(r"<td>([^<]*)</td>", ligne_bruno)[:2] == ["0", "0"]


def test_it_lists_the_periods_to_come_with_their_coverage(
    cohorte: dict[str, object], clients: dict[str, Client]
) -> None:
    section = _section(_page(clients["enseignant"], cohorte), "periodes")
    assert "Stage de janvier" in section and "2 sur 3" in section
    janvier = section[section.index("Stage de janvier") :]
    assert ">à venir</span>" in janvier[: janvier.index("</tr>")]  # in December: to come
    assert "Stage de mai-juin" in section and "0 sur 3" in section
    assert "Stage de novembre" not in section  # year 2: another school year


def test_by_default_it_shows_todays_school_year_and_a_cohort_in_training(
    cohorte: dict[str, object], clients: dict[str, Client]
) -> None:
    fabriques.promotion(annee_debut=2020, libelle="NDRC 2020-2022", periodes=False)
    with time_machine.travel(DECEMBRE):
        html = clients["enseignant"].get(URL).content.decode()
    assert re.search(r'<option value="2025" selected>2025-2026</option>', html)
    assert "NDRC 2025-2027, année scolaire 2025-2026 (1re année)" in html


def test_a_school_year_outside_the_cohorts_training_says_so(
    cohorte: dict[str, object], clients: dict[str, Client]
) -> None:
    fabriques.promotion(annee_debut=2020, libelle="NDRC 2020-2022", periodes=False)
    html = _page(clients["enseignant"], cohorte, annee=2021)
    assert "Cette promotion n'est pas en formation en 2021-2022." in html
    assert "Plus aucune période de stage de la promotion n'est à venir" in html


def test_an_unknown_school_year_falls_back_to_todays(
    cohorte: dict[str, object], clients: dict[str, Client]
) -> None:
    html = _page(clients["enseignant"], cohorte, annee="1999")
    assert "année scolaire 2025-2026" in html


def test_the_menu_leads_to_the_dashboard(clients: dict[str, Client]) -> None:
    html = clients["enseignant"].get(URL).content.decode()
    assert re.search(
        r'href="/tableau-de-bord/"[^>]*aria-current="page"[^>]*>Tableau de bord</a>', html
    )


def test_a_student_is_refused(clients: dict[str, Client]) -> None:
    assert clients["etudiant"].get(URL).status_code == 403


def _cohorte_validee(nombre: int, libelle: str) -> int:
    """A cohort of `nombre` students followed by one teacher, each with a January stage at
    their own host, where a student of another cohort is in force the same weeks (the engine
    must count them in the quota): every other stage validated, the others still drafts."""
    promo = fabriques.promotion(annee_debut=2025, libelle=libelle, periodes=False)
    autre = fabriques.promotion(annee_debut=2024, libelle=f"{libelle} (2e année)", periodes=False)
    referent = fabriques.enseignant()
    for etudiant in fabriques.etudiants(promo, nombre, referent=referent):
        # Headcounts are no business of this test (and 24 months a host would be slow).
        hote = fabriques.organisme(effectif=None)
        for eleve in (etudiant, fabriques.etudiant(promotion=autre, referent=referent)):
            fabriques.convention(
                etudiant_=eleve, organisme_=hote, periodes=JANVIER, referent=referent
            )
    # Validated in bulk: the workflow is tested elsewhere; here only the reads matter.
    cohorte = Convention.objects.filter(etudiant__promotion=promo).order_by("pk")
    a_valider = list(cohorte.values_list("pk", flat=True))[::2]
    voisines = Convention.objects.filter(etudiant__promotion=autre)
    Convention.objects.filter(pk__in=[*a_valider, *voisines.values_list("pk", flat=True)]).update(
        statut=Statut.VALIDEE
    )
    return promo.pk


def test_it_runs_as_many_queries_for_3_students_as_for_30(
    db: None, administrateur: Utilisateur
) -> None:
    petite = _cohorte_validee(3, "NDRC petite")
    grande = _cohorte_validee(30, "NDRC grande")
    client = Client()
    client.force_login(administrateur)
    with time_machine.travel(DECEMBRE):
        requetes(client, URL, {"promotion": petite})  # warm the session and the caches
        nombres = [requetes(client, URL, {"promotion": pk}) for pk in (petite, grande)]
    assert nombres[0] == nombres[1], nombres
    print("requêtes du tableau de bord :", nombres)
    # 20, 5 for the drafts judged alone (their journals and hosts), 4 for the headcounts
    # of the hosts whose quota a finding is about (here: none declared); 1 for the late
    # follow-ups of the section (suivi/: the stages followed and their contacts).
    assert nombres[0] <= 30, nombres


def test_a_teacher_sees_the_students_they_follow_first_and_can_see_the_whole_cohort(
    cohorte: dict[str, object], clients: dict[str, Client], enseignant: Utilisateur
) -> None:
    marc = fabriques.enseignant(nom="Leroy", prenom="Marc", utilisateur=enseignant)
    for eleve in (cohorte["alice"], cohorte["chloe"]):
        eleve.referent = marc  # type: ignore[attr-defined]
        eleve.save()  # type: ignore[attr-defined]

    html = _page(clients["enseignant"], cohorte)
    assert "2 étudiants que vous suivez" in html
    assert "Arnaud" in html and "Chevalier" in html and "Bernard" not in html

    tous = _page(clients["enseignant"], cohorte, etudiants="tous")
    assert "3 étudiants." in tous and "Bernard" in tous

    # Someone who follows no student has nothing to choose: the whole cohort.
    admin = _page(clients["administrateur"], cohorte)
    assert 'name="etudiants"' not in admin and "Bernard" in admin


def test_by_default_a_teacher_sees_a_cohort_where_they_follow_students(
    cohorte: dict[str, object], clients: dict[str, Client], enseignant: Utilisateur
) -> None:
    fabriques.promotion(annee_debut=2025, libelle="A-NDRC 2025-2027 (autre groupe)")
    marc = fabriques.enseignant(nom="Leroy", prenom="Marc", utilisateur=enseignant)
    cohorte["bruno"].referent = marc  # type: ignore[attr-defined]
    cohorte["bruno"].save()  # type: ignore[attr-defined]
    with time_machine.travel(DECEMBRE):
        html = clients["enseignant"].get(URL).content.decode()
        autre = clients["administrateur"].get(URL).content.decode()
    assert "1 étudiant que vous suivez" in html and "Bernard" in html
    assert "A-NDRC 2025-2027 (autre groupe) — 1re année" not in html
    # The administrator sees every cohort in training.
    assert "A-NDRC 2025-2027 (autre groupe) — 1re année" in autre
    assert "NDRC 2025-2027 — 1re année" in autre


def test_once_the_years_periods_are_over_a_shortfall_shows_in_red(
    cohorte: dict[str, object], clients: dict[str, Client]
) -> None:
    promo = cohorte["promotion"]
    with time_machine.travel(date(2026, 7, 15)):
        html = clients["enseignant"].get(URL, {"promotion": promo.pk}).content.decode()  # type: ignore[attr-defined]
    section = _section(html, "programme")
    ligne_alice = section[
        section.index("Arnaud Alice") : section.index("</tr>", section.index("Arnaud Alice"))
    ]
    assert "manque 20 j" in ligne_alice and "fr-badge--error" in ligne_alice


def test_blocking_findings_of_conventions_not_signed_yet_are_counted(
    cohorte: dict[str, object], clients: dict[str, Client]
) -> None:
    # Bruno's draft is at a host of 12 where the host declares three interns from other
    # schools in January: with him, four for a quota of three. A draft counts in no quota,
    # but its own finding blocks it, and the dashboard counts it.
    brouillon: Convention = cohorte["brouillon"]  # type: ignore[assignment]
    hote = brouillon.etablissement_accueil.organisme
    for mois in range(1, 13):
        organismes_services.effectif_enregistrer(
            organisme=hote, mois=date(2025 if mois > 1 else 2026, mois, 1), personnes=12
        )
    organismes_services.autres_stagiaires_declarer(
        organisme=hote, semaine=date(2026, 1, 5), nombre=3
    )
    html = _page(clients["administrateur"], cohorte)
    section = _section(html, "constats")
    assert "Bernard Bruno" in section
    assert re.search(r'indicateur__nombre">[1-9]\d*</span>\s*<span>constats? bloquants?', html)
    assert not re.search(r'indicateur__nombre">0</span>\s*<span>constats bloquants', html)


def test_by_default_it_shows_every_cohort_in_training(
    cohorte: dict[str, object], clients: dict[str, Client]
) -> None:
    fabriques.promotion(annee_debut=2024, libelle="NDRC 2024-2026")
    with time_machine.travel(DECEMBRE):
        html = clients["administrateur"].get(URL).content.decode()
    assert "NDRC 2025-2027 — 1re année" in html and "NDRC 2024-2026 — 2e année" in html
    assert '<option value="" selected>Toutes les promotions en formation</option>' in html
