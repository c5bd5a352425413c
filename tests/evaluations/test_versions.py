"""A published version is frozen; editing makes a new version; an answer keeps its own."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from evaluations import selectors, services
from evaluations.models import Question, TypeQuestionnaire
from tests.evaluations import outils

pytestmark = pytest.mark.django_db


def test_les_formulaires_par_defaut_sont_publies() -> None:
    for t in TypeQuestionnaire:
        publiee = selectors.version_publiee(t.value)
        assert publiee is not None and publiee.version == 1
    tuteur = selectors.version_publiee("tuteur")
    assert tuteur is not None
    ndrc = tuteur.questions.filter(type_reponse="niveau")
    assert ndrc.count() == 7  # B1.1-B1.4, B3.1-B3.3
    assert all("formative" in q.rubrique for q in ndrc)
    assert services.questionnaires_par_defaut(le=timezone.now()) == 0  # nothing twice


def test_une_reponse_garde_les_questions_de_sa_version() -> None:
    c = outils.stage_termine()
    ev = outils.evaluation(c)
    v1 = ev.questionnaire
    premiere = v1.questions.get(code="assiduite")
    services.evaluation_enregistrer(
        evaluation=ev,
        reponses={str(q.pk): 4 for q in v1.questions.filter(type_reponse="echelle")}
        | {
            str(v1.questions.get(code="appreciation").pk): "Satisfaisante",
            str(v1.questions.get(code="autre-stagiaire").pk): "oui",
        },
        le=timezone.now(),
        par="Tuteur",
    )
    brouillon = services.brouillon_ouvrir(type_="tuteur", le=timezone.now(), auteur=None)
    assert brouillon.version == 2 and brouillon.questions.count() == v1.questions.count()
    copie = brouillon.questions.get(code="assiduite")
    services.question_modifier(question=copie, donnees={"libelle": "Ponctualité seule"})
    services.question_supprimer(question=brouillon.questions.get(code="integration"))
    services.question_ajouter(
        questionnaire=brouillon,
        donnees={"libelle": "Tenue du poste de caisse", "type_reponse": "oui_non"},
    )
    services.brouillon_publier(questionnaire=brouillon, le=timezone.now())

    ev.refresh_from_db()
    assert ev.questionnaire_id == v1.pk
    premiere.refresh_from_db()
    assert premiere.libelle == "Assiduité et ponctualité"
    assert v1.questions.filter(code="integration").exists()
    lignes = [ligne.question.libelle for _, groupe in selectors.lignes(ev) for ligne in groupe]
    assert "Assiduité et ponctualité" in lignes and "Tenue du poste de caisse" not in lignes
    # A new evaluation is asked with version 2.
    autre = outils.evaluation(outils.stage_termine("Garonne Services"))
    assert autre.questionnaire.version == 2


def test_une_version_publiee_ne_change_plus() -> None:
    publiee = selectors.version_publiee("etudiant")
    assert publiee is not None
    q = publiee.questions.first()
    assert isinstance(q, Question)
    with pytest.raises(services.Fige):
        services.question_modifier(question=q, donnees={"libelle": "Autre"})
    with pytest.raises(services.Fige):
        services.question_supprimer(question=q)
    with pytest.raises(services.Fige):
        services.brouillon_publier(questionnaire=publiee, le=timezone.now())


def test_un_choix_demande_au_moins_deux_reponses() -> None:
    brouillon = services.brouillon_ouvrir(type_="referent", le=timezone.now(), auteur=None)
    with pytest.raises(ValidationError):
        services.question_ajouter(
            questionnaire=brouillon,
            donnees={"libelle": "Secteur", "type_reponse": "choix_unique", "choix": "Seul"},
        )


def test_la_commande_remet_les_formulaires_manquants() -> None:
    from io import StringIO

    from django.core.management import call_command

    from evaluations.models import Evaluation, Questionnaire

    Evaluation.objects.all().delete()
    Questionnaire.objects.all().delete()
    sortie = StringIO()
    call_command("evaluations_questionnaires", stdout=sortie)
    assert "3 formulaire(s)" in sortie.getvalue()
    assert Questionnaire.objects.filter(publie_le__isnull=False).count() == 3
