"""« Pourquoi ? » under a finding: its figures told in French sentences.

A finding carries its figures (`Constat.chiffres`) for machines: ISO dates, minutes, decimal
hours as text, codes. A person reads them here, one sentence each: « Semaine du 4 au 10
janvier 2027 : 4 stagiaires pour un plafond de 3. », « Il manque 140 h (20 jours). ».
A legal figure comes from the finding (the engine read it in the parameters) or from the
parameters in force on the finding's date, never from a literal here. A figure this module
does not know is left out rather than shown as a key: tests/regles/test_pourquoi.py checks
that every figure the engine writes has its sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal, InvalidOperation

from regles import format as fmt
from regles.constats import Constat
from regles.parametres import Parametres

Chiffres = Mapping[str, str | int | bool | None]

# The figures no sentence needs: the convention the finding belongs to is the page's own.
IGNORES = frozenset({"convention"})


def _date(valeur: object) -> date | None:
    try:
        return date.fromisoformat(str(valeur)) if valeur else None
    except ValueError:
        return None


def _decimal(valeur: object) -> Decimal | None:
    if valeur is None or isinstance(valeur, bool):
        return None
    try:
        return Decimal(str(valeur))
    except InvalidOperation:
        return None


def _heures(valeur: object) -> str:
    """Decimal hours written by the engine ("308", "378.5") as a duration: 308 h, 378 h 30 min."""
    heures = _decimal(valeur)
    return fmt.duree(int(heures * 60)) if heures is not None else ""


def _euros(valeur: object) -> str:
    montant = _decimal(valeur)
    return fmt.euros(montant) if montant is not None else ""


def _jours(valeur: object) -> str:
    """Days of 7 h, to the hundredth: 20 jours, 17,71 jours, 1 jour."""
    jours = _decimal(valeur)
    if jours is None:
        return ""
    texte = fmt.nombre(jours, 0) if jours % 1 == 0 else fmt.nombre(jours, 2)
    return f"{texte} jour" + ("s" if abs(jours) >= 2 else "")


def _pluriel(nombre: object, singulier: str, pluriel: str) -> str:
    n = int(str(nombre)) if nombre not in (None, "") else 0
    return f"{n} {singulier if n < 2 else pluriel}"


def _mois_liste(valeur: object) -> str:
    """ "01/2027, 02/2027" as "janvier 2027, février 2027"."""
    mois = []
    for morceau in str(valeur or "").split(","):
        m, _, a = morceau.strip().partition("/")
        if m.isdigit() and a.isdigit():
            mois.append(fmt.mois(date(int(a), int(m), 1)))
    return ", ".join(mois)


def _semaines(valeur: object) -> list[str]:
    return [fmt.semaine(d) for m in str(valeur or "").split(",") if (d := _date(m.strip()))]


def _numeros(valeur: object) -> str:
    return ", ".join(f"n° {n.strip()}" for n in str(valeur or "").split(",") if n.strip())


# -- one function per code: the sentences, in reading order ----------------------------------


def _grat_facultative(c: Chiffres, p: Parametres | None) -> list[str]:
    return [
        f"Temps de stage compté chez cet organisme sur l'année scolaire : {_heures(c['heures'])}.",
        f"La gratification devient obligatoire au-delà de {_heures(c['seuil'])}.",
    ]


def _grat_obligatoire(c: Chiffres, p: Parametres | None) -> list[str]:
    phrases = [
        f"Temps de stage compté chez cet organisme sur l'année scolaire : {_heures(c['heures'])}, "
        f"au-delà du seuil de {_heures(c['seuil'])}.",
    ]
    if jour := _date(c.get("jour_franchissement")):
        phrases.append(f"Le seuil est franchi le {fmt.jour_long(jour)}.")
    if c.get("conventions"):
        phrases.append(f"Conventions comptées ensemble : {_numeros(c['conventions'])}.")
    return phrases


def _grat_rappel(c: Chiffres, p: Parametres | None) -> list[str]:
    return [
        f"Rappel minimal à verser : {_euros(c['rappel'])}.",
        f"Mois concernés : {_mois_liste(c.get('mois'))}.",
    ]


def _grat_insuffisante(c: Chiffres, p: Parametres | None) -> list[str]:
    return [
        f"Il manque {_euros(c['manque'])} par rapport au minimum légal.",
        f"Mois concernés : {_mois_liste(c.get('mois'))}.",
    ]


def _parametre_provisoire(c: Chiffres, p: Parametres | None) -> list[str]:
    return [
        f"Mois calculés provisoirement : {_mois_liste(c.get('mois'))}, avec le plafond de "
        f"{c['annee_connue']}, le dernier publié dans les paramètres."
    ]


def _duree_maximale(c: Chiffres, p: Parametres | None) -> list[str]:
    phrases = [
        f"Temps de stage chez cet organisme sur l'année scolaire : {_heures(c['heures'])}, "
        f"pour un maximum de {_heures(c['maximum'])}."
    ]
    if jour := _date(c.get("jour_depassement")):
        phrases.append(f"Le maximum est dépassé le {fmt.jour_long(jour)}.")
    return phrases


def _quota(c: Chiffres, p: Parametres | None) -> list[str]:
    phrases = []
    if lundi := _date(c.get("semaine")):
        autres = int(str(c.get("autres_ecoles") or 0))
        dont = f" (dont {autres} d'autres écoles)" if autres else ""
        phrases.append(
            f"{fmt.semaine(lundi).capitalize()} : {c['stagiaires']} stagiaires{dont} en même "
            f"temps, pour un plafond de {c['quota']}."
        )
    semaines = _semaines(c.get("semaines"))
    if len(semaines) > 1:
        phrases.append(f"Semaines concernées ({len(semaines)}) : {' ; '.join(semaines)}.")
    elif not semaines and c.get("semaines_depassees"):
        phrases.append(f"Semaines concernées : {c['semaines_depassees']}.")
    mois = _date(c.get("mois_effectif"))
    if "effectif" in c and mois is not None:
        phrases.append(_effectif(c.get("effectif"), mois, lundi, p))
    return phrases


def _effectif(effectif: object, mois: date, lundi: date | None, p: Parametres | None) -> str:
    """The R124-12 headcount: the higher of the persons employed on the last day of the month
    before the stage and their average over the months before (how many: a parameter)."""
    nombre = _decimal(effectif)
    moyenne = ""
    if p is not None and lundi is not None:
        try:
            n = p.entier("quota.mois_moyenne_effectif", lundi)
        except (KeyError, TypeError, ValueError, LookupError):
            n = 0
        if n:
            moyenne = f" et la moyenne des {n} mois précédents"
    if nombre is None:
        return (
            f"Effectif de l'organisme : non déclaré pour {fmt.mois(mois)} ni les mois "
            "précédents ; le plafond est celui des plus petits organismes."
        )
    texte = fmt.nombre(nombre, 2).rstrip("0").rstrip(",")  # 12, 13,5, 13,25
    return (
        f"Effectif retenu (R124-12) : {texte} personnes, le plus élevé entre l'effectif au "
        f"dernier jour de {fmt.mois(mois)}{moyenne}."
    )


def _tuteur_plafond(c: Chiffres, p: Parametres | None) -> list[str]:
    quand = _date(c.get("date_effet"))
    le = f"Le {fmt.jour_long(quand)}, le" if quand else "Le"
    return [
        f"{le} tuteur suit déjà {_pluriel(c.get('stagiaires'), 'stagiaire', 'stagiaires')} ; "
        f"{c['maximum']} au plus en même temps."
    ]


def _carence(c: Chiffres, p: Parametres | None) -> list[str]:
    phrases = [f"Délai de carence : {_pluriel(c.get('delai_jours'), 'jour', 'jours')}."]
    if c.get("convention_precedente"):
        phrases.insert(
            0, f"Stage précédent sur ce poste : convention n° {c['convention_precedente']}."
        )
    if jour := _date(c.get("premier_jour_possible")):
        phrases.append(f"Premier jour de stage possible : {fmt.jour_long(jour)}.")
    return phrases


def _mineur_jour(c: Chiffres, p: Parametres | None) -> list[str]:
    phrases = []
    if jour := _date(c.get("premier_jour")):
        phrases.append(
            f"Le {fmt.jour_long(jour)} : {fmt.duree(int(str(c['minutes'])))} de présence prévue, "
            f"pour {fmt.duree(int(str(c['maximum_minutes'])))} au plus par jour."
        )
    phrases.append(f"Jours concernés : {c.get('jours')}.")
    return phrases


def _mineur_semaine(c: Chiffres, p: Parametres | None) -> list[str]:
    phrases = []
    if lundi := _date(c.get("premiere_semaine")):
        phrases.append(
            f"{fmt.semaine(lundi).capitalize()} : {fmt.duree(int(str(c['minutes'])))} de "
            f"présence prévue, pour {fmt.duree(int(str(c['maximum_minutes'])))} au plus par "
            "semaine."
        )
    phrases.append(f"Semaines concernées : {c.get('semaines')}.")
    return phrases


def _mineur_nuit(c: Chiffres, p: Parametres | None) -> list[str]:
    debut, fin = _date(c.get("premier_jour")), _date(c.get("dernier_jour"))
    phrases = []
    if debut and fin:
        phrases.append(
            f"Le stagiaire est mineur du {fmt.jour_long(debut)} au {fmt.jour_long(fin)}."
        )
    phrases.append(f"Jours de stage concernés : {c.get('jours')}.")
    return phrases


def _mineur_repos(c: Chiffres, p: Parametres | None) -> list[str]:
    phrases = []
    if lundi := _date(c.get("premiere_semaine")):
        phrases.append(
            f"{fmt.semaine(lundi).capitalize()} : moins de "
            f"{_pluriel(c.get('jours_repos'), 'jour', 'jours')} de repos."
        )
    phrases.append(f"Semaines concernées : {c.get('semaines')}.")
    return phrases


def _mineur_dimanche(c: Chiffres, p: Parametres | None) -> list[str]:
    phrases = []
    if jour := _date(c.get("premier_jour")):
        phrases.append(f"Premier jour concerné : {fmt.jour_long(jour)}.")
    phrases.append(f"Dimanches ou jours fériés concernés : {c.get('jours')}.")
    return phrases


def _repos_ete(c: Chiffres, p: Parametres | None) -> list[str]:
    unite = "jours" if c.get("lecture") == "jours_consecutifs" else "semaines entières"
    phrases = [f"Repos demandé : {c.get('minimum')} {unite} consécutifs sans stage au moins."]
    debut, fin = _date(c.get("debut_repos")), _date(c.get("fin_repos"))
    if debut and fin:
        phrases.append(
            f"Plus long repos de l'été : du {fmt.jour_long(debut)} au {fmt.jour_long(fin)} "
            f"({c.get('repos')} {unite})."
        )
    else:
        phrases.append("Aucun repos sans stage pendant l'été.")
    phrases.append(f"Jours de stage pendant l'été : {c.get('jours_de_stage')}.")
    return phrases


def _vacances(c: Chiffres, p: Parametres | None) -> list[str]:
    phrases = []
    debut, fin = _date(c.get("premier_jour")), _date(c.get("dernier_jour"))
    if debut and fin:
        phrases.append(
            f"Jours de stage pendant les vacances ({c.get('vacances')}) : {c.get('jours')}, "
            f"du {fmt.jour_long(debut)} au {fmt.jour_long(fin)}."
        )
    return phrases


def _programme(c: Chiffres, p: Parametres | None) -> list[str]:
    annee = c.get("annee_scolaire")
    scolaire = f" (année scolaire {annee}-{int(str(annee)) + 1})" if annee else ""
    rang = "1re" if str(c.get("annee")) == "1" else f"{c.get('annee')}e"
    phrases = [
        f"{rang.capitalize()} année de formation{scolaire} : objectif de "
        f"{_jours(c['objectif_jours'])} de stage.",
        f"Jours faits ou prévus : {_jours(c['jours_prevus'])}, "
        + (
            f"dont {_jours(c['jours_realises'])} "
            f"relevé{'s' if (_decimal(c['jours_realises']) or 0) >= 2 else ''} par l'organisme."
            if _decimal(c["jours_realises"])
            else "aucun encore relevé par l'organisme."
        ),
        f"Il manque {_jours(c['jours_manquants'])}, soit {fmt.duree(int(str(c['minutes_manquantes'])))}.",
    ]
    if c.get("origine_deduite"):
        phrases.append(
            "L'année de début de formation n'est pas renseignée : la première année est "
            "déduite du premier jour de stage."
        )
    return phrases


def _incomplete(c: Chiffres, p: Parametres | None) -> list[str]:
    return [
        f"Mentions obligatoires (D124-4) manquantes : {_numeros(c.get('numeros'))} "
        f"({c.get('nombre')} en tout)."
    ]


def _presence_non_prevue(c: Chiffres, p: Parametres | None) -> list[str]:
    return [
        f"Dimanches de présence : {c.get('dimanches')} ; jours fériés de présence : "
        f"{c.get('feries')}."
    ]


def _impot(c: Chiffres, p: Parametres | None) -> list[str]:
    return [
        f"Part imposable des gratifications de {c.get('annee')} : {_euros(c['part_imposable'])}."
    ]


def _non_applicable(c: Chiffres, p: Parametres | None) -> list[str]:
    phrases = []
    if jour := _date(c.get("date")):
        phrases.append(f"Date examinée : {fmt.jour_long(jour)}.")
    nom = str(c.get("parametre") or "")
    if p is not None and nom in p:
        phrases.append(f"Paramètre sans valeur à cette date : {p[nom].description}.")
    if premier := _date(c.get("premiere_date_connue")):
        phrases.append(f"Première valeur connue : {fmt.jour_long(premier)}.")
    return phrases


EXPLICATIONS: Mapping[str, Callable[[Chiffres, Parametres | None], list[str]]] = {
    "GRAT_FACULTATIVE": _grat_facultative,
    "GRAT_OBLIGATOIRE": _grat_obligatoire,
    "GRAT_RAPPEL": _grat_rappel,
    "GRAT_INSUFFISANTE": _grat_insuffisante,
    "PARAMETRE_PROVISOIRE": _parametre_provisoire,
    "DUREE_MAXIMALE": _duree_maximale,
    "QUOTA_DEPASSE": _quota,
    "TUTEUR_PLAFOND": _tuteur_plafond,
    "CARENCE": _carence,
    "MINEUR_DUREE_JOUR": _mineur_jour,
    "MINEUR_DUREE_SEMAINE": _mineur_semaine,
    "MINEUR_NUIT": _mineur_nuit,
    "MINEUR_REPOS": _mineur_repos,
    "MINEUR_DIMANCHE_FERIE": _mineur_dimanche,
    "REPOS_ETE": _repos_ete,
    "VACANCES_PROLONGATION": _vacances,
    "PROGRAMME_INSUFFISANT": _programme,
    "CONVENTION_INCOMPLETE": _incomplete,
    "PRESENCE_NON_PREVUE": _presence_non_prevue,
    "IMPOT_IMPOSABLE": _impot,
    "REGLE_NON_APPLICABLE": _non_applicable,
    "PARAMETRE_ABSENT": _non_applicable,
}

# The figures each explanation reads (tests/regles/test_pourquoi.py compares them with those
# the engine writes): a new figure needs its sentence, or its place in IGNORES.
LUS: Mapping[str, frozenset[str]] = {
    "GRAT_FACULTATIVE": frozenset({"heures", "seuil"}),
    "GRAT_OBLIGATOIRE": frozenset({"heures", "seuil", "jour_franchissement", "conventions"}),
    "GRAT_RAPPEL": frozenset({"rappel", "mois"}),
    "GRAT_INSUFFISANTE": frozenset({"manque", "mois"}),
    "PARAMETRE_PROVISOIRE": frozenset({"annee_connue", "mois"}),
    "DUREE_MAXIMALE": frozenset({"heures", "maximum", "jour_depassement"}),
    "QUOTA_DEPASSE": frozenset(
        {"semaine", "stagiaires", "autres_ecoles", "quota", "semaines_depassees", "semaines"}
        | {"effectif", "mois_effectif"}
    ),
    "TUTEUR_PLAFOND": frozenset({"date_effet", "stagiaires", "maximum", "tuteur"}),
    "CARENCE": frozenset({"convention_precedente", "delai_jours", "premier_jour_possible"}),
    "MINEUR_DUREE_JOUR": frozenset({"premier_jour", "minutes", "maximum_minutes", "jours"}),
    "MINEUR_DUREE_SEMAINE": frozenset(
        {"premiere_semaine", "minutes", "maximum_minutes", "semaines"}
    ),
    "MINEUR_NUIT": frozenset({"premier_jour", "dernier_jour", "jours"}),
    "MINEUR_REPOS": frozenset({"premiere_semaine", "jours_repos", "semaines"}),
    "MINEUR_DIMANCHE_FERIE": frozenset({"premier_jour", "jours"}),
    "REPOS_ETE": frozenset(
        {"lecture", "repos", "minimum", "debut_repos", "fin_repos", "jours_de_stage"}
    ),
    "VACANCES_PROLONGATION": frozenset({"jours", "premier_jour", "dernier_jour", "vacances"}),
    "PROGRAMME_INSUFFISANT": frozenset(
        {"annee", "annee_scolaire", "jours_prevus", "jours_realises", "objectif_jours"}
        | {"jours_manquants", "minutes_manquantes", "origine_deduite"}
    ),
    "CONVENTION_INCOMPLETE": frozenset({"manquants", "numeros", "nombre"}),
    "PRESENCE_NON_PREVUE": frozenset({"dimanches", "feries"}),
    "IMPOT_IMPOSABLE": frozenset({"annee", "part_imposable"}),
    "REGLE_NON_APPLICABLE": frozenset({"regle", "date", "parametre", "premiere_date_connue"}),
    "PARAMETRE_ABSENT": frozenset({"regle", "date", "parametre", "premiere_date_connue"}),
}


def pourquoi(constat: Constat, p: Parametres | None = None) -> list[str]:
    """The sentences that explain `constat` with its figures (none if it has no figures).
    Figures missing or malformed (a finding stored by an older version) give no sentence
    rather than a broken page."""
    expliquer = EXPLICATIONS.get(constat.code)
    if expliquer is None or not constat.chiffres:
        return []
    try:
        return [phrase for phrase in expliquer(constat.chiffres, p) if phrase]
    except (KeyError, ValueError, TypeError, ArithmeticError):
        return []
