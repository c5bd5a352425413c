"""The demo's evaluations: for the stages that are over, the tutor's and the student's,
answered a few days after the period's end (never after the story's day), one tutor's
typed by the secretary from a paper form; so the hosts' records say something (a host that
would not take another intern, a late gratification)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from comptes.models import Utilisateur
from conventions.models import Convention, Statut
from demo.calendrier import JOUR_DE_LA_DEMO
from evaluations import services
from evaluations.models import Evaluation, TypeQuestionnaire


def _moment(jour: date, heure: int) -> datetime:
    jour = min(jour, JOUR_DE_LA_DEMO - timedelta(days=1))
    return timezone.make_aware(datetime.combine(jour, time(heure)))


def _reponses(ev: Evaluation, i: int) -> dict[str, Any]:
    par_code = {q.code: q for q in ev.questionnaire.questions.filter(active=True)}
    r: dict[str, Any] = {}

    def mettre(code: str, valeur: Any) -> None:
        if code in par_code:
            r[str(par_code[code].pk)] = valeur

    if ev.type == TypeQuestionnaire.TUTEUR:
        for n, code in enumerate(("assiduite", "comportement", "integration", "autonomie")):
            mettre(code, 3 + (i + n) % 3)
        mettre("relation-client", 4)
        mettre("points-forts", "Très à l'aise au téléphone, relances clients sérieuses.")
        mettre("b1-1", ("S", "TS", "I")[i % 3])
        mettre("b1-2", ("S", "S", "TS")[i % 3])
        mettre("b1-4", "S")
        mettre("appreciation", ("Satisfaisante", "Très satisfaisante")[i % 2])
        mettre("autre-stagiaire", "non" if i % 4 == 3 else "oui")
    else:
        mettre("accueil", 3 + i % 3)
        mettre("encadrement", 2 + i % 4)
        mettre("interet", 4)
        mettre("activites", ["Prospection", "Vente et négociation"])
        mettre("fiches", ("Oui", "En partie")[i % 2])
        mettre("recommande", "non" if i % 5 == 4 else "oui")
        if i % 6 == 5:
            mettre("gratification", "oui")
            mettre(
                "gratification-detail",
                "Gratification du premier mois versée avec un mois de retard.",
            )
        else:
            mettre("gratification", "non")
    return r


def evaluations_creer(conventions: QuerySet[Convention], secretariat: Utilisateur | None) -> int:
    """Answer the evaluations of the periods over of the stages that are over."""
    services.questionnaires_par_defaut(le=_moment(JOUR_DE_LA_DEMO, 8))
    remplies = 0
    finies = conventions.filter(statut__in=(Statut.TERMINEE, Statut.ATTESTEE)).order_by("pk")
    for i, c in enumerate(finies.prefetch_related("periodes").select_related("tuteur", "etudiant")):
        for p in c.periodes.all():
            if p.fin >= JOUR_DE_LA_DEMO:
                continue
            for type_ in (TypeQuestionnaire.TUTEUR, TypeQuestionnaire.ETUDIANT):
                ev = services.evaluation_obtenir(periode=p, type_=type_)
                Evaluation.objects.filter(pk=ev.pk).update(
                    demandee_le=_moment(p.fin + timedelta(days=1), 7)
                )
                papier = type_ == TypeQuestionnaire.TUTEUR and i % 7 == 2
                par = (
                    str(c.tuteur or "Le tuteur")
                    if type_ == TypeQuestionnaire.TUTEUR
                    else f"{c.etudiant.prenom} {c.etudiant.nom}"
                )
                services.evaluation_enregistrer(
                    evaluation=ev,
                    reponses=_reponses(ev, i),
                    le=_moment(p.fin + timedelta(days=2 + i % 5), 10 + i % 6),
                    par=par,
                    saisie_par=secretariat if papier else None,
                )
                remplies += 1
    return remplies
