"""How a convention's records read on screen: the audit trail's actions, an avenant's
before/after, the weekly schedule and the clauses, in French."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from conventions.models import METHODES, MODES, Avenant, Convention, Statut
from core import audit
from regles import format as fmt
from regles.constats import Constat, Severite
from regles.contenus import CONTENUS, DERIVES
from regles.modele import SEMAINE

# DSFR badge of each status: grey while in preparation, blue on its way, green when signed
# or done, red when it will not happen, orange when it ended early.
BADGES: dict[str, str] = {
    Statut.BROUILLON: "",
    Statut.A_VALIDER: "fr-badge--new",
    Statut.VALIDEE: "fr-badge--info",
    Statut.EN_SIGNATURE: "fr-badge--info",
    Statut.SIGNEE: "fr-badge--success",
    Statut.EN_COURS: "fr-badge--success",
    Statut.TERMINEE: "fr-badge--success",
    Statut.ATTESTEE: "fr-badge--success",
    Statut.ANNULEE: "fr-badge--error",
    Statut.ROMPUE: "fr-badge--warning",
}


_GRAVITE = {Severite.BLOQUANT: 0, Severite.AVERTISSEMENT: 1, Severite.INFO: 2}


def par_gravite(constats: Sequence[Constat]) -> list[Constat]:
    """Blocking findings first, then warnings, then information (stable within each)."""
    return sorted(constats, key=lambda k: _GRAVITE[k.severite])


def libelle_action(action: str) -> str:
    """What the timeline says of an action: the label of core.audit, the one list."""
    return audit.libelle(action)


@dataclass(frozen=True)
class Changement:
    libelle: str
    avant: str
    apres: str


_CHAMPS_AVENANT = {
    "tuteur": "Tuteur",
    "date_effet_tuteur": "Tuteur désigné à compter du",
    **{f"minutes_{jour}": f"Présence le {jour}" for jour in SEMAINE},
    "gratification_mode": "Gratification",
    "gratification_montant": "Montant de la gratification",
    "gratification_methode": "Versement",
    "periodes": "Périodes",
}
_CHOIX = {"gratification_mode": dict(MODES), "gratification_methode": dict(METHODES)}


def _jour_iso(texte: str) -> str:
    try:
        return fmt.jour(date.fromisoformat(texte))
    except ValueError:
        return texte


def _valeur(champ: str, valeur: Any) -> str:
    """One side of an avenant's change, as `avenant_creer` stored it in JSON."""
    if valeur is None or valeur == "":
        return "—"
    if isinstance(valeur, dict):  # a related record: {"id": …, "libelle": …}
        return str(valeur.get("libelle", ""))
    if champ == "periodes":
        return " ; ".join(f"du {_jour_iso(d)} au {_jour_iso(f)}" for d, f in valeur)
    if champ.startswith("minutes_"):
        return fmt.heures(int(valeur))
    if champ == "gratification_montant":
        try:
            return fmt.euros(Decimal(str(valeur)))
        except InvalidOperation:
            return str(valeur)
    if champ in _CHOIX:
        return _CHOIX[champ].get(valeur, str(valeur))
    if champ.startswith("date"):
        return _jour_iso(str(valeur))
    return str(valeur)


def changements(avenant: Avenant) -> list[Changement]:
    return [
        Changement(
            # A field this list does not know yet reads as words, never as its key.
            _CHAMPS_AVENANT.get(champ, champ.replace("_", " ").capitalize()),
            _valeur(champ, diff.get("avant")),
            _valeur(champ, diff.get("apres")),
        )
        for champ, diff in avenant.changements.items()
    ]


def horaire(convention: Convention) -> list[tuple[str, int]]:
    """(day, minutes) from Monday to Sunday."""
    return [
        (jour.capitalize(), minutes)
        for jour, minutes in zip(SEMAINE, convention.horaire, strict=True)
    ]


def clauses(convention: Convention) -> list[tuple[str, str]]:
    """The D124-4 clause texts, numbered as in the article, blank ones included (to be seen)."""
    contenus = convention.contenus or {}
    return [
        (f"{c.numero}° {c.libelle[0].upper()}{c.libelle[1:]}", str(contenus.get(c.code, "")))
        for c in CONTENUS
        if c.code not in DERIVES
    ]


# Where the form fixes what a blocking finding says (an anchor of conventions/formulaire.html).
_ANCRES = {
    "GRAT_RAPPEL": "gratification-legende",
    "GRAT_INSUFFISANTE": "gratification-legende",
    "QUOTA_DEPASSE": "periodes-legende",
    "DUREE_MAXIMALE": "periodes-legende",
    "CARENCE": "id_poste",
    "TUTEUR_PLAFOND": "id_tuteur",
    "TUTEUR_ABSENT": "id_tuteur",
    "MINEUR_DUREE_JOUR": "horaire-legende",
    "MINEUR_DUREE_SEMAINE": "horaire-legende",
    "MINEUR_NUIT": "horaire-legende",
    "MINEUR_REPOS": "horaire-legende",
}
_ANCRES_CONTENUS = {
    "dates_duree": "periodes-legende",
    "presence_hebdomadaire": "horaire-legende",
    "gratification": "gratification-legende",
}


def ancre_correction(constat: Constat) -> str:
    """The form's anchor where `constat` is fixed: for missing contents, the first missing
    clause's field; "" when no one field fixes it (the form's top)."""
    if constat.code == "CONVENTION_INCOMPLETE":
        premier = str(constat.chiffres.get("manquants", "")).split(",")[0].strip()
        if not premier:
            return ""
        return _ANCRES_CONTENUS.get(premier, f"id_clause_{premier}")
    return _ANCRES.get(constat.code, "")
