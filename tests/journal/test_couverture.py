"""The coverage of a log, computed without a database from a table of cases; the rule of the
fiches read from its YAML; and once through the database, where a mission counts for its
main competences."""

from __future__ import annotations

from datetime import date

import pytest

from journal import couverture, selectors
from journal.couverture import CompetenceVue, EntreeVue
from tests.journal import outils

JOUR = date(2026, 3, 16)
COMPETENCES = [
    CompetenceVue("B1.1", "Cibler et prospecter la clientèle"),
    CompetenceVue("B1.2", "Négocier et accompagner la relation client"),
    CompetenceVue("B1.3", "Organiser et animer un évènement commercial"),
    CompetenceVue("B1.4", "Exploiter et mutualiser l'information commerciale"),
    CompetenceVue("B2.3", "Développer la relation client en e-commerce"),
    CompetenceVue("B3.1", "Implanter et promouvoir l'offre chez des distributeurs"),
    CompetenceVue("B3.2", "Développer et animer un réseau de partenaires"),
    CompetenceVue("B3.3", "Créer et animer un réseau de vente directe"),
]


def _e(pk: int, *codes: str, reseaux: tuple[str, ...] = ()) -> EntreeVue:
    return EntreeVue(pk, JOUR, JOUR, frozenset(codes), frozenset(reseaux))


# (entries, codes of the fiches fed, competences with no entry)
CAS = [
    pytest.param(
        [],
        set(),
        {"B1.1", "B1.2", "B1.3", "B1.4", "B2.3", "B3.1", "B3.2", "B3.3"},
        id="empty log: every competence and every fiche is a gap",
    ),
    pytest.param(
        [_e(1, "B1.2")],
        {"E4_NEGO"},
        {"B1.1", "B1.3", "B1.4", "B2.3", "B3.1", "B3.2", "B3.3"},
        id="a negotiation feeds the E4 négo-vente fiche only",
    ),
    pytest.param(
        [_e(1, "B1.3"), _e(2, "B1.1", "B1.4")],
        {"E4_EVENEMENT"},
        {"B1.2", "B2.3", "B3.1", "B3.2", "B3.3"},
        id="an event feeds the E4 évènement fiche; prospecting alone feeds none",
    ),
    pytest.param(
        [_e(1, "B3.1")],
        {"E6_DISTRIBUTEURS"},
        {"B1.1", "B1.2", "B1.3", "B1.4", "B2.3", "B3.2", "B3.3"},
        id="distributors' competence feeds the E6 distributeurs fiche",
    ),
    pytest.param(
        [_e(1, "B1.2", reseaux=("partenaires",))],
        {"E4_NEGO", "E6_PARTENAIRES"},
        {"B1.1", "B1.3", "B1.4", "B2.3", "B3.1", "B3.2", "B3.3"},
        id="a mission of a partner network feeds E6 partenaires without B3.2",
    ),
    pytest.param(
        [_e(1, "B3.3"), _e(2, "B3.2"), _e(3, "B2.3")],
        {"E6_VENTE_DIRECTE", "E6_PARTENAIRES"},
        {"B1.1", "B1.2", "B1.3", "B1.4", "B3.1"},
        id="e-commerce (E5) feeds no fiche",
    ),
]


@pytest.mark.parametrize(("entrees", "fiches", "manquantes"), CAS)
def test_coverage_per_competence_and_fiche(
    entrees: list[EntreeVue], fiches: set[str], manquantes: set[str]
) -> None:
    resultat = couverture.calculer(
        competences=COMPETENCES, entrees=entrees, periodes=[], aujourdhui=JOUR
    )
    assert {f.regle.code for f in resultat.fiches if f.entrees} == fiches
    assert {c.competence.code for c in resultat.competences if not c.entrees} == manquantes
    for ligne in resultat.competences:  # each competence lists the entries that feed it
        assert [e.pk for e in ligne.entrees] == [
            e.pk for e in entrees if ligne.competence.code in e.competences
        ]


def test_a_gap_says_whether_there_is_still_time_to_ask_the_host() -> None:
    entrees = [_e(1, "B1.2")]
    encore = couverture.calculer(
        competences=COMPETENCES,
        entrees=entrees,
        periodes=[(date(2026, 3, 2), date(2026, 3, 27)), (date(2026, 1, 5), date(2026, 1, 30))],
        aujourdhui=JOUR,
    )
    assert encore.encore_du_temps
    assert encore.periodes_a_venir == ((date(2026, 3, 2), date(2026, 3, 27)),)
    assert (
        "Aucune activité pour B2.3 Développer la relation client en e-commerce." in encore.manques
    )
    assert encore.conseil == (
        "Il reste du stage jusqu'au 27/03/2026 : demandez à votre tuteur des activités qui les "
        "travaillent."
    )
    fini = couverture.calculer(
        competences=COMPETENCES, entrees=entrees, periodes=[], aujourdhui=JOUR
    )
    assert not fini.encore_du_temps
    assert "Aucune activité pour B2.3 Développer la relation client en e-commerce." in fini.manques
    assert fini.conseil.startswith("Plus aucune période de stage n'est prévue")
    assert not any(m.startswith("Aucune activité pour B1.2") for m in fini.manques)
    tout = couverture.calculer(
        competences=COMPETENCES[:1],
        entrees=[_e(1, "B1.1", "B1.2", "B1.3", "B3.1", "B3.2", "B3.3")],
        periodes=[],
        aujourdhui=JOUR,
    )
    assert tout.manques == () and tout.conseil == ""


def test_an_e4_fiche_also_expects_prospecting_and_information() -> None:
    resultat = couverture.calculer(
        competences=COMPETENCES, entrees=[_e(1, "B1.2", "B1.1")], periodes=[], aujourdhui=JOUR
    )
    nego = next(f for f in resultat.fiches if f.regle.code == "E4_NEGO")
    assert nego.a_completer == ("B1.4",)


def test_the_rule_is_data_with_its_reference() -> None:
    r = couverture.regles()
    assert [f.code for f in r.fiches] == [
        "E4_NEGO",
        "E4_EVENEMENT",
        "E6_DISTRIBUTEURS",
        "E6_PARTENAIRES",
        "E6_VENTE_DIRECTE",
    ]
    assert "19 février 2018" in r.reference and "annexes V-1 et VII-1" in r.reference
    assert {f.reseau for f in r.fiches if f.epreuve == "E6"} == {
        "distributeurs",
        "partenaires",
        "vente_directe",
    }
    autre = couverture.lire_regles(
        "reference: essai\nfiches:\n  - {code: X, epreuve: E4, libelle: X, competences: [B2.3]}\n"
    )
    resultat = couverture.calculer(
        competences=COMPETENCES,
        entrees=[_e(1, "B2.3")],
        periodes=[],
        aujourdhui=JOUR,
        regles_fiches=autre,
    )
    assert [f.regle.code for f in resultat.fiches if f.entrees] == ["X"]


@pytest.mark.django_db
def test_from_the_database_a_mission_counts_for_its_main_competences() -> None:
    c = outils.stage()
    outils.entree(c, missions=("DISTRIBUTEURS.IMPLANTATION",))  # B3.1, réseau de distributeurs
    outils.entree(c, competences=("B1.3",), missions=("SERVIR_CLIENT.RELANCES",))  # B1.2 main
    resultat = selectors.couverture_de(c.etudiant, aujourdhui=outils.aujourdhui())
    nombres = {ligne.competence.code: len(ligne.entrees) for ligne in resultat.competences}
    assert nombres["B3.1"] == 1 and nombres["B1.2"] == 1 and nombres["B1.3"] == 1
    assert nombres["B2.1"] == 0  # a secondary competence of a mission does not count
    assert len(resultat.competences) == 10
    nourries = {f.regle.code for f in resultat.fiches if f.entrees}
    assert nourries == {"E4_NEGO", "E4_EVENEMENT", "E6_DISTRIBUTEURS"}
    assert resultat.encore_du_temps
