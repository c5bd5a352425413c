"""The public company directory « Recherche d'entreprises » (recherche-entreprises.api.gouv.fr:
open data of the SIRENE register, no key): what a SIRET says about a company, to spare the
typing on « Proposer un stage ».

The directory is a convenience, never a condition: switched off (empty setting), slow, down,
answering anything but 200 or a body we cannot read, it is `AnnuaireIndisponible` and the
company types its details itself. `transport` is the one place that touches the network: the
tests replace it with recorded answers."""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError

from organismes.validators import normaliser_naf, valider_naf

DELAI = 2.0  # seconds: the company is waiting in front of the form
TAILLE_MAXIMALE = 1_000_000  # bytes: one SIRET's answer is a few kilobytes

# (url, timeout in seconds) -> the body of a 200 answer; raises on anything else.
Transport = Callable[[str, float], bytes]


class AnnuaireIndisponible(Exception):
    """The directory cannot answer now (or is switched off): the form falls back to typing."""


@dataclass(frozen=True)
class FicheEntreprise:
    siret: str
    nom: str
    adresse: str  # the street part, without the postcode and town
    code_postal: str
    ville: str
    naf: str  # "47.11F", or "" when the directory's code is not one we read
    tranche_effectif: str  # INSEE's headcount band code ("11": 10 to 19), or ""
    fermee: bool  # the establishment is closed in the register


def _par_urllib(url: str, delai: float) -> bytes:
    requete = urllib.request.Request(
        url, headers={"Accept": "application/json", "User-Agent": "Stages (BTS NDRC)"}
    )
    # The URL is built from the settings' base, never from what the visitor typed but digits.
    with urllib.request.urlopen(requete, timeout=delai) as reponse:
        if reponse.status != 200:
            raise AnnuaireIndisponible(f"réponse {reponse.status}")
        corps: bytes = reponse.read(TAILLE_MAXIMALE)
        return corps


transport: Transport = _par_urllib


def active() -> bool:
    return bool(settings.ANNUAIRE_ENTREPRISES_URL)


def rechercher(siret: str) -> FicheEntreprise | None:
    """The establishment `siret` (14 checked digits) as the directory knows it; None when the
    directory answers but does not know it. Raises AnnuaireIndisponible otherwise."""
    base = settings.ANNUAIRE_ENTREPRISES_URL
    if not base:
        raise AnnuaireIndisponible("annuaire désactivé")
    url = f"{base.rstrip('/')}/search?{urllib.parse.urlencode({'q': siret})}"
    try:
        corps = transport(url, DELAI)
    except AnnuaireIndisponible:
        raise
    except Exception as erreur:
        # Timeouts, DNS, TLS, HTTP errors, a transport bug: all the same to the company.
        raise AnnuaireIndisponible(str(erreur)) from erreur
    try:
        return _lire(json.loads(corps), siret)
    except (ValueError, TypeError, KeyError, AttributeError) as erreur:
        raise AnnuaireIndisponible(f"réponse illisible : {erreur}") from erreur


def _lire(reponse: dict[str, Any], siret: str) -> FicheEntreprise | None:
    for unite in reponse["results"]:
        etablissements = [*(unite.get("matching_etablissements") or []), unite.get("siege") or {}]
        etablissement = next((e for e in etablissements if e.get("siret") == siret), None)
        if etablissement is None:
            continue
        return FicheEntreprise(
            siret=siret,
            nom=_texte(unite.get("nom_raison_sociale") or unite.get("nom_complet")),
            adresse=_rue(etablissement),
            code_postal=_texte(etablissement.get("code_postal")),
            ville=_texte(etablissement.get("libelle_commune")),
            naf=_naf(etablissement.get("activite_principale") or unite.get("activite_principale")),
            tranche_effectif=_texte(unite.get("tranche_effectif_salarie")),
            fermee=etablissement.get("etat_administratif") == "F",
        )
    return None


def _texte(valeur: Any) -> str:
    return valeur.strip() if isinstance(valeur, str) else ""


def _rue(etablissement: dict[str, Any]) -> str:
    """ "12 RUE SAINTE-CATHERINE 33000 BORDEAUX" -> "12 RUE SAINTE-CATHERINE": the postcode
    and the town have their own fields."""
    adresse = _texte(etablissement.get("adresse"))
    fin = f" {_texte(etablissement.get('code_postal'))} {_texte(etablissement.get('libelle_commune'))}"
    return adresse.removesuffix(fin).strip() if fin.strip() else adresse


def _naf(valeur: Any) -> str:
    naf = normaliser_naf(_texte(valeur))
    try:
        valider_naf(naf)
    except ValidationError:
        return ""  # another nomenclature (NAF 2025): the staff will ask
    return naf
