"""Summer rest and stage days during school holidays (R-NDRC-SUMMER-1; referentiel §3).

A stage may be extended into the school holidays provided the student keeps four consecutive
weeks free in summer. The rule is the school's (not found in a national text), so both its
length (`reglages.repos_ete_jours`, 28) and its reading (`reglages.repos_ete_lecture`) are
settings:

* `jours_consecutifs` (default): the longest run of consecutive calendar days without stage
  inside the summer holidays lasts at least 28 days;
* `semaines_civiles`: at least 28 / 7 = 4 consecutive whole civil weeks (Monday to Sunday)
  inside the summer holidays are without stage.

Four free whole weeks are 28 free consecutive days, so the weeks reading is the stricter one:
the two readings disagree only when the free run is long enough but does not hold four whole
Monday-to-Sunday weeks. Vector H5 (zone A, 2026, holidays Sat 4 Jul to Mon 31 Aug): a
Monday-to-Friday stage from Mon 6 Jul to Mon 3 Aug leaves Tue 4 Aug to Mon 31 Aug free,
exactly 28 days (passes the days reading), which holds only the three whole weeks of 10, 17
and 24 Aug (fails the weeks reading).

The window is the summer holidays of the calendar's zone, bounds included; days of stage
outside it never matter. A student with no stage day inside it has nothing to check.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import NamedTuple

from regles import format as fr
from regles.calendrier import Calendrier
from regles.constats import Constat, constat
from regles.modele import Convention
from regles.parametres import Parametres
from regles.presence import Jour

UN_JOUR = timedelta(days=1)
SEMAINE = 7
JOURS_CONSECUTIFS = "jours_consecutifs"
SEMAINES_CIVILES = "semaines_civiles"


class Repos(NamedTuple):
    """A run of days without stage, bounds included."""

    debut: date
    fin: date
    jours: int


def _jours(debut: date, fin: date) -> Iterable[date]:
    return (debut + timedelta(days=i) for i in range((fin - debut).days + 1))


def plus_long_repos(jours_de_stage: Iterable[date], *, debut: date, fin: date) -> Repos | None:
    """The longest run of days without stage between `debut` and `fin` (the earliest if two
    are as long); None when every day of the window has stage."""
    stage = set(jours_de_stage)
    meilleur: Repos | None = None
    depart: date | None = None
    for jour in _jours(debut, fin):
        if jour in stage:
            depart = None
            continue
        if depart is None:
            depart = jour
        longueur = (jour - depart).days + 1
        if meilleur is None or longueur > meilleur.jours:
            meilleur = Repos(depart, jour, longueur)
    return meilleur


def plus_longues_semaines_libres(
    jours_de_stage: Iterable[date], *, debut: date, fin: date
) -> Repos | None:
    """The longest run of consecutive whole civil weeks (Monday to Sunday) inside
    [`debut`, `fin`] without stage, from its Monday to its Sunday; None if there is none."""
    stage = set(jours_de_stage)
    premier_lundi = debut + timedelta(days=-debut.weekday() % SEMAINE)
    meilleur: Repos | None = None
    depart: date | None = None
    lundi = premier_lundi
    while lundi + timedelta(days=SEMAINE - 1) <= fin:
        dimanche = lundi + timedelta(days=SEMAINE - 1)
        if any(jour in stage for jour in _jours(lundi, dimanche)):
            depart = None
        else:
            if depart is None:
                depart = lundi
            longueur = (dimanche - depart).days + 1
            if meilleur is None or longueur > meilleur.jours:
                meilleur = Repos(depart, dimanche, longueur)
        lundi += timedelta(days=SEMAINE)
    return meilleur


def repos_ete(
    jours_de_stage: Iterable[date], *, annee: int, calendrier: Calendrier
) -> Repos | None:
    """For display: the longest free run of the summer holidays of `annee` (None if the
    calendar does not know them or if every day has stage)."""
    ete = calendrier.vacances_ete(annee)
    if ete is None:
        return None
    return plus_long_repos(jours_de_stage, debut=ete.debut, fin=ete.fin)


def _periode(repos: Repos) -> str:
    return f", du {fr.jour(repos.debut)} au {fr.jour(repos.fin)}"


def _jours_texte(nombre: int) -> str:
    return f"{nombre} jour{'s' if nombre > 1 else ''}"


def _semaines_texte(nombre: int) -> str:
    return f"{nombre} semaine{'s' if nombre > 1 else ''}"


def verifier_repos_ete(
    jours_de_stage: Iterable[date],
    *,
    annee: int,
    calendrier: Calendrier,
    p: Parametres,
    conventions: Sequence[str] = (),
) -> list[Constat]:
    """REPOS_ETE when the summer holidays of `annee` keep too little rest.

    `jours_de_stage` are the days with stage presence of one student, all hosts together.
    The finding is the student's: it is repeated for each id of `conventions` (the
    conventions the caller is validating, so that each shows it), or given once without a
    convention when none is named.
    """
    ete = calendrier.vacances_ete(annee)
    if ete is None:
        return []
    dans_fenetre = {j for j in jours_de_stage if ete.debut <= j <= ete.fin}
    if not dans_fenetre:
        return []
    minimum = p.entier("reglages.repos_ete_jours", ete.debut)
    lecture = p.texte("reglages.repos_ete_lecture", ete.debut)
    fenetre = f"Pendant les vacances d'été {annee} (du {fr.jour(ete.debut)} au {fr.jour(ete.fin)})"

    if lecture == JOURS_CONSECUTIFS:
        repos = plus_long_repos(dans_fenetre, debut=ete.debut, fin=ete.fin)
        longueur = repos.jours if repos is not None else 0
        if longueur >= minimum:
            return []
        constate = (
            f"le plus long repos sans stage dure {_jours_texte(longueur)}{_periode(repos)}"
            if repos is not None
            else "aucun jour n'est sans stage"
        )
        message = (
            f"{fenetre}, {constate} ; {minimum} jours consécutifs sans stage au moins "
            f"sont demandés."
        )
        minimum_unites = minimum
    elif lecture == SEMAINES_CIVILES:
        minimum_unites = -(-minimum // SEMAINE)  # 28 days: 4 weeks; 30 days: 5 weeks
        repos = plus_longues_semaines_libres(dans_fenetre, debut=ete.debut, fin=ete.fin)
        semaines = repos.jours // SEMAINE if repos is not None else 0
        if semaines >= minimum_unites:
            return []
        longueur = semaines
        constate = (
            f"le stage ne laisse que {_semaines_texte(semaines)} entière"
            f"{'s' if semaines > 1 else ''} consécutive{'s' if semaines > 1 else ''} "
            f"(du lundi au dimanche) sans stage{_periode(repos)}"
            if repos is not None
            else "aucune semaine entière (du lundi au dimanche) n'est sans stage"
        )
        message = (
            f"{fenetre}, {constate} ; {minimum_unites} semaines entières consécutives sans "
            f"stage au moins sont demandées."
        )
    else:
        raise ValueError(f"Lecture du repos d'été inconnue : {lecture!r}")

    chiffres: dict[str, str | int | bool | None] = {
        "lecture": lecture,
        "repos": longueur,
        "minimum": minimum_unites,
        "debut_repos": repos.debut.isoformat() if repos is not None else None,
        "fin_repos": repos.fin.isoformat() if repos is not None else None,
        "jours_de_stage": len(dans_fenetre),
    }
    destinataires: Sequence[str | None] = conventions or [None]
    return [constat("REPOS_ETE", message, convention=cid, **chiffres) for cid in destinataires]


def jours_en_vacances(jours: Iterable[date], calendrier: Calendrier) -> list[date]:
    """The days of `jours` that fall in the zone's school holidays, in date order."""
    # The year's holidays are looked up again only when the year changes (days come in order).
    retenus = set()
    an, annee = None, {}
    for jour in jours:
        if jour.year != an:
            an = jour.year
            annee = calendrier.vacances(an)
        if jour in annee:
            retenus.add(jour)
    return sorted(retenus)


def verifier_vacances(
    convention: Convention, jours: Iterable[Jour], *, calendrier: Calendrier
) -> list[Constat]:
    """VACANCES_PROLONGATION (info) for the days of `convention` with presence that fall in
    the school holidays: how many, the first and last, and which holidays."""
    pendant = jours_en_vacances((j.jour for j in jours if j.presence > 0), calendrier)
    if not pendant:
        return []
    noms = list(dict.fromkeys(calendrier.nom_vacances(j) or "" for j in pendant))
    nombre = len(pendant)
    sujet = "1 jour de stage tombe" if nombre == 1 else f"{nombre} jours de stage tombent"
    bornes = (
        f"le {fr.jour(pendant[0])}"
        if nombre == 1
        else f"du {fr.jour(pendant[0])} au {fr.jour(pendant[-1])}"
    )
    return [
        constat(
            "VACANCES_PROLONGATION",
            f"{sujet} pendant les vacances scolaires ({', '.join(noms)}), {bornes}.",
            convention=convention.id,
            jours=nombre,
            premier_jour=pendant[0].isoformat(),
            dernier_jour=pendant[-1].isoformat(),
            vacances=", ".join(noms),
        )
    ]
