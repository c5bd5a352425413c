"""The weeks of presence not confirmed by the host: for each convention whose log is kept
(`conventions.workflow.POINTAGE_POSSIBLE`), the civil weeks over on the day given that are
not recorded (planned days with no entry) or typed by the staff without the tutor's word
(neither confirmed by the tutor in their space nor typed from their signed sheet), with the
origin of each week and a count per cohort.

A week counts once its last planned day is before `le` (the view passes today): the week
under way is not late yet. A week typed by the staff alone is listed while its tutor is still
asked to confirm it (the stage not ended more than PRESENCE_RECUL_JOURS days ago); after
that, the staff's entry stands as the record. Read in a constant number of queries: the conventions with their
periods, their journals (rows), the origins of the days, their hosts' closures."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.urls import reverse

from conventions.models import Convention, Pointage
from conventions.moteur import avec_details, journaux, vers_regles
from conventions.semaines import A_CONFIRMER, EtatSemaine, Semaine, semaines
from conventions.workflow import POINTAGE_POSSIBLE
from etablissement.models import Enseignant
from organismes.selectors import organismes_pour_regles
from regles.calendrier import calendrier
from regles.parametres import ParametreNonEnVigueur, parametres
from regles.presence import jours_prevus


@dataclass(frozen=True)
class SemaineNonRelevee:
    """A week over and not confirmed: not recorded, or typed by the staff only."""

    lundi: date
    prevus: int  # planned days that week
    manquants: int  # of them, with no entry in the log
    url: str  # the presence record at that week
    etat: EtatSemaine = EtatSemaine.A_RELEVER

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
    etats: dict[str, int] = field(default_factory=dict)  # weeks over, by EtatSemaine

    @property
    def confirmees(self) -> int:
        return self.etats.get(EtatSemaine.CONFIRMEE, 0) + self.etats.get(EtatSemaine.FEUILLE, 0)


@dataclass(frozen=True)
class Promotion:
    """A cohort's count: its weeks over not recorded, typed but not confirmed."""

    nom: str
    a_relever: int
    saisies: int


def _lundi(jour: date) -> date:
    return jour - timedelta(days=jour.weekday())


def semaines_non_relevees(
    *, le: date, referent: Enseignant | None = None
) -> list[ConventionNonRelevee]:
    """The conventions whose log is kept and that have weeks before `le` not confirmed (of
    the students `referent` follows, if given), by student, with those weeks in date order."""
    conventions = Convention.objects.filter(
        statut__in=POINTAGE_POSSIBLE, periodes__debut__lt=le
    ).distinct()
    if referent is not None:
        conventions = conventions.filter(etudiant__referent=referent)
    liste = list(avec_details(conventions).order_by("etudiant__nom", "etudiant__prenom", "pk"))
    if not liste:
        return []
    lus = journaux(c.pk for c in liste)
    origines: dict[int, dict[date, str]] = defaultdict(dict)
    for pk, jour, origine in (
        Pointage.objects.filter(convention__in=[c.pk for c in liste])
        .order_by()
        .values_list("convention_id", "jour", "origine")
    ):
        origines[pk][jour] = origine
    fermetures = {
        o.siren: o.fermetures
        for o in organismes_pour_regles({c.etablissement_accueil.organisme for c in liste})
    }
    p = parametres()
    recul = timedelta(days=getattr(settings, "PRESENCE_RECUL_JOURS", 30))
    resultat = []
    for c in liste:
        modele = vers_regles(
            c, exceptions=lus.exceptions.get(c.pk, {}), pointages=lus.pointages.get(c.pk, ())
        )
        try:
            cal = calendrier(p.texte("reglages.zone_scolaire", modele.debut))
        except ParametreNonEnVigueur:
            continue  # a stage before the law Stages knows: no week to plan
        ferme = fermetures[modele.siren]
        passees: list[Semaine] = [
            s
            for s in semaines(
                modele,
                prevus=jours_prevus(modele, calendrier=cal, fermetures=ferme),
                origines=origines[c.pk],
                cal=cal,
                fermetures=ferme,
            )
            if s.prevus and s.terminee(le)
        ]
        url = reverse("conventions:pointages", kwargs={"pk": c.pk})
        a_confirmer = A_CONFIRMER if modele.fin >= le - recul else (EtatSemaine.A_RELEVER,)
        en_retard = [
            SemaineNonRelevee(
                s.lundi, s.prevus, s.manquants, f"{url}?semaine={s.lundi.isoformat()}", s.etat
            )
            for s in passees
            if s.etat in a_confirmer
        ]
        if en_retard:
            resultat.append(
                ConventionNonRelevee(c, en_retard, dict(Counter(s.etat for s in passees)))
            )
    return resultat


def par_promotion(lignes: list[ConventionNonRelevee]) -> list[Promotion]:
    """The weeks not confirmed, counted per cohort (by its name)."""
    a_relever: Counter[str] = Counter()
    saisies: Counter[str] = Counter()
    for ligne in lignes:
        nom = str(ligne.convention.etudiant.promotion)
        for s in ligne.semaines:
            (a_relever if s.etat == EtatSemaine.A_RELEVER else saisies)[nom] += 1
    return [Promotion(nom, a_relever[nom], saisies[nom]) for nom in sorted(a_relever | saisies)]
