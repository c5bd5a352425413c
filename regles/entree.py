"""Reading a situation from JSON-like data (the `python -m regles` interface and the web).

Hours are decimal hours ("7", 7.5, "7,5") or "HH:MM"; money is a decimal string or number;
rates are fractions ("0.0208" for 2,08 %); dates are AAAA-MM-JJ; yes/no values are JSON
booleans. Every value is checked for its type and its range (`regles.bornes`), and a key the
engine does not know is refused rather than ignored: a wrong value is refused with its path
in the input, in French (`EntreeInvalide`), never guessed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from regles.bornes import DATE_MAX, DATE_MIN, EFFECTIF_MAX, MINUTES_JOUR_MAX, MONTANT_MAX
from regles.calendrier.calendrier import ZONES
from regles.contenus import CONGES, CONTENUS
from regles.evaluation import Situation
from regles.modele import (
    SEMAINE,
    Convention,
    Etudiant,
    Gratification,
    Initiative,
    Methode,
    ModeGratification,
    Organisme,
    Periode,
    Pointage,
    Rupture,
    TypeAbsence,
)

# An identifier (student, host, tutor, post) or a clause of the convention: longer is a
# pasted document, not a value.
TEXTE_COURT_MAX = 200
TEXTE_LONG_MAX = 10_000

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_MOIS = re.compile(r"(\d{4})-(\d{2})", re.ASCII)
_HEURE = re.compile(r"(\d{1,2}):(\d{2})", re.ASCII)
_ENTIER = re.compile(r"\d{1,12}", re.ASCII)
_NOMBRE = re.compile(r"(?=[.,]?\d)\d{0,15}(?:[.,]\d{0,10})?", re.ASCII)

_CLES_SITUATION = frozenset({"zone", "conventions", "organismes", "etudiants"})
_CLES_CONVENTION = frozenset(
    {
        "id",
        "etudiant",
        "siren",
        "tuteur",
        "date_signature",
        "date_effet_tuteur",
        "poste",
        "periodes",
        "horaire",
        "exceptions",
        "pointages",
        "gratification",
        "rupture",
        "travail_nuit",
        "travail_dimanche",
        "travail_feries",
        "contenus",
    }
)
_CLES_PERIODE = frozenset({"debut", "fin", "prolongation"})
_CLES_FERMETURE = frozenset({"debut", "fin"})
_CLES_GRATIFICATION = frozenset({"mode", "montant", "methode"})
_CLES_RUPTURE = frozenset({"dernier_jour", "initiative"})
_CLES_POINTAGE = frozenset({"jour", "heures", "absence", "heures_absence"})
_CLES_ORGANISME = frozenset(
    {
        "siren",
        "effectifs",
        "autres_stagiaires",
        "fermetures",
        "taux_atmp",
        "taux_versement_mobilite",
    }
)
_CLES_ETUDIANT = frozenset({"id", "date_naissance", "debut_formation"})
_CLES_CONTENUS = frozenset({c.code for c in CONTENUS} | {CONGES})


class EntreeInvalide(ValueError):
    def __init__(self, chemin: str, message: str) -> None:
        super().__init__(f"{chemin} : {message}")
        self.chemin = chemin


def _apercu(valeur: Any) -> str:
    """A wrong value as the message quotes it: short, whatever was sent."""
    texte = repr(valeur)
    return texte if len(texte) <= 40 else texte[:37] + "…"


def _objet(valeur: Any, chemin: str, cles: frozenset[str] | None = None) -> Mapping[str, Any]:
    if not isinstance(valeur, Mapping):
        raise EntreeInvalide(chemin, "un objet est attendu")
    if cles is not None:
        inconnues = sorted(str(k) for k in valeur if k not in cles)
        if inconnues:
            permises = ", ".join(sorted(cles))
            raise EntreeInvalide(
                f"{chemin}.{inconnues[0]}",
                f"clé inconnue ; clés permises : {permises}",
            )
    return valeur


def _facultatif(valeur: Any, chemin: str, cles: frozenset[str] | None = None) -> Mapping[str, Any]:
    """An object that may be left out (null or absent): then empty."""
    return {} if valeur is None else _objet(valeur, chemin, cles)


def _liste(valeur: Any, chemin: str) -> list[Any]:
    if valeur is None:
        return []
    if not isinstance(valeur, list):
        raise EntreeInvalide(chemin, "une liste est attendue")
    return valeur


def _texte(
    valeur: Any, chemin: str, *, requis: bool = True, longueur: int = TEXTE_COURT_MAX
) -> str | None:
    if valeur is None or valeur == "":
        if requis:
            raise EntreeInvalide(chemin, "valeur obligatoire")
        return None
    if isinstance(valeur, bool) or not isinstance(valeur, str | int):
        raise EntreeInvalide(chemin, "texte attendu")
    return _limite(str(valeur), chemin, longueur)


def _limite(texte: str, chemin: str, longueur: int) -> str:
    if len(texte) > longueur:
        raise EntreeInvalide(chemin, f"texte trop long (au plus {longueur} caractères)")
    if not texte.isascii():
        try:
            texte.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate such as "\ud800"
            raise EntreeInvalide(chemin, "caractère invalide dans le texte") from None
    return texte


def _id(valeur: Any, chemin: str) -> str:
    texte = _texte(valeur, chemin)
    assert texte is not None
    return texte


def _booleen(valeur: Any, chemin: str) -> bool:
    if valeur is None:
        return False
    if not isinstance(valeur, bool):
        raise EntreeInvalide(
            chemin, f"true ou false attendu (sans guillemets), pas {_apercu(valeur)}"
        )
    return valeur


def _date(valeur: Any, chemin: str, *, requis: bool = True) -> date | None:
    if valeur is None or valeur == "":
        if requis:
            raise EntreeInvalide(chemin, "date obligatoire (AAAA-MM-JJ)")
        return None
    if not isinstance(valeur, str) or not _DATE.fullmatch(valeur):
        raise EntreeInvalide(chemin, f"date AAAA-MM-JJ attendue, pas {_apercu(valeur)}")
    try:
        jour = date.fromisoformat(valeur)
    except ValueError:
        raise EntreeInvalide(chemin, f"date AAAA-MM-JJ attendue, pas {_apercu(valeur)}") from None
    if not DATE_MIN <= jour <= DATE_MAX:
        raise EntreeInvalide(
            chemin, f"date comprise entre le {DATE_MIN:%d/%m/%Y} et le {DATE_MAX:%d/%m/%Y} attendue"
        )
    return jour


def _date_requise(valeur: Any, chemin: str) -> date:
    jour = _date(valeur, chemin)
    assert jour is not None
    return jour


def _decimal(valeur: Any, chemin: str) -> Decimal:
    """A non-negative number written as a JSON number or a decimal text ("7,5")."""
    if isinstance(valeur, bool) or not isinstance(valeur, str | int | float):
        raise EntreeInvalide(chemin, f"nombre attendu, pas {_apercu(valeur)}")
    texte = str(valeur).replace(" ", "").replace("\u202f", "").replace("\xa0", "")
    if isinstance(valeur, str) and not _NOMBRE.fullmatch(texte):
        raise EntreeInvalide(chemin, f"nombre positif attendu, pas {_apercu(valeur)}")
    try:
        nombre = Decimal(texte.replace(",", "."))
    except InvalidOperation:
        raise EntreeInvalide(chemin, f"nombre attendu, pas {_apercu(valeur)}") from None
    if not nombre.is_finite() or nombre < 0:
        raise EntreeInvalide(chemin, f"nombre positif attendu, pas {_apercu(valeur)}")
    return nombre


def _montant(valeur: Any, chemin: str) -> Decimal:
    montant = _decimal(valeur, chemin)
    if montant > MONTANT_MAX:
        raise EntreeInvalide(chemin, f"montant d'au plus {MONTANT_MAX} € attendu")
    return montant


def _taux(valeur: Any, chemin: str) -> Decimal:
    """A rate as a fraction: 0.0208 for 2,08 %. A value of 1 or more is a percentage typed
    where a fraction is expected (2.08 for 2,08 %), refused rather than read as 208 %."""
    taux = _decimal(valeur, chemin)
    if taux >= 1:
        raise EntreeInvalide(
            chemin,
            f"taux attendu en fraction, inférieur à 1 (0.0208 pour 2,08 %), pas {_apercu(valeur)} ;"
            " un pourcentage doit être divisé par 100",
        )
    return taux


def _effectif(valeur: Any, chemin: str) -> int:
    """A number of persons: a whole number from 0 to EFFECTIF_MAX (21.7 is refused)."""
    if isinstance(valeur, bool) or not (
        isinstance(valeur, int) or (isinstance(valeur, str) and _ENTIER.fullmatch(valeur))
    ):
        raise EntreeInvalide(chemin, f"nombre entier de personnes attendu, pas {_apercu(valeur)}")
    nombre = int(valeur)
    if not 0 <= nombre <= EFFECTIF_MAX:
        raise EntreeInvalide(chemin, f"nombre de personnes entre 0 et {EFFECTIF_MAX} attendu")
    return nombre


def minutes(valeur: Any, chemin: str) -> int:
    """Hours in a day as "7", 7.5, "7,5" or "7:30", returned in minutes (at most 24 h)."""
    if isinstance(valeur, str) and ":" in valeur:
        trouve = _HEURE.fullmatch(valeur.strip())
        if trouve is None or int(trouve.group(2)) >= 60:
            raise EntreeInvalide(chemin, f"durée HH:MM attendue, pas {_apercu(valeur)}")
        resultat = int(trouve.group(1)) * 60 + int(trouve.group(2))
    else:
        heures = _decimal(valeur, chemin)
        if heures > MINUTES_JOUR_MAX // 60:
            raise EntreeInvalide(chemin, f"au plus 24 heures par jour, pas {_apercu(valeur)}")
        exact = heures * 60
        if exact != exact.to_integral_value():
            raise EntreeInvalide(chemin, f"durée à la minute près attendue, pas {_apercu(valeur)}")
        resultat = int(exact)
    if resultat > MINUTES_JOUR_MAX:
        raise EntreeInvalide(chemin, f"au plus 24 heures par jour, pas {_apercu(valeur)}")
    return resultat


def _choix(enum: type[Any], valeur: Any, chemin: str, defaut: Any) -> Any:
    if valeur is None:
        return defaut
    if isinstance(valeur, str):
        try:
            return enum(valeur)
        except ValueError:
            pass
    permis = ", ".join(e.value for e in enum)
    raise EntreeInvalide(chemin, f"{_apercu(valeur)} inconnu ; valeurs permises : {permis}")


def _horaire(valeur: Any, chemin: str) -> tuple[int, ...]:
    if isinstance(valeur, list):
        if len(valeur) != 7:
            raise EntreeInvalide(chemin, "7 valeurs attendues, du lundi au dimanche")
        return tuple(minutes(v, f"{chemin}[{i}]") for i, v in enumerate(valeur))
    objet = _objet(valeur, chemin)
    inconnus = sorted(str(j) for j in objet if j not in SEMAINE)
    if inconnus:
        raise EntreeInvalide(chemin, f"jours inconnus : {', '.join(inconnus)}")
    return tuple(minutes(objet.get(j, 0), f"{chemin}.{j}") for j in SEMAINE)


def _periode(valeur: Any, chemin: str, *, cles: frozenset[str] = _CLES_PERIODE) -> Periode:
    objet = _objet(valeur, chemin, cles)
    debut = _date_requise(objet.get("debut"), f"{chemin}.debut")
    fin = _date_requise(objet.get("fin"), f"{chemin}.fin")
    if fin < debut:
        raise EntreeInvalide(chemin, "la fin précède le début")
    return Periode(debut, fin, _booleen(objet.get("prolongation"), f"{chemin}.prolongation"))


def _gratification(valeur: Any, chemin: str) -> Gratification:
    g = _facultatif(valeur, chemin, _CLES_GRATIFICATION)
    mode = _choix(ModeGratification, g.get("mode"), f"{chemin}.mode", ModeGratification.AUCUNE)
    montant = _montant(g.get("montant", 0), f"{chemin}.montant")
    if mode.avec_montant and montant <= 0:
        raise EntreeInvalide(f"{chemin}.montant", "montant obligatoire pour ce mode")
    methode = _choix(Methode, g.get("methode"), f"{chemin}.methode", Methode.REELLE)
    return Gratification(mode=mode, montant=montant, methode=methode)


def _pointage(valeur: Any, chemin: str) -> Pointage:
    po = _objet(valeur, chemin, _CLES_POINTAGE)
    pointage = Pointage(
        jour=_date_requise(po.get("jour"), f"{chemin}.jour"),
        presence=minutes(po.get("heures", 0), f"{chemin}.heures"),
        absence=_choix(TypeAbsence, po.get("absence"), f"{chemin}.absence", None),
        absence_minutes=minutes(po.get("heures_absence", 0), f"{chemin}.heures_absence"),
    )
    if pointage.presence + pointage.absence_minutes > MINUTES_JOUR_MAX:
        raise EntreeInvalide(chemin, "présence et absence dépassent 24 heures dans la journée")
    return pointage


def _convention(valeur: Any, chemin: str) -> Convention:
    o = _objet(valeur, chemin, _CLES_CONVENTION)
    periodes = tuple(
        _periode(v, f"{chemin}.periodes[{i}]")
        for i, v in enumerate(_liste(o.get("periodes"), f"{chemin}.periodes"))
    )
    if not periodes:
        raise EntreeInvalide(f"{chemin}.periodes", "au moins une période est attendue")
    rupture = None
    if o.get("rupture") is not None:
        r = _objet(o["rupture"], f"{chemin}.rupture", _CLES_RUPTURE)
        rupture = Rupture(
            _date_requise(r.get("dernier_jour"), f"{chemin}.rupture.dernier_jour"),
            _choix(
                Initiative,
                r.get("initiative"),
                f"{chemin}.rupture.initiative",
                Initiative.ORGANISME,
            ),
        )
    pointages = tuple(
        _pointage(v, f"{chemin}.pointages[{i}]")
        for i, v in enumerate(_liste(o.get("pointages"), f"{chemin}.pointages"))
    )
    jours_pointes = Counter(p.jour for p in pointages)
    if len(jours_pointes) < len(pointages):
        double = min(j for j, n in jours_pointes.items() if n > 1)
        raise EntreeInvalide(
            f"{chemin}.pointages", f"le {double:%d/%m/%Y} est pointé deux fois (un relevé par jour)"
        )
    exceptions = {}
    for jour_texte, heures in _facultatif(o.get("exceptions"), f"{chemin}.exceptions").items():
        cle = f"{chemin}.exceptions.{jour_texte}"
        exceptions[_date_requise(jour_texte, cle)] = minutes(heures, cle)
    contenus = {}
    for code, texte in _facultatif(o.get("contenus"), f"{chemin}.contenus", _CLES_CONTENUS).items():
        if texte is None:
            continue
        if not isinstance(texte, str):
            raise EntreeInvalide(f"{chemin}.contenus.{code}", "texte attendu")
        if len(texte) > TEXTE_LONG_MAX:
            raise EntreeInvalide(
                f"{chemin}.contenus.{code}",
                f"texte trop long (au plus {TEXTE_LONG_MAX} caractères)",
            )
        contenus[code] = texte
    return Convention(
        id=_id(o.get("id"), f"{chemin}.id"),
        etudiant=_id(o.get("etudiant"), f"{chemin}.etudiant"),
        siren=_id(o.get("siren"), f"{chemin}.siren"),
        periodes=periodes,
        horaire=_horaire(o.get("horaire"), f"{chemin}.horaire"),
        date_signature=_date(o.get("date_signature"), f"{chemin}.date_signature", requis=False),
        tuteur=_texte(o.get("tuteur"), f"{chemin}.tuteur", requis=False),
        date_effet_tuteur=_date(
            o.get("date_effet_tuteur"), f"{chemin}.date_effet_tuteur", requis=False
        ),
        poste=_texte(o.get("poste"), f"{chemin}.poste", requis=False),
        exceptions=exceptions,
        pointages=pointages,
        gratification=_gratification(o.get("gratification"), f"{chemin}.gratification"),
        rupture=rupture,
        travail_nuit=_booleen(o.get("travail_nuit"), f"{chemin}.travail_nuit"),
        travail_dimanche=_booleen(o.get("travail_dimanche"), f"{chemin}.travail_dimanche"),
        travail_feries=_booleen(o.get("travail_feries"), f"{chemin}.travail_feries"),
        contenus=contenus,
    )


def _mois(texte: Any, chemin: str) -> date:
    trouve = _MOIS.fullmatch(texte) if isinstance(texte, str) else None
    if trouve is None or not 1 <= int(trouve.group(2)) <= 12:
        raise EntreeInvalide(chemin, f"mois AAAA-MM attendu, pas {_apercu(texte)}")
    mois = date(int(trouve.group(1)), int(trouve.group(2)), 1)
    if not DATE_MIN <= mois <= DATE_MAX:
        raise EntreeInvalide(
            chemin, f"mois compris entre {DATE_MIN:%m/%Y} et {DATE_MAX:%m/%Y} attendu"
        )
    return mois


def _organisme(valeur: Any, chemin: str) -> Organisme:
    o = _objet(valeur, chemin, _CLES_ORGANISME)
    effectifs = {
        _mois(mois, f"{chemin}.effectifs.{mois}"): _effectif(nombre, f"{chemin}.effectifs.{mois}")
        for mois, nombre in _facultatif(o.get("effectifs"), f"{chemin}.effectifs").items()
    }
    autres = {}
    for jour, nombre in _facultatif(
        o.get("autres_stagiaires"), f"{chemin}.autres_stagiaires"
    ).items():
        cle = f"{chemin}.autres_stagiaires.{jour}"
        lundi = _date_requise(jour, cle)
        if lundi.weekday() != 0:
            raise EntreeInvalide(cle, "le lundi de la semaine est attendu")
        autres[lundi] = _effectif(nombre, cle)
    return Organisme(
        siren=_id(o.get("siren"), f"{chemin}.siren"),
        effectifs=effectifs,
        autres_stagiaires=autres,
        fermetures=tuple(
            _periode(v, f"{chemin}.fermetures[{i}]", cles=_CLES_FERMETURE)
            for i, v in enumerate(_liste(o.get("fermetures"), f"{chemin}.fermetures"))
        ),
        taux_atmp=(
            _taux(o["taux_atmp"], f"{chemin}.taux_atmp") if o.get("taux_atmp") is not None else None
        ),
        taux_versement_mobilite=_taux(
            o.get("taux_versement_mobilite", 0), f"{chemin}.taux_versement_mobilite"
        ),
    )


def _etudiant(valeur: Any, chemin: str) -> Etudiant:
    o = _objet(valeur, chemin, _CLES_ETUDIANT)
    return Etudiant(
        id=_id(o.get("id"), f"{chemin}.id"),
        date_naissance=_date(o.get("date_naissance"), f"{chemin}.date_naissance", requis=False),
        debut_formation=_date(o.get("debut_formation"), f"{chemin}.debut_formation", requis=False),
    )


def _zone(valeur: Any) -> str | None:
    zone = _texte(valeur, "zone", requis=False)
    if zone is None:
        return None
    if zone.upper() not in ZONES:
        raise EntreeInvalide(
            "zone",
            f"zone de vacances inconnue {_apercu(zone)} ; zones permises : {', '.join(ZONES)}",
        )
    return zone.upper()


def _sans_doublon(ids: list[str], chemin: str) -> None:
    doublons = sorted(i for i, n in Counter(ids).items() if n > 1)
    if doublons:
        raise EntreeInvalide(chemin, f"identifiants en double : {', '.join(doublons)}")


def lire_situation(donnees: Any) -> Situation:
    o = _objet(donnees, "(situation)", _CLES_SITUATION)
    conventions = [
        _convention(v, f"conventions[{i}]")
        for i, v in enumerate(_liste(o.get("conventions"), "conventions"))
    ]
    _sans_doublon([c.id for c in conventions], "conventions")
    organismes = [
        _organisme(v, f"organismes[{i}]")
        for i, v in enumerate(_liste(o.get("organismes"), "organismes"))
    ]
    _sans_doublon([org.siren for org in organismes], "organismes")
    etudiants = [
        _etudiant(v, f"etudiants[{i}]")
        for i, v in enumerate(_liste(o.get("etudiants"), "etudiants"))
    ]
    _sans_doublon([e.id for e in etudiants], "etudiants")
    return Situation(
        conventions=conventions,
        organismes={org.siren: org for org in organismes},
        etudiants={e.id: e for e in etudiants},
        zone=_zone(o.get("zone")),
    )
