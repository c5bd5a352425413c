"""The weeks of presence nobody recorded: for each convention whose log is kept
(`conventions.workflow.POINTAGE_POSSIBLE`), the civil weeks over on the day given whose
planned days (schedule, public holidays and closures out) have no entry in the log.

A week counts once its last planned day is before `le` (the view passes today): the week
under way is not late yet. Read in a constant number of queries: the conventions with their
periods, their journals (rows), their hosts' closures."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.urls import reverse

from conventions.models import Convention
from conventions.moteur import avec_details, journaux, vers_regles
from conventions.workflow import POINTAGE_POSSIBLE
from etablissement.models import Enseignant
from organismes.selectors import organismes_pour_regles
from regles.calendrier import calendrier
from regles.parametres import ParametreNonEnVigueur, parametres
from regles.presence import jours_prevus


@dataclass(frozen=True)
class SemaineNonRelevee:
    lundi: date
    prevus: int  # planned days that week
    manquants: int  # of them, with no entry in the log
    url: str  # the presence record at that week

    @property
    def dimanche(self) -> date:
        return self.lundi + timedelta(days=6)

    @property
    def entiere(self) -> bool:
        return self.manquants == self.prevus


@dataclass(frozen=True)
class ConventionNonRelevee:
    convention: Convention
    semaines: list[SemaineNonRelevee]


def _lundi(jour: date) -> date:
    return jour - timedelta(days=jour.weekday())


def semaines_non_relevees(
    *, le: date, referent: Enseignant | None = None
) -> list[ConventionNonRelevee]:
    """The conventions whose log is kept and that miss weeks before `le` (of the students
    `referent` follows, if given), by student, with those weeks in date order."""
    conventions = Convention.objects.filter(
        statut__in=POINTAGE_POSSIBLE, periodes__debut__lt=le
    ).distinct()
    if referent is not None:
        conventions = conventions.filter(etudiant__referent=referent)
    liste = list(avec_details(conventions).order_by("etudiant__nom", "etudiant__prenom", "pk"))
    if not liste:
        return []
    lus = journaux(c.pk for c in liste)
    fermetures = {
        o.siren: o.fermetures
        for o in organismes_pour_regles({c.etablissement_accueil.organisme for c in liste})
    }
    p = parametres()
    resultat = []
    for c in liste:
        modele = vers_regles(
            c, exceptions=lus.exceptions.get(c.pk, {}), pointages=lus.pointages.get(c.pk, ())
        )
        try:
            cal = calendrier(p.texte("reglages.zone_scolaire", modele.debut))
        except ParametreNonEnVigueur:
            continue  # a stage before the law Stages knows: no week to plan
        prevus = jours_prevus(modele, calendrier=cal, fermetures=fermetures[modele.siren])
        releves = {pointage.jour for pointage in modele.pointages}
        par_semaine: dict[date, list[date]] = defaultdict(list)
        for jour in prevus:
            par_semaine[_lundi(jour)].append(jour)
        url = reverse("conventions:pointages", kwargs={"pk": c.pk})
        semaines = [
            SemaineNonRelevee(
                lundi,
                len(jours),
                sum(1 for j in jours if j not in releves),
                f"{url}?semaine={lundi.isoformat()}",
            )
            for lundi, jours in sorted(par_semaine.items())
            if max(jours) < le and any(j not in releves for j in jours)
        ]
        if semaines:
            resultat.append(ConventionNonRelevee(c, semaines))
    return resultat
