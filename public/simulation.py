"""The simulator's one computation: the company's answers become a situation for the same
engine as the back office (regles.evaluation.evaluer), and its verdicts become the figures
a company asks for — hours, minimum, franchise, contributions, cost, quota, summer rest.

The simulated stage is one new convention; an earlier stage of the same student at this host
is a second convention (its hours add up, R-PRES-3); the headcount and the other schools'
interns are the host's data (organisme.effectifs, organisme.autres_stagiaires).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from regles import modele
from regles.calendrier import calendrier
from regles.constats import CATALOGUE, Constat, Regle
from regles.echeancier import Mois
from regles.evaluation import Cumul, Situation, evaluer
from regles.parametres import ParametreNonEnVigueur, Parametres, parametres
from regles.quotas import Semaine, lundi
from regles.repos_ete import Repos, repos_ete

SIMULATION = "simulation"
PRECEDENT = "stage-precedent"
# Placeholders: the engine keys hours by student and host, and wants a tutor.
SIREN = "000000000"
ETUDIANT = "stagiaire"
TUTEUR = "tuteur"
# Findings about a signed convention's paperwork, not about what a stage costs.
HORS_SUJET = frozenset({"CONVENTION_INCOMPLETE", "TUTEUR_ABSENT", "PROGRAMME_INSUFFISANT"})
ZERO = Decimal(0)


@dataclass(frozen=True)
class Entree:
    """What the company told the simulator (the cleaned form)."""

    intervalles: tuple[tuple[date, date], ...]
    horaire: tuple[int, ...]  # minutes, Monday first
    effectif: int | None = None
    autres_stagiaires: int = 0
    gratification: modele.ModeGratification = modele.ModeGratification.AUCUNE
    montant: Decimal = ZERO
    methode: modele.Methode = modele.Methode.REELLE
    anterieur: tuple[date, date] | None = None

    @classmethod
    def depuis_formulaire(cls, donnees: Mapping[str, Any]) -> Entree:
        return cls(
            intervalles=_fusionner(donnees["intervalles"]),
            horaire=tuple(donnees["horaire"]),
            effectif=donnees.get("effectif"),
            autres_stagiaires=donnees.get("autres_stagiaires") or 0,
            gratification=modele.ModeGratification(donnees["gratification"]),
            montant=donnees.get("montant") or ZERO,
            methode=modele.Methode(donnees["methode"]),
            anterieur=donnees.get("anterieur"),
        )


@dataclass(frozen=True)
class LigneMois:
    mois: date | None  # None: the total line
    presence: int  # minutes
    minimum_reel: Decimal
    minimum_lisse: Decimal
    verse: Decimal
    franchise: Decimal
    excedent: Decimal
    cotisations_stagiaire: Decimal
    cotisations_organisme: Decimal

    @property
    def cout(self) -> Decimal:
        """What the month costs the host: the gratification and its contributions."""
        return self.verse + self.cotisations_organisme

    @property
    def net(self) -> Decimal:
        return self.verse - self.cotisations_stagiaire


@dataclass(frozen=True)
class ReposEte:
    annee: int
    repos: Repos | None  # the longest free run of the summer holidays
    requis: int  # days
    respecte: bool


@dataclass(frozen=True)
class Resultat:
    entree: Entree
    lignes: list[LigneMois]
    total: LigneMois
    obligatoire: bool
    # The legal minimum of every hour of the stage, whether or not it is due: what a
    # company's own amount is measured against (public/reprise.py).
    minimum_au_taux: Decimal
    cumuls: list[Cumul]  # the simulated stage's school years at this host
    minutes_anterieures: int
    semaine_chargee: Semaine | None  # the busiest civil week of the stage
    quota_depasse: bool
    repos_ete: list[ReposEte]
    constats: list[Constat]

    @property
    def jour_309e_heure(self) -> date | None:
        jours = [c.jour_franchissement for c in self.cumuls if c.jour_franchissement]
        return min(jours) if jours else None

    @property
    def seuil(self) -> int:
        return self.cumuls[0].seuils.gratification if self.cumuls else 0

    @property
    def lisse(self) -> bool:
        return self.entree.methode is modele.Methode.LISSEE

    @property
    def regle_gratification(self) -> Regle:
        return CATALOGUE["GRAT_OBLIGATOIRE"]

    @property
    def regle_quota(self) -> Regle:
        return CATALOGUE["QUOTA_DEPASSE"]

    @property
    def regle_repos(self) -> Regle:
        return CATALOGUE["REPOS_ETE"]

    @property
    def regle_franchise(self) -> Regle:
        return CATALOGUE["COTISATIONS_EXCEDENT"]


def _fusionner(intervalles: Any) -> tuple[tuple[date, date], ...]:
    """Sorted, with overlapping or touching periods merged (a calendar period also typed
    by hand must not count its days twice)."""
    fusion: list[tuple[date, date]] = []
    for debut, fin in sorted(intervalles):
        if fusion and debut <= fusion[-1][1] + timedelta(days=1):
            fusion[-1] = (fusion[-1][0], max(fin, fusion[-1][1]))
        else:
            fusion.append((debut, fin))
    return tuple(fusion)


def _mois(premier: date, dernier: date) -> list[date]:
    mois, courant = [], premier.replace(day=1)
    while courant <= dernier:
        mois.append(courant)
        courant = (courant + timedelta(days=32)).replace(day=1)
    return mois


def situation(entree: Entree, *, p: Parametres) -> Situation:
    gratification = modele.Gratification(entree.gratification, entree.montant, entree.methode)
    conventions = [
        modele.Convention(
            id=SIMULATION,
            etudiant=ETUDIANT,
            siren=SIREN,
            periodes=tuple(modele.Periode(d, f) for d, f in entree.intervalles),
            horaire=entree.horaire,
            tuteur=TUTEUR,
            gratification=gratification,
        )
    ]
    if entree.anterieur:
        # Below the threshold on its own, an earlier stage was most likely not paid: the
        # engine then says what back-pay the new one would make due (GRAT_RAPPEL).
        conventions.insert(
            0,
            modele.Convention(
                id=PRECEDENT,
                etudiant=ETUDIANT,
                siren=SIREN,
                periodes=(modele.Periode(*entree.anterieur),),
                horaire=entree.horaire,
                tuteur=TUTEUR,
            ),
        )
    premier = min(c.debut for c in conventions)
    dernier = max(c.fin for c in conventions)
    effectifs: dict[date, int] = {}
    if entree.effectif is not None:
        # R124-12 reads the months before each week: give the figure for the whole year before.
        mois_moyenne = p.entier("quota.mois_moyenne_effectif", premier)
        debut_releves = (premier.replace(day=1) - timedelta(days=31 * mois_moyenne)).replace(day=1)
        effectifs = {m: entree.effectif for m in _mois(debut_releves, dernier)}
    autres: dict[date, int] = {}
    if entree.autres_stagiaires:
        for d, f in entree.intervalles:
            semaine = lundi(d)
            while semaine <= f:
                autres[semaine] = entree.autres_stagiaires
                semaine += timedelta(days=7)
    organisme = modele.Organisme(siren=SIREN, effectifs=effectifs, autres_stagiaires=autres)
    return Situation(conventions=conventions, organismes={SIREN: organisme})


def _ligne(m: Mois) -> LigneMois:
    return LigneMois(
        mois=m.mois,
        presence=m.presence,
        minimum_reel=m.minimum_reel if m.obligatoire else ZERO,
        minimum_lisse=m.minimum_lisse if m.obligatoire else ZERO,
        verse=m.verse,
        franchise=m.franchise,
        excedent=m.excedent,
        cotisations_stagiaire=m.cotisations_stagiaire,
        cotisations_organisme=m.cotisations_organisme,
    )


def _somme(lignes: list[LigneMois]) -> LigneMois:
    def s(attribut: str) -> Decimal:
        return sum((getattr(ligne, attribut) for ligne in lignes), ZERO)

    return LigneMois(
        mois=None,
        presence=sum(ligne.presence for ligne in lignes),
        minimum_reel=s("minimum_reel"),
        minimum_lisse=s("minimum_lisse"),
        verse=s("verse"),
        franchise=s("franchise"),
        excedent=s("excedent"),
        cotisations_stagiaire=s("cotisations_stagiaire"),
        cotisations_organisme=s("cotisations_organisme"),
    )


class ReglesInconnues(Exception):
    """The simulated dates fall where the law's parameters have no value (a stage in 1900:
    the bounds of every date are wider than the law Stages knows)."""

    def __init__(self, le: date) -> None:
        super().__init__(le)
        self.le = le

    @property
    def message(self) -> str:
        """What the company reads."""
        return (
            f"Le simulateur ne connaît pas les règles des stages en vigueur le {self.le:%d/%m/%Y} : "
            "vérifiez les dates du stage."
        )


def simuler(entree: Entree, *, p: Parametres | None = None) -> Resultat:
    """The simulation's figures, or ReglesInconnues when a rule could not be applied to its
    dates (the engine says so in a REGLE_NON_APPLICABLE finding, or a parameter is missing)."""
    try:
        return _simuler(entree, p=p or parametres())
    except ParametreNonEnVigueur as inconnu:
        raise ReglesInconnues(inconnu.le) from inconnu


def _simuler(entree: Entree, *, p: Parametres) -> Resultat:
    evaluation = evaluer(situation(entree, p=p), p=p)
    inapplicable = next((c for c in evaluation.constats if c.code == "REGLE_NON_APPLICABLE"), None)
    if inapplicable is not None:
        raise ReglesInconnues(date.fromisoformat(str(inapplicable.chiffres["date"])))
    resultat = evaluation.conventions[SIMULATION]
    lignes = [_ligne(m) for m in resultat.echeancier.mois]
    cumuls = [c for c in evaluation.cumuls if SIMULATION in c.conventions]
    precedent = evaluation.conventions.get(PRECEDENT)
    semaines = evaluation.occupation.semaines_de(resultat.convention)
    chargee = max(semaines, key=lambda s: (s.total - s.quota, s.total), default=None)
    constats = [c for c in evaluation.constats if c.code not in HORS_SUJET]
    return Resultat(
        entree=entree,
        lignes=lignes,
        total=_somme(lignes),
        obligatoire=any(c.obligatoire for c in cumuls),
        minimum_au_taux=resultat.echeancier.minimum_reel_total,
        cumuls=cumuls,
        minutes_anterieures=sum(j.compte for j in precedent.jours) if precedent else 0,
        semaine_chargee=chargee,
        quota_depasse=any(s.depasse for s in semaines),
        repos_ete=_repos_ete(resultat.jours, constats, p),
        constats=constats,
    )


def _repos_ete(jours: list[Any], constats: list[Constat], p: Parametres) -> list[ReposEte]:
    """The summer-rest note of each summer the stage touches (R-NDRC-SUMMER-1)."""
    cal = calendrier(p.texte("reglages.zone_scolaire", jours[0].jour) if jours else "A")
    jours_de_stage = [j.jour for j in jours if j.presence]
    insuffisant = any(c.code == "REPOS_ETE" for c in constats)
    notes = []
    for annee in sorted({j.year for j in jours_de_stage}):
        ete = cal.vacances_ete(annee)
        if ete is None or not any(ete.debut <= j <= ete.fin for j in jours_de_stage):
            continue
        notes.append(
            ReposEte(
                annee=annee,
                repos=repos_ete(jours_de_stage, annee=annee, calendrier=cal),
                requis=p.entier("reglages.repos_ete_jours", ete.debut),
                respecte=not insuffisant,
            )
        )
    return notes
