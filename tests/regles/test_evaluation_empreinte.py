"""Every answer of the full audit, frozen: small synthetic académies (the benchmark's
generator, several seeds, strained and not) are evaluated and their whole result — every
finding's code, text and data, every schedule month, every cumul, every day, every quota week —
is hashed and compared with the hashes the engine gave before its speed-ups.

Why: the audit is optimised for speed (shared totals, remembered parameters); none of that
may change an answer, not a sentence, not a cent. A hash mismatch names the part that moved;
regenerate the file (`python -m tests.regles.test_evaluation_empreinte`) only when an answer
is meant to change, and say why in the commit."""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from bench.academie import Taille, academie
from regles.evaluation import Evaluation, evaluer
from regles.modele import Convention

EMPREINTES = Path(__file__).with_name("empreintes_evaluation.json")
# (seed, strained, size): the last one crowds 400 conventions into 12 hosts and 100 students
# (quotas, tutors, posts' waiting period, back-pay, several conventions per student and host).
CAS = [
    (1, True, Taille(200, 60, 150)),
    (2, True, Taille(200, 60, 150)),
    (3, False, Taille(200, 60, 150)),
    (4, True, Taille(200, 60, 150)),
    (5, True, Taille(400, 12, 100)),
]


def _brut(objet: object) -> object:
    """A JSON-able image of a result, exact: Decimals keep their exponent, types are named."""
    if isinstance(objet, Convention):
        return objet.id  # the input, unchanged by the engine
    if dataclasses.is_dataclass(objet) and not isinstance(objet, type):
        return {
            "@": type(objet).__name__,
            **{f.name: _brut(getattr(objet, f.name)) for f in dataclasses.fields(objet)},
        }
    if isinstance(objet, enum.Enum):
        return f"{type(objet).__name__}.{objet.name}"
    if isinstance(objet, Decimal):
        return f"D{objet}"
    if isinstance(objet, date):
        return objet.isoformat()
    if isinstance(objet, dict):
        return [[_brut(k), _brut(v)] for k, v in objet.items()]
    if isinstance(objet, list | tuple):
        return [_brut(x) for x in objet]
    if isinstance(objet, set | frozenset):
        return sorted(repr(_brut(x)) for x in objet)
    if objet is None or isinstance(objet, str | int | float | bool):
        return objet
    if isinstance(objet, Exception):
        return f"{type(objet).__name__}: {objet}"
    raise TypeError(f"type non prévu dans l'empreinte : {type(objet).__name__}")


def _hash(valeur: object) -> str:
    texte = json.dumps(valeur, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(texte.encode()).hexdigest()[:24]


def empreinte(resultat: Evaluation) -> dict[str, str]:
    occupation = resultat.occupation
    return {
        "en_dict": _hash(resultat.en_dict()),
        "conventions": _hash(_brut(list(resultat.conventions.values()))),
        "cumuls": _hash(_brut(resultat.cumuls)),
        "etudiants": _hash(_brut(list(resultat.etudiants.values()))),
        "quotas": _hash(
            [_brut(occupation.semaines_de(r.convention)) for r in resultat.conventions.values()]
        ),
    }


def _calculer(graine: int, tendu: bool, taille: Taille) -> dict[str, str]:
    return empreinte(evaluer(academie(taille, graine=graine, tendu=tendu)))


@pytest.mark.parametrize(("graine", "tendu", "taille"), CAS)
def test_l_audit_donne_les_memes_reponses(graine: int, tendu: bool, taille: Taille) -> None:
    attendu = json.loads(EMPREINTES.read_text())[f"{graine}-{tendu}"]
    assert _calculer(graine, tendu, taille) == attendu


if __name__ == "__main__":  # regenerate (only when an answer is meant to change)
    import django

    django.setup()
    EMPREINTES.write_text(
        json.dumps({f"{g}-{t}": _calculer(g, t, taille) for g, t, taille in CAS}, indent=1) + "\n"
    )
