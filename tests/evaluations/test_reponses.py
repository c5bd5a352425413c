"""Each question type's rule, in the form (French errors, nothing lost) and in the service."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evaluations import services
from evaluations.models import Question
from evaluations.reponses import TEXTE_MAX, FormulaireReponses, nom_du_champ, verifier
from tests.evaluations import outils

pytestmark = pytest.mark.django_db


def _q(ev: Any, code: str) -> Question:
    return ev.questionnaire.questions.get(code=code)


@pytest.fixture
def ev() -> Any:
    return outils.evaluation(outils.stage_termine(), "etudiant")


@pytest.mark.parametrize(
    ("code", "bonne", "mauvaise"),
    [
        ("recommande", "oui", "peut-être"),  # yes/no
        ("fiches", "En partie", "Beaucoup"),  # single choice
        ("activites", ["Prospection", "Vente directe"], ["Prospection", "Pilotage"]),  # multiple
        ("accueil", "5", "6"),  # scale 1-5
    ],
)
def test_chaque_type_n_accepte_que_ses_reponses(
    ev: Any, code: str, bonne: Any, mauvaise: Any
) -> None:
    q = _q(ev, code)
    questions = list(ev.questionnaire.questions.all())
    base = outils.reponses_valides(ev)
    assert FormulaireReponses({**base, nom_du_champ(q): bonne}, questions=questions).is_valid()
    form = FormulaireReponses({**base, nom_du_champ(q): mauvaise}, questions=questions)
    assert not form.is_valid()
    assert "proposées" in str(form.errors[nom_du_champ(q)])


def test_un_niveau_ti_i_s_ts() -> None:
    ev = outils.evaluation(outils.stage_termine())
    q = _q(ev, "b1-1")
    questions = list(ev.questionnaire.questions.all())
    base = outils.reponses_valides(ev)
    assert FormulaireReponses({**base, nom_du_champ(q): "TS"}, questions=questions).is_valid()
    assert not FormulaireReponses({**base, nom_du_champ(q): "A"}, questions=questions).is_valid()
    # Optional: a task not observed stays empty.
    assert FormulaireReponses({**base, nom_du_champ(q): ""}, questions=questions).is_valid()


def test_un_texte_est_borne_et_l_obligatoire_est_demande(ev: Any) -> None:
    questions = list(ev.questionnaire.questions.all())
    base = outils.reponses_valides(ev)
    texte = nom_du_champ(_q(ev, "commentaire"))
    form = FormulaireReponses({**base, texte: "x" * (TEXTE_MAX + 1)}, questions=questions)
    assert not form.is_valid()
    assert "dépasse" in str(form.errors[texte])
    obligatoire = nom_du_champ(_q(ev, "accueil"))
    form = FormulaireReponses({**base, obligatoire: ""}, questions=questions)
    assert not form.is_valid()
    assert "Répondez à cette question." in str(form.errors[obligatoire])
    assert form[texte].value() == base[texte]  # what was typed stays


def test_le_service_refuse_une_reponse_hors_de_la_version(ev: Any) -> None:
    questions = list(ev.questionnaire.questions.all())
    form = FormulaireReponses(outils.reponses_valides(ev), questions=questions)
    assert form.is_valid()
    bonnes = form.reponses()
    verifier(questions, bonnes)
    for mauvaises in (
        {**bonnes, "999999": "oui"},
        {**bonnes, str(_q(ev, "accueil").pk): 9},
        {**bonnes, str(_q(ev, "accueil").pk): True},
        {**bonnes, str(_q(ev, "activites").pk): ["Autre"]},
        {k: v for k, v in bonnes.items() if k != str(_q(ev, "recommande").pk)},
    ):
        with pytest.raises(ValidationError):
            services.evaluation_enregistrer(
                evaluation=ev, reponses=mauvaises, le=timezone.now(), par="x"
            )
    ev.refresh_from_db()
    assert ev.remplie_le is None


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    valeurs=st.dictionaries(
        st.sampled_from(["accueil", "recommande", "activites", "fiches", "commentaire", "zz"]),
        st.one_of(st.text(max_size=30), st.lists(st.text(max_size=10), max_size=3)),
    )
)
def test_fuzz_le_formulaire_ne_stocke_que_des_reponses_valables(
    ev: Any, valeurs: dict[str, Any]
) -> None:
    questions = list(ev.questionnaire.questions.all())
    codes = {q.code: q for q in questions}
    donnees = {nom_du_champ(codes[k]) if k in codes else k: v for k, v in valeurs.items()}
    form = FormulaireReponses(donnees, questions=questions)
    if form.is_valid():
        verifier(questions, form.reponses())  # whatever the form accepts, the service does
