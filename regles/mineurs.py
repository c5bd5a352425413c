"""A minor intern's presence limits (R-RIGHTS "Minors"; C. trav. L3162-1, L3163-1, L3164-2).

L124-14 gives interns the employees' rules on presence; for a minor these are: at most 8 h a
day and 35 h a civil week, no night work, two consecutive rest days every week, no Sunday or
public holiday without a derogation. Only the days when the intern is under 18 are checked:
an intern who comes of age during the stage is free of these limits from the birthday on.

The civil week runs from Monday to Sunday (as for the quota, R-QUOTA-1). Reading of the
weekly rest, the texts being silent on weeks: a civil week with presence complies when a run
of two days without presence *starts* in it. A run may therefore spill over into the next
week, so the Sunday-and-Monday rest of a Tuesday-to-Saturday shop schedule complies; and
since a run is credited to the week it starts in only, the same Sunday-and-Monday cannot
excuse two weeks in a row (six days on, two off, six days on fails the second week).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from regles import format as fr
from regles.calendrier import Calendrier
from regles.constats import Constat, constat
from regles.modele import Convention, Etudiant, Minutes
from regles.parametres import Parametres
from regles.presence import Jour

UN_JOUR = timedelta(days=1)
DIMANCHE = 6


def date_majorite(naissance: date, *, age: int) -> date:
    """The first day the person is `age` years old; born on 29 February: 1 March in a
    common year (the later of the two candidate days, so the protection lasts longer)."""
    try:
        return naissance.replace(year=naissance.year + age)
    except ValueError:
        return date(naissance.year + age, 3, 1)


def majeur_le(naissance: date, p: Parametres, *, le: date) -> date:
    """The first day a person born on `naissance` is of age, by the age in force on `le`."""
    return date_majorite(naissance, age=p.entier("mineurs.age_majorite", le))


def est_mineur(naissance: date, p: Parametres, *, le: date) -> bool:
    """Whether a person born on `naissance` is a minor on `le`."""
    return le < majeur_le(naissance, p, le=le)


def nes_apres_sont_mineurs(le: date, p: Parametres) -> date:
    """The birth date after which a person is still a minor on `le` (born that day: of age);
    the inverse of `date_majorite`: on 29 February, the latest birth date of age is the 28th."""
    age = p.entier("mineurs.age_majorite", le)
    try:
        return le.replace(year=le.year - age)
    except ValueError:
        return date(le.year - age, 2, 28)


def lundi(jour: date) -> date:
    """The Monday that opens the civil week of `jour`."""
    return jour - timedelta(days=jour.weekday())


@dataclass(frozen=True, slots=True)
class _Limites:
    """The minors' parameters in force on the first day checked, read once per call."""

    jour: Minutes
    semaine: Minutes
    nuit_debut: int
    nuit_fin: int
    repos: int

    @classmethod
    def au(cls, p: Parametres, le: date) -> _Limites:
        return cls(
            jour=p.entier("mineurs.duree_quotidienne_max", le) * 60,
            semaine=p.entier("mineurs.duree_hebdomadaire_max", le) * 60,
            nuit_debut=p.entier("mineurs.nuit_debut", le),
            nuit_fin=p.entier("mineurs.nuit_fin", le),
            repos=p.entier("mineurs.jours_repos_consecutifs", le),
        )


def _pluriel(nombre: int, singulier: str, pluriel: str) -> str:
    return f"{nombre} {singulier if nombre == 1 else pluriel}"


def _source(jours: Sequence[Jour]) -> str:
    """Who says so: the host's log, the convention, or both for a week that mixes them."""
    if all(j.reel for j in jours):
        return "le relevé de présence indique"
    if any(j.reel for j in jours):
        return "le relevé de présence et la convention donnent"
    return "la convention prévoit"


def _etre_mineur(jours: Sequence[Jour]) -> str:
    return "était" if all(j.reel for j in jours) else "sera"


def verifier_mineur(
    convention: Convention,
    etudiant: Etudiant,
    jours: Sequence[Jour],
    *,
    calendrier: Calendrier,
    p: Parametres,
) -> list[Constat]:
    """Findings on the days of `convention` when `etudiant` is a minor.

    `jours` is the convention's day-by-day time (`presence.journal`); only `presence`
    minutes are work, a day of leave is a day of rest. No date of birth: nothing to check.
    One finding per rule broken, naming the first day or week and how many there are.
    """
    if etudiant.date_naissance is None or not jours:
        return []
    premier_jour = min(jours[0].jour, jours[-1].jour)  # sorted: the first day, cheaply
    majorite = majeur_le(etudiant.date_naissance, p, le=premier_jour)
    if majorite <= premier_jour:
        return []  # an adult from the first day: most students, no day to look at
    mineurs = [j for j in jours if j.jour < majorite and j.presence > 0]
    if not mineurs:
        return []
    limites = _Limites.au(p, min(j.jour for j in mineurs))
    cid = convention.id
    constats = (
        _duree_jour(cid, mineurs, limites),
        _duree_semaine(cid, mineurs, limites),
        _nuit(convention, mineurs, limites),
        _repos(cid, jours, mineurs, limites),
        _dimanche_ferie(cid, mineurs, calendrier),
    )
    return [c for c in constats if c is not None]


def _duree_jour(cid: str, mineurs: list[Jour], limites: _Limites) -> Constat | None:
    trop = [j for j in mineurs if j.presence > limites.jour]
    if not trop:
        return None
    premier = min(trop, key=lambda j: j.jour)
    message = (
        f"Le stagiaire {_etre_mineur([premier])} mineur le {fr.jour(premier.jour)} et "
        f"{_source([premier])} {fr.heures(premier.presence)} ce jour-là ; "
        f"{fr.heures(limites.jour)} au plus par jour pour un mineur."
    )
    if len(trop) > 1:
        message += f" {_pluriel(len(trop), 'jour dépasse', 'jours dépassent')} cette limite."
    return constat(
        "MINEUR_DUREE_JOUR",
        message,
        convention=cid,
        premier_jour=premier.jour.isoformat(),
        minutes=premier.presence,
        maximum_minutes=limites.jour,
        jours=len(trop),
    )


def _duree_semaine(cid: str, mineurs: list[Jour], limites: _Limites) -> Constat | None:
    # Only the minor days of a week add up: the week of the 18th birthday is counted up to
    # the day before it.
    semaines: dict[date, list[Jour]] = {}
    semaine: list[Jour] = []
    lundi_courant = -1  # as an ordinal: the week changes rarely from one day to the next
    for j in mineurs:
        jour = j.jour
        lundi_ = jour.toordinal() - jour.weekday()
        if lundi_ != lundi_courant:
            lundi_courant = lundi_
            semaine = semaines.setdefault(date.fromordinal(lundi_), [])
        semaine.append(j)
    totaux = {debut: sum(j.presence for j in js) for debut, js in semaines.items()}
    trop = {debut: total for debut, total in totaux.items() if total > limites.semaine}
    if not trop:
        return None
    premiere = min(trop)
    jours_semaine = semaines[premiere]
    message = (
        f"Le stagiaire {_etre_mineur(jours_semaine)} mineur la semaine du lundi "
        f"{fr.jour(premiere)} et {_source(jours_semaine)} {fr.heures(trop[premiere])} "
        f"cette semaine-là ; {fr.heures(limites.semaine)} au plus par semaine pour un mineur."
    )
    if len(trop) > 1:
        message += f" {_pluriel(len(trop), 'semaine dépasse', 'semaines dépassent')} cette limite."
    return constat(
        "MINEUR_DUREE_SEMAINE",
        message,
        convention=cid,
        premiere_semaine=premiere.isoformat(),
        minutes=trop[premiere],
        maximum_minutes=limites.semaine,
        semaines=len(trop),
    )


def _nuit(convention: Convention, mineurs: list[Jour], limites: _Limites) -> Constat | None:
    # The engine knows days, not hours of the day: the convention's night clause decides.
    if not convention.travail_nuit:
        return None
    premier = min(j.jour for j in mineurs)
    dernier = max(j.jour for j in mineurs)
    return constat(
        "MINEUR_NUIT",
        f"La convention prévoit une présence de nuit alors que le stagiaire sera mineur "
        f"du {fr.jour(premier)} au {fr.jour(dernier)} ; la présence entre "
        f"{limites.nuit_debut} h et {limites.nuit_fin} h est interdite à un mineur.",
        convention=convention.id,
        premier_jour=premier.isoformat(),
        dernier_jour=dernier.isoformat(),
        jours=len(mineurs),
    )


def _repos(
    cid: str, jours: Sequence[Jour], mineurs: list[Jour], limites: _Limites
) -> Constat | None:
    # A day of rest is a day without presence in this convention, inside or outside the
    # stage, before or after the birthday (see the module docstring for the weekly reading).
    # Days as ordinals: a week has its rest when a run of `repos` free days starts on one of
    # its seven days, found in one scan of the days from its Monday.
    travailles = {j.jour.toordinal() for j in jours if j.presence > 0}
    semaines = {j.jour.toordinal() - j.jour.weekday() for j in mineurs}  # their Mondays
    repos = limites.repos
    sans_repos = []
    for lundi_ in semaines:
        if repos <= 0:
            continue
        libres = 0
        for jour in range(lundi_, lundi_ + 6 + repos):
            if jour in travailles:
                libres = 0
            else:
                libres += 1
                if libres >= repos:
                    break
        else:
            sans_repos.append(date.fromordinal(lundi_))
    if not sans_repos:
        return None
    premiere = min(sans_repos)
    message = (
        f"La semaine du lundi {fr.jour(premiere)}, le stagiaire mineur n'a pas "
        f"{limites.repos} jours de repos consécutifs ; un mineur y a droit chaque semaine."
    )
    if len(sans_repos) > 1:
        message += f" {_pluriel(len(sans_repos), 'semaine est', 'semaines sont')} dans ce cas."
    return constat(
        "MINEUR_REPOS",
        message,
        convention=cid,
        premiere_semaine=premiere.isoformat(),
        jours_repos=limites.repos,
        semaines=len(sans_repos),
    )


def _dimanche_ferie(cid: str, mineurs: list[Jour], calendrier: Calendrier) -> Constat | None:
    feries: dict[int, dict[date, str]] = {}
    interdits: list[tuple[Jour, str]] = []
    for j in mineurs:
        annee = feries.get(j.jour.year)
        if annee is None:
            annee = feries[j.jour.year] = calendrier.feries(j.jour.year)
        nom = annee.get(j.jour)
        if nom is not None:
            interdits.append((j, nom))
        elif j.jour.weekday() == DIMANCHE:
            interdits.append((j, "dimanche"))
    if not interdits:
        return None
    premier, nom = min(interdits, key=lambda item: item[0].jour)
    message = (
        f"Le stagiaire {_etre_mineur([premier])} mineur le {fr.jour(premier.jour)} ({nom}) "
        f"et {_source([premier])} {fr.heures(premier.presence)} de présence ce jour-là ; "
        f"un mineur ne travaille ni le dimanche ni les jours fériés, sauf dérogation."
    )
    if len(interdits) > 1:
        message += f" {len(interdits)} dimanches ou jours fériés sont concernés."
    return constat(
        "MINEUR_DIMANCHE_FERIE",
        message,
        convention=cid,
        premier_jour=premier.jour.isoformat(),
        jours=len(interdits),
    )
