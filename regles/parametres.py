"""Dated legal parameters, one YAML file per parameter, in OpenFisca's shape.

A file `parametres/gratification/taux_minimal.yaml` is the parameter
`gratification.taux_minimal`. Its `values` are keyed by date of effect; the value in force
on a day is the newest whose date is on or before that day; `null` ends the parameter.
Every date carries its reference (title + Légifrance link) under `metadata.reference`;
a date set by a text published in the Journal officiel may give that publication's date under
`metadata.official_journal_date`, as OpenFisca does.

Everything is loaded once and validated: a malformed file stops the start with its path
and key, so a wrong law never reaches a verdict.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

REPERTOIRE = Path(__file__).resolve().parent / "parametres"

Valeur = Decimal | int | str | bool


class ParametreInvalide(Exception):
    """A parameter file is malformed: the message names the file and the key."""

    def __init__(self, fichier: Path, cle: str, message: str) -> None:
        super().__init__(f"{fichier}: {cle}: {message}")
        self.fichier = fichier
        self.cle = cle


class ParametreNonEnVigueur(LookupError):
    """No value of the parameter is in force on the day asked.

    `description` is the parameter's French description; `premier` the first date it has a
    value, when the day asked is before it (the data do not go back that far)."""

    def __init__(
        self, nom: str, le: date, *, description: str | None = None, premier: date | None = None
    ) -> None:
        super().__init__(f"Le paramètre {nom} n'a pas de valeur en vigueur le {le:%d/%m/%Y}")
        self.nom = nom
        self.le = le
        self.description = description
        self.premier = premier


@dataclass(frozen=True, slots=True)
class Reference:
    titre: str
    lien: str


@dataclass(frozen=True, slots=True)
class Parametre:
    nom: str
    description: str
    unite: str | None
    # Dates of effect in increasing order, and the values aligned with them (None = repealed).
    dates: tuple[date, ...]
    valeurs: tuple[Valeur | None, ...]
    references: Mapping[date, tuple[Reference, ...]]
    derniere_verification: date | None
    fichier: Path
    # Date of effect -> date the text setting it was published in the Journal officiel.
    publications_jo: Mapping[date, date] = field(default_factory=dict)
    # Lookups by day, remembered: an audit asks the same few days hundreds of thousands of times.
    _memo: dict[date, int] = field(default_factory=dict, compare=False, repr=False)

    def _index(self, le: date) -> int:
        try:
            return self._memo[le]
        except KeyError:
            pass
        i = bisect.bisect_right(self.dates, le) - 1
        if i < 0 or self.valeurs[i] is None:
            raise ParametreNonEnVigueur(
                self.nom,
                le,
                description=self.description,
                premier=self.dates[0] if i < 0 else None,
            )
        self._memo[le] = i
        return i

    def valeur(self, le: date) -> Valeur:
        valeur = self.valeurs[self._index(le)]
        assert valeur is not None
        return valeur

    def date_effet(self, le: date) -> date:
        """Return the date of effect of the value in force on `le`."""
        return self.dates[self._index(le)]

    def references_au(self, le: date) -> tuple[Reference, ...]:
        return self.references[self.date_effet(le)]

    def historique(self) -> Iterator[tuple[date, Valeur | None]]:
        """Yield (date of effect, value), newest first, as OpenFisca lists them."""
        return zip(reversed(self.dates), reversed(self.valeurs), strict=True)


class Parametres(Mapping[str, Parametre]):
    """All the parameters, by dotted name, with typed readers."""

    def __init__(self, parametres: Mapping[str, Parametre]) -> None:
        self._parametres = dict(parametres)
        # Values derived from parameters on a day (thresholds…), remembered by their builders.
        self.memo: dict[tuple[object, ...], object] = {}
        # Typed readings by (name, day), remembered: an audit asks the same few (name, day)
        # pairs hundreds of thousands of times, and the parameters never change once loaded.
        # Only successful readings are kept, so an error is raised again on every call.
        self._decimaux: dict[tuple[str, date], Decimal] = {}
        self._entiers: dict[tuple[str, date], int] = {}

    def __getitem__(self, nom: str) -> Parametre:
        try:
            return self._parametres[nom]
        except KeyError:
            raise KeyError(f"Paramètre inconnu : {nom}") from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._parametres)

    def __len__(self) -> int:
        return len(self._parametres)

    def decimal(self, nom: str, le: date) -> Decimal:
        try:
            return self._decimaux[(nom, le)]
        except KeyError:
            pass
        valeur = self[nom].valeur(le)
        if isinstance(valeur, bool) or not isinstance(valeur, Decimal | int):
            raise TypeError(f"{nom} n'est pas un nombre")
        # Decimals are immutable: handing out the same one to every caller is safe.
        resultat = self._decimaux[(nom, le)] = Decimal(valeur)
        return resultat

    def entier(self, nom: str, le: date) -> int:
        try:
            return self._entiers[(nom, le)]
        except KeyError:
            pass
        valeur = self[nom].valeur(le)
        if isinstance(valeur, bool) or not isinstance(valeur, int):
            raise TypeError(f"{nom} n'est pas un entier")
        self._entiers[(nom, le)] = valeur
        return valeur

    def texte(self, nom: str, le: date) -> str:
        valeur = self[nom].valeur(le)
        if not isinstance(valeur, str):
            raise TypeError(f"{nom} n'est pas un texte")
        return valeur


class _ChargeurStrict(yaml.SafeLoader):
    """A YAML loader that refuses duplicate keys (PyYAML silently keeps the last one) and
    leaves dates as text, so that a wrong date is reported with its key."""


_ChargeurStrict.yaml_implicit_resolvers = {
    premier: [(tag, regexp) for tag, regexp in resolveurs if tag != "tag:yaml.org,2002:timestamp"]
    for premier, resolveurs in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _mapping_sans_doublon(loader: _ChargeurStrict, node: yaml.MappingNode) -> dict[Any, Any]:
    resultat: dict[Any, Any] = {}
    for cle_node, valeur_node in node.value:
        cle = loader.construct_object(cle_node, deep=True)
        if cle in resultat:
            raise yaml.constructor.ConstructorError(
                None, None, f"clé en double : {cle}", cle_node.start_mark
            )
        resultat[cle] = loader.construct_object(valeur_node, deep=True)
    return resultat


_ChargeurStrict.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    _mapping_sans_doublon,
)


def _date(fichier: Path, cle: str, brut: object) -> date:
    if isinstance(brut, date):
        return brut
    if isinstance(brut, str):
        try:
            return date.fromisoformat(brut)
        except ValueError:
            pass
    raise ParametreInvalide(fichier, cle, f"date AAAA-MM-JJ attendue, pas {brut!r}")


def _valeur(fichier: Path, cle: str, brut: object) -> Valeur | None:
    if brut is None or isinstance(brut, bool | int | str):
        return brut
    if isinstance(brut, float):
        # YAML reads 0.15 as a float; its shortest repr is the decimal that was written.
        return Decimal(repr(brut))
    raise ParametreInvalide(fichier, cle, f"valeur non reconnue : {brut!r}")


def _references(fichier: Path, cle: str, brut: object) -> tuple[Reference, ...]:
    elements = brut if isinstance(brut, list) else [brut]
    references = []
    for i, element in enumerate(elements):
        if not isinstance(element, dict) or not isinstance(element.get("title"), str):
            raise ParametreInvalide(fichier, f"{cle}[{i}]", "title (et href) attendus")
        href = element.get("href", "")
        if not isinstance(href, str):
            raise ParametreInvalide(fichier, f"{cle}[{i}].href", "lien attendu")
        references.append(Reference(titre=element["title"], lien=href))
    if not references:
        raise ParametreInvalide(fichier, cle, "au moins une référence attendue")
    return tuple(references)


def lire_fichier(fichier: Path, nom: str) -> Parametre:
    """Read and validate one parameter file."""
    try:
        contenu = yaml.load(fichier.read_text(encoding="utf-8"), Loader=_ChargeurStrict)  # noqa: S506
    except yaml.YAMLError as exc:
        raise ParametreInvalide(fichier, "(fichier)", f"YAML illisible : {exc}") from exc
    if not isinstance(contenu, dict):
        raise ParametreInvalide(fichier, "(fichier)", "un dictionnaire est attendu")
    inconnues = set(contenu) - {"description", "values", "metadata", "documentation"}
    if inconnues:
        raise ParametreInvalide(fichier, ", ".join(sorted(inconnues)), "clé inconnue")
    description = contenu.get("description")
    if not isinstance(description, str) or not description.strip():
        raise ParametreInvalide(fichier, "description", "texte obligatoire")
    values = contenu.get("values")
    if not isinstance(values, dict) or not values:
        raise ParametreInvalide(fichier, "values", "au moins une valeur datée est attendue")
    metadata = contenu.get("metadata") or {}
    if not isinstance(metadata, dict):
        raise ParametreInvalide(fichier, "metadata", "un dictionnaire est attendu")
    references_brutes = metadata.get("reference")
    if not isinstance(references_brutes, dict):
        raise ParametreInvalide(fichier, "metadata.reference", "références datées obligatoires")

    historique: list[tuple[date, Valeur | None]] = []
    for cle_date, entree in values.items():
        jour = _date(fichier, f"values.{cle_date}", cle_date)
        cle = f"values.{jour.isoformat()}"
        brut = entree.get("value") if isinstance(entree, dict) else entree
        if isinstance(entree, dict) and set(entree) - {"value"}:
            raise ParametreInvalide(fichier, cle, "seule la clé value est permise")
        historique.append((jour, _valeur(fichier, cle, brut)))
    historique.sort(key=lambda item: item[0])

    references: dict[date, tuple[Reference, ...]] = {}
    for cle_date, brut in references_brutes.items():
        jour = _date(fichier, f"metadata.reference.{cle_date}", cle_date)
        references[jour] = _references(fichier, f"metadata.reference.{jour.isoformat()}", brut)
    for jour, valeur in historique:
        if valeur is not None and jour not in references:
            raise ParametreInvalide(
                fichier, f"metadata.reference.{jour.isoformat()}", "référence manquante"
            )

    publications_jo = _publications_jo(fichier, metadata.get("official_journal_date"), historique)
    verification = metadata.get("last_value_still_valid_on")
    unite = metadata.get("unit")
    return Parametre(
        nom=nom,
        description=description.strip(),
        unite=str(unite) if unite is not None else None,
        dates=tuple(jour for jour, _ in historique),
        valeurs=tuple(valeur for _, valeur in historique),
        references=references,
        derniere_verification=(
            _date(fichier, "metadata.last_value_still_valid_on", verification)
            if verification is not None
            else None
        ),
        fichier=fichier,
        publications_jo=publications_jo,
    )


def _publications_jo(
    fichier: Path, brut: object, historique: list[tuple[date, Valeur | None]]
) -> dict[date, date]:
    """Read `metadata.official_journal_date`: date of effect -> date of publication."""
    if brut is None:
        return {}
    if not isinstance(brut, dict):
        raise ParametreInvalide(fichier, "metadata.official_journal_date", "dictionnaire attendu")
    dates_effet = {jour for jour, _ in historique}
    publications = {}
    for cle_date, publication in brut.items():
        jour = _date(fichier, f"metadata.official_journal_date.{cle_date}", cle_date)
        cle = f"metadata.official_journal_date.{jour.isoformat()}"
        if jour not in dates_effet:
            raise ParametreInvalide(fichier, cle, "aucune valeur à cette date")
        publications[jour] = _date(fichier, cle, publication)
    return publications


def charger(repertoire: Path = REPERTOIRE) -> Parametres:
    """Load every `*.yaml` under `repertoire`; the dotted path is the parameter's name."""
    parametres = {}
    for fichier in sorted(repertoire.rglob("*.yaml")):
        nom = ".".join(fichier.relative_to(repertoire).with_suffix("").parts)
        parametres[nom] = lire_fichier(fichier, nom)
    if not parametres:
        raise ParametreInvalide(repertoire, "(répertoire)", "aucun paramètre trouvé")
    return Parametres(parametres)


@functools.cache
def parametres() -> Parametres:
    """The parameters shipped with the engine, loaded once per process."""
    return charger()
