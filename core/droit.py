"""The law in force on a day, as the staff read it: each dated parameter under its theme, with
its French description, its value written the French way and its references. No internal key
reaches the page: a key quoted in a description becomes the value it names."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from regles import format as fmt
from regles.parametres import Parametre, ParametreNonEnVigueur, Parametres, Reference, Valeur

# Themes, by the start of the parameter's name (the longest start wins).
THEMES: tuple[tuple[str, str], ...] = (
    ("gratification", "Gratification"),
    ("securite_sociale", "Sécurité sociale"),
    ("presence", "Présence et durée du stage"),
    ("stage", "Présence et durée du stage"),
    ("quota", "Nombre de stagiaires et tutorat"),
    ("carence", "Nombre de stagiaires et tutorat"),
    ("mineurs", "Stagiaires mineurs"),
    (
        "cotisations.organisme",
        "Cotisations de l'organisme d'accueil sur l'excédent de gratification",
    ),
    ("cotisations.stagiaire", "Cotisations du stagiaire sur l'excédent de gratification"),
    ("cotisations.effectif", "Seuils d'effectif des cotisations"),
    ("impot", "Impôt sur le revenu"),
    ("reglages", "Réglages de la section"),
)
AUTRES = "Autres paramètres"

# Units, singular and plural.
UNITES: dict[str, tuple[str, str]] = {
    "heure": ("heure", "heures"),
    "jour": ("jour", "jours"),
    "semaine": ("semaine", "semaines"),
    "mois": ("mois", "mois"),
    "an": ("an", "ans"),
    "personne": ("personne", "personnes"),
    "stagiaire": ("stagiaire", "stagiaires"),
    "plafond": ("plafond mensuel", "plafonds mensuels"),
}

# Words of a setting's text value, in French.
MOTS: dict[str, str] = {
    "jours_consecutifs": "jours consécutifs",
    "semaines_civiles": "semaines civiles",
}

_CLE = re.compile(r"\b[a-z_]+(?:\.[a-z_]+)+\b")
_MOT_TECHNIQUE = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b")
_JOUR_MOIS = re.compile(r"^(\d{2})-(\d{2})$")
_MOIS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre")  # fmt: skip


@dataclass(frozen=True)
class Ligne:
    description: str
    valeur: str  # "" when no value is in force on the day
    depuis: date | None
    references: tuple[Reference, ...]


@dataclass(frozen=True)
class Theme:
    titre: str
    lignes: tuple[Ligne, ...]


def theme_de(nom: str) -> str:
    debuts = [
        (debut, titre) for debut, titre in THEMES if nom == debut or nom.startswith(debut + ".")
    ]
    return max(debuts, key=lambda d: len(d[0]))[1] if debuts else AUTRES


def _mot(mot: str) -> str:
    return MOTS.get(mot, mot.replace("_", " "))


def insecable(texte: str) -> str:
    """Keep a unit on the line of its number: 30,00 €, 15 % never break before the sign."""
    return texte.replace(" €", "\u00a0€").replace(" %", "\u00a0%")


def valeur_lisible(parametre: Parametre, valeur: Valeur) -> str:
    """The value written for a reader: 5,25 %, 30,00 €, 22 jours, 1er septembre."""
    if isinstance(valeur, bool):
        return "oui" if valeur else "non"
    if isinstance(valeur, str):
        jour_mois = _JOUR_MOIS.match(valeur)
        if jour_mois and 1 <= int(jour_mois[1]) <= 12:
            jour = int(jour_mois[2])
            return f"{'1er' if jour == 1 else jour} {_MOIS[int(jour_mois[1]) - 1]}"
        return _MOT_TECHNIQUE.sub(lambda m: _mot(m[0]), valeur)
    unite = parametre.unite
    if unite == "/1" and isinstance(valeur, Decimal):
        pourcent = fmt.decimal_texte(valeur * 100).replace(".", ",")
        return insecable(f"{pourcent} %")
    if unite == "currency-EUR":
        return insecable(fmt.euros(Decimal(valeur)))
    if isinstance(valeur, int):
        nombre = fmt.nombre(valeur, 0)
    else:
        nombre = fmt.decimal_texte(Decimal(valeur)).replace(".", ",")
    if unite in UNITES:
        singulier, pluriel = UNITES[unite]
        return f"{nombre} {singulier if abs(Decimal(valeur)) < 2 else pluriel}"
    return nombre


def valeur_au(parametre: Parametre, le: date) -> str:
    try:
        return valeur_lisible(parametre, parametre.valeur(le))
    except ParametreNonEnVigueur:
        return ""


def description_lisible(parametre: Parametre, p: Parametres, le: date) -> str:
    """The description with each quoted key replaced by the value it names, in brackets, and
    each technical word of a setting written in French."""

    def cle(m: re.Match[str]) -> str:
        if m[0] not in p:
            return m[0]
        valeur = valeur_au(p[m[0]], le)
        return f"({valeur})" if valeur else ""

    texte = _CLE.sub(cle, parametre.description)
    return _MOT_TECHNIQUE.sub(lambda m: _mot(m[0]), texte)


def droit_au(le: date, p: Parametres) -> list[Theme]:
    """Every parameter, grouped by theme in the order of THEMES, with its value on `le`."""
    par_theme: dict[str, list[Ligne]] = {}
    for nom in sorted(p):
        parametre = p[nom]
        valeur = valeur_au(parametre, le)
        ligne = Ligne(
            description=description_lisible(parametre, p, le),
            valeur=valeur,
            depuis=parametre.date_effet(le) if valeur else None,
            references=parametre.references_au(le) if valeur else (),
        )
        par_theme.setdefault(theme_de(nom), []).append(ligne)
    ordre = list(dict.fromkeys([titre for _, titre in THEMES] + [AUTRES]))
    return [Theme(titre, tuple(par_theme[titre])) for titre in ordre if titre in par_theme]
