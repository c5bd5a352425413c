"""Builders of the evaluations' tests: a stage whose period ended, and its tutor's link."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.utils import timezone

from conventions.models import Convention, Statut
from espaces import services as espaces_services
from evaluations import services
from evaluations.models import Evaluation, TypeQuestionnaire
from tests import fabriques
from tests.espaces import outils as espaces_outils

FIN = date(2026, 3, 27)


def moment(jour: date, heure: int = 9) -> datetime:
    return timezone.make_aware(datetime(jour.year, jour.month, jour.day, heure))


def stage_termine(nom: str = "Aquitaine Distribution", **champs: Any) -> Convention:
    """A signed stage, its one period (2 to 27 March 2026) over; the tutor and the student
    have e-mail addresses. The default forms are there (a transactional test flushes what
    the data migration wrote)."""
    services.questionnaires_par_defaut(le=timezone.now())
    org, _, tuteur = espaces_outils.hote(nom)
    c = fabriques.convention(organisme_=org, tuteur_=tuteur, **champs)
    Convention.objects.filter(pk=c.pk).update(statut=Statut.TERMINEE)
    c.etudiant.email = f"etudiant-{c.pk}@example.org"
    c.etudiant.save()
    c.refresh_from_db()
    return c


def evaluation(c: Convention, type_: str = TypeQuestionnaire.TUTEUR) -> Evaluation:
    return services.evaluation_obtenir(periode=c.periodes.get(), type_=type_)


def jeton_tuteur(c: Convention) -> str:
    assert c.tuteur is not None
    cree = espaces_services.lien_envoyer(
        titulaire=espaces_services.titulaire_tuteur(c.tuteur), le=timezone.now(), auteur=None
    )
    return cree.jeton


def reponses_valides(ev: Evaluation) -> dict[str, Any]:
    """POST data answering every question asked with its first choice / a short text."""
    from evaluations.reponses import choix_de, nom_du_champ

    donnees: dict[str, Any] = {}
    for q in ev.questionnaire.questions.filter(active=True):
        if q.type_reponse == "texte":
            donnees[nom_du_champ(q)] = "Très bon stage."
        elif q.type_reponse == "choix_multiple":
            donnees[nom_du_champ(q)] = [choix_de(q)[0][0]]
        else:
            donnees[nom_du_champ(q)] = choix_de(q)[0][0]
    return donnees
