"""The class counters of each coming period and the référent's list, on a small cohort whose
answers are counted by hand below; in a constant number of queries."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from candidatures.selectors import Situation, tableau_recherche
from conventions.models import Statut
from etablissement import services as etablissement_services
from tests import fabriques
from tests.candidatures import outils

pytestmark = pytest.mark.django_db


@pytest.fixture
def classe():  # type: ignore[no-untyped-def]
    """Five students under way and one archived, in one cohort with two coming periods:

    | student  | winter                           | spring                    |
    |----------|----------------------------------|---------------------------|
    | signee   | signed convention                | no place, one application |
    | brouillon| draft convention                 | no place, nothing         |
    | validee  | validated convention             | no place, nothing         |
    | annulee  | cancelled convention, 2 applic.  | no place, nothing         |
    | rien     | no place, nothing                | no place, nothing         |
    | archivé  | (not counted)                    |                           |

    The référent Durand follows « signee » and « brouillon ».
    """
    promo, hiver, printemps = outils.promotion()
    durand = fabriques.enseignant(nom="Durand")
    e = {
        nom: outils.etudiant(
            promo, nom=nom.capitalize(), referent=durand if nom in ("signee", "brouillon") else None
        )
        for nom in ("signee", "brouillon", "validee", "annulee", "rien")
    }
    outils.convention(e["signee"], hiver, Statut.SIGNEE)
    outils.candidature(e["signee"], printemps, organisme_nom="Cave du printemps")
    outils.convention(e["brouillon"], hiver, Statut.BROUILLON)
    outils.convention(e["validee"], hiver, Statut.VALIDEE)
    outils.convention(e["annulee"], hiver, Statut.ANNULEE)
    jour = outils.aujourdhui()
    outils.candidature(e["annulee"], hiver, organisme_nom="Première", date=jour - timedelta(days=9))
    outils.candidature(
        e["annulee"],
        hiver,
        organisme_nom="Dernière",
        date=jour - timedelta(days=1),
        reponse="entretien",
    )
    archive = outils.etudiant(promo, nom="Archive")
    etablissement_services.etudiant_archiver(etudiant=archive)
    return promo, hiver, printemps, durand, e


def _chiffres(c) -> tuple[int, int, int, int, int]:  # type: ignore[no-untyped-def]
    return (c.etudiants, c.sans_place, c.sans_candidature, c.en_preparation, c.signees)


def test_the_counters_of_each_coming_period(classe) -> None:  # type: ignore[no-untyped-def]
    _, hiver, printemps, _, _ = classe
    tableau = tableau_recherche(le=outils.aujourdhui())
    par_periode = {c.periode: _chiffres(c) for c in tableau.compteurs}
    # (students, without a place, of whom without application, in preparation, signed)
    assert par_periode == {hiver: (5, 2, 1, 2, 1), printemps: (5, 5, 4, 0, 0)}


def test_a_period_over_is_no_longer_counted(classe) -> None:  # type: ignore[no-untyped-def]
    _, hiver, printemps, _, _ = classe
    tableau = tableau_recherche(le=hiver.fin + timedelta(days=1))
    assert [c.periode for c in tableau.compteurs] == [printemps]


def test_the_referent_sees_their_students_for_the_period_they_search_for(classe) -> None:  # type: ignore[no-untyped-def]
    _, hiver, printemps, durand, e = classe
    tableau = tableau_recherche(le=outils.aujourdhui(), referent=durand)
    assert {c.periode: _chiffres(c) for c in tableau.compteurs} == {
        hiver: (2, 0, 0, 1, 1),
        printemps: (2, 2, 1, 0, 0),
    }
    lignes = {ligne.etudiant: ligne for ligne in tableau.lignes}
    assert set(lignes) == {e["signee"], e["brouillon"]}
    # Signed for winter: what they search for is spring, with their application.
    signee = lignes[e["signee"]]
    assert (signee.periode, signee.situation, signee.candidatures) == (
        printemps,
        Situation.SANS_PLACE,
        1,
    )
    assert signee.derniere is not None and signee.derniere.organisme_nom == "Cave du printemps"
    brouillon = lignes[e["brouillon"]]
    assert (brouillon.periode, brouillon.situation, brouillon.derniere) == (
        hiver,
        Situation.EN_PREPARATION,
        None,
    )


def test_the_whole_class_list_names_the_last_application(classe) -> None:  # type: ignore[no-untyped-def]
    _, hiver, _, _, e = classe
    tableau = tableau_recherche(le=outils.aujourdhui())
    lignes = {ligne.etudiant: ligne for ligne in tableau.lignes}
    assert len(lignes) == 5
    annulee = lignes[e["annulee"]]
    assert (annulee.periode, annulee.situation, annulee.candidatures) == (
        hiver,
        Situation.SANS_PLACE,
        2,
    )
    assert annulee.derniere is not None
    assert (annulee.derniere.organisme_nom, annulee.derniere.reponse) == ("Dernière", "entretien")
    # Grouped: without a place first, then in preparation (nobody is signed for both).
    assert [s for s, _ in tableau.groupes] == [Situation.SANS_PLACE, Situation.EN_PREPARATION]


def test_the_queries_do_not_grow_with_the_class(classe) -> None:  # type: ignore[no-untyped-def]
    promo, hiver, printemps, _, _ = classe
    with CaptureQueriesContext(connection) as avant:
        tableau_recherche(le=outils.aujourdhui())
    for i in range(4):
        eleve = outils.etudiant(promo, nom=f"Nouveau{i}")
        outils.convention(eleve, hiver, Statut.SIGNEE)
        outils.candidature(eleve, printemps)
    with CaptureQueriesContext(connection) as apres:
        tableau_recherche(le=outils.aujourdhui())
    assert len(apres) == len(avant)
