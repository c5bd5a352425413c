"""Reading a situation from JSON-like data (the `python -m regles` interface and the web).

Hours are decimal hours ("7", 7.5, "7,5") or "HH:MM"; money is a decimal string or number;
dates are AAAA-MM-JJ. A wrong value is refused with its path in the input, in French.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

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


class EntreeInvalide(ValueError):
    def __init__(self, chemin: str, message: str) -> None:
        super().__init__(f"{chemin} : {message}")
        self.chemin = chemin


def _objet(valeur: Any, chemin: str) -> Mapping[str, Any]:
    if not isinstance(valeur, Mapping):
        raise EntreeInvalide(chemin, "un objet est attendu")
    return valeur


def _liste(valeur: Any, chemin: str) -> list[Any]:
    if valeur is None:
        return []
    if not isinstance(valeur, list):
        raise EntreeInvalide(chemin, "une liste est attendue")
    return valeur


def _texte(valeur: Any, chemin: str, *, requis: bool = True) -> str | None:
    if valeur is None or valeur == "":
        if requis:
            raise EntreeInvalide(chemin, "valeur obligatoire")
        return None
    if not isinstance(valeur, str | int):
        raise EntreeInvalide(chemin, "texte attendu")
    return str(valeur)


def _date(valeur: Any, chemin: str, *, requis: bool = True) -> date | None:
    if valeur is None or valeur == "":
        if requis:
            raise EntreeInvalide(chemin, "date obligatoire (AAAA-MM-JJ)")
        return None
    try:
        return date.fromisoformat(str(valeur))
    except ValueError:
        raise EntreeInvalide(chemin, f"date AAAA-MM-JJ attendue, pas {valeur!r}") from None


def _decimal(valeur: Any, chemin: str) -> Decimal:
    if isinstance(valeur, bool):
        raise EntreeInvalide(chemin, "nombre attendu")
    try:
        nombre = Decimal(str(valeur).replace(",", ".").replace(" ", ""))
    except InvalidOperation:
        raise EntreeInvalide(chemin, f"nombre attendu, pas {valeur!r}") from None
    if not nombre.is_finite() or nombre < 0:
        raise EntreeInvalide(chemin, f"nombre positif attendu, pas {valeur!r}")
    return nombre


def minutes(valeur: Any, chemin: str) -> int:
    """Hours as "7", 7.5, "7,5" or "7:30", returned in minutes."""
    if isinstance(valeur, str) and ":" in valeur:
        h, _, m = valeur.partition(":")
        if not (h.isdigit() and m.isdigit() and int(m) < 60):
            raise EntreeInvalide(chemin, f"durée HH:MM attendue, pas {valeur!r}")
        return int(h) * 60 + int(m)
    heures = _decimal(valeur, chemin)
    resultat = heures * 60
    if resultat != resultat.to_integral_value():
        raise EntreeInvalide(chemin, f"durée à la minute près attendue, pas {valeur!r}")
    if heures > 24:
        raise EntreeInvalide(chemin, f"au plus 24 heures par jour, pas {valeur!r}")
    return int(resultat)


def _choix(enum: type[Any], valeur: Any, chemin: str, defaut: Any) -> Any:
    if valeur is None:
        return defaut
    try:
        return enum(valeur)
    except ValueError:
        permis = ", ".join(e.value for e in enum)
        raise EntreeInvalide(chemin, f"{valeur!r} inconnu ; valeurs permises : {permis}") from None


def _horaire(valeur: Any, chemin: str) -> tuple[int, ...]:
    if isinstance(valeur, list):
        if len(valeur) != 7:
            raise EntreeInvalide(chemin, "7 valeurs attendues, du lundi au dimanche")
        return tuple(minutes(v, f"{chemin}[{i}]") for i, v in enumerate(valeur))
    objet = _objet(valeur, chemin)
    inconnus = set(objet) - set(SEMAINE)
    if inconnus:
        raise EntreeInvalide(chemin, f"jours inconnus : {', '.join(sorted(inconnus))}")
    return tuple(minutes(objet.get(j, 0), f"{chemin}.{j}") for j in SEMAINE)


def _periode(valeur: Any, chemin: str) -> Periode:
    objet = _objet(valeur, chemin)
    debut = _date(objet.get("debut"), f"{chemin}.debut")
    fin = _date(objet.get("fin"), f"{chemin}.fin")
    assert debut is not None and fin is not None
    if fin < debut:
        raise EntreeInvalide(chemin, "la fin précède le début")
    return Periode(debut, fin, bool(objet.get("prolongation", False)))


def _convention(valeur: Any, chemin: str) -> Convention:
    o = _objet(valeur, chemin)
    periodes = tuple(
        _periode(v, f"{chemin}.periodes[{i}]")
        for i, v in enumerate(_liste(o.get("periodes"), f"{chemin}.periodes"))
    )
    if not periodes:
        raise EntreeInvalide(f"{chemin}.periodes", "au moins une période est attendue")
    g = _objet(o.get("gratification") or {}, f"{chemin}.gratification")
    mode = _choix(
        ModeGratification, g.get("mode"), f"{chemin}.gratification.mode", ModeGratification.AUCUNE
    )
    montant = _decimal(g.get("montant", 0), f"{chemin}.gratification.montant")
    if mode in (ModeGratification.HORAIRE, ModeGratification.MENSUELLE) and montant <= 0:
        raise EntreeInvalide(f"{chemin}.gratification.montant", "montant obligatoire pour ce mode")
    rupture = None
    if o.get("rupture"):
        r = _objet(o["rupture"], f"{chemin}.rupture")
        dernier = _date(r.get("dernier_jour"), f"{chemin}.rupture.dernier_jour")
        assert dernier is not None
        rupture = Rupture(
            dernier,
            _choix(
                Initiative,
                r.get("initiative"),
                f"{chemin}.rupture.initiative",
                Initiative.ORGANISME,
            ),
        )
    pointages = []
    for i, v in enumerate(_liste(o.get("pointages"), f"{chemin}.pointages")):
        cp = f"{chemin}.pointages[{i}]"
        po = _objet(v, cp)
        jour = _date(po.get("jour"), f"{cp}.jour")
        assert jour is not None
        pointages.append(
            Pointage(
                jour=jour,
                presence=minutes(po.get("heures", 0), f"{cp}.heures"),
                absence=_choix(TypeAbsence, po.get("absence"), f"{cp}.absence", None),
                absence_minutes=minutes(po.get("heures_absence", 0), f"{cp}.heures_absence"),
            )
        )
    exceptions = {}
    for jour_texte, heures in _objet(o.get("exceptions") or {}, f"{chemin}.exceptions").items():
        jour = _date(jour_texte, f"{chemin}.exceptions")
        assert jour is not None
        exceptions[jour] = minutes(heures, f"{chemin}.exceptions.{jour_texte}")
    contenus = {
        str(k): str(v)
        for k, v in _objet(o.get("contenus") or {}, f"{chemin}.contenus").items()
        if v is not None
    }
    identifiant = _texte(o.get("id"), f"{chemin}.id")
    etudiant = _texte(o.get("etudiant"), f"{chemin}.etudiant")
    siren = _texte(o.get("siren"), f"{chemin}.siren")
    assert identifiant and etudiant and siren
    return Convention(
        id=identifiant,
        etudiant=etudiant,
        siren=siren,
        periodes=periodes,
        horaire=_horaire(o.get("horaire"), f"{chemin}.horaire"),
        date_signature=_date(o.get("date_signature"), f"{chemin}.date_signature", requis=False),
        tuteur=_texte(o.get("tuteur"), f"{chemin}.tuteur", requis=False),
        date_effet_tuteur=_date(
            o.get("date_effet_tuteur"), f"{chemin}.date_effet_tuteur", requis=False
        ),
        poste=_texte(o.get("poste"), f"{chemin}.poste", requis=False),
        exceptions=exceptions,
        pointages=tuple(pointages),
        gratification=Gratification(
            mode=mode,
            montant=montant,
            methode=_choix(
                Methode, g.get("methode"), f"{chemin}.gratification.methode", Methode.REELLE
            ),
        ),
        rupture=rupture,
        travail_nuit=bool(o.get("travail_nuit", False)),
        travail_dimanche=bool(o.get("travail_dimanche", False)),
        travail_feries=bool(o.get("travail_feries", False)),
        contenus=contenus,
    )


def _mois(texte: str, chemin: str) -> date:
    try:
        annee, mois = (int(x) for x in texte.split("-")[:2])
        return date(annee, mois, 1)
    except ValueError:
        raise EntreeInvalide(chemin, f"mois AAAA-MM attendu, pas {texte!r}") from None


def _organisme(valeur: Any, chemin: str) -> Organisme:
    o = _objet(valeur, chemin)
    siren = _texte(o.get("siren"), f"{chemin}.siren")
    assert siren
    effectifs = {}
    for mois, nombre in _objet(o.get("effectifs") or {}, f"{chemin}.effectifs").items():
        effectifs[_mois(mois, f"{chemin}.effectifs")] = int(
            _decimal(nombre, f"{chemin}.effectifs.{mois}")
        )
    autres = {}
    for jour, nombre in _objet(
        o.get("autres_stagiaires") or {}, f"{chemin}.autres_stagiaires"
    ).items():
        lundi = _date(jour, f"{chemin}.autres_stagiaires")
        assert lundi is not None
        if lundi.weekday() != 0:
            raise EntreeInvalide(
                f"{chemin}.autres_stagiaires.{jour}", "le lundi de la semaine est attendu"
            )
        autres[lundi] = int(_decimal(nombre, f"{chemin}.autres_stagiaires.{jour}"))
    return Organisme(
        siren=siren,
        effectifs=effectifs,
        autres_stagiaires=autres,
        fermetures=tuple(
            _periode(v, f"{chemin}.fermetures[{i}]")
            for i, v in enumerate(_liste(o.get("fermetures"), f"{chemin}.fermetures"))
        ),
        taux_atmp=_decimal(o["taux_atmp"], f"{chemin}.taux_atmp")
        if o.get("taux_atmp") is not None
        else None,
        taux_versement_mobilite=_decimal(
            o.get("taux_versement_mobilite", 0), f"{chemin}.taux_versement_mobilite"
        ),
    )


def _etudiant(valeur: Any, chemin: str) -> Etudiant:
    o = _objet(valeur, chemin)
    identifiant = _texte(o.get("id"), f"{chemin}.id")
    assert identifiant
    return Etudiant(
        id=identifiant,
        date_naissance=_date(o.get("date_naissance"), f"{chemin}.date_naissance", requis=False),
        debut_formation=_date(o.get("debut_formation"), f"{chemin}.debut_formation", requis=False),
    )


def lire_situation(donnees: Any) -> Situation:
    o = _objet(donnees, "(situation)")
    conventions = [
        _convention(v, f"conventions[{i}]")
        for i, v in enumerate(_liste(o.get("conventions"), "conventions"))
    ]
    ids = [c.id for c in conventions]
    doublons = sorted({i for i in ids if ids.count(i) > 1})
    if doublons:
        raise EntreeInvalide("conventions", f"identifiants en double : {', '.join(doublons)}")
    organismes = [
        _organisme(v, f"organismes[{i}]")
        for i, v in enumerate(_liste(o.get("organismes"), "organismes"))
    ]
    etudiants = [
        _etudiant(v, f"etudiants[{i}]")
        for i, v in enumerate(_liste(o.get("etudiants"), "etudiants"))
    ]
    return Situation(
        conventions=conventions,
        organismes={org.siren: org for org in organismes},
        etudiants={e.id: e for e in etudiants},
        zone=_texte(o.get("zone"), "zone", requis=False),
    )
