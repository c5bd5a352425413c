"""`python -m regles evaluer situation.json` (or `-` / nothing for stdin): the whole
evaluation as JSON on stdout. Exit status: 0 evaluated, 1 with blocking findings when
`--strict` is given, 2 for unreadable input (the message says where, in French).

The input is read whole, at most `TAILLE_MAX` bytes (5 Mo, far above a school's year of
conventions): a larger file, a file that is not UTF-8, invalid JSON (NaN and Infinity
included), a key given twice in one object or brackets nested too deep are refused with
exit status 2 and a French message on stderr, never a traceback."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, BinaryIO, TextIO

from regles.constats import Severite
from regles.entree import EntreeInvalide, lire_situation
from regles.evaluation import evaluer

TAILLE_MAX = 5 * 1024 * 1024


class _Illisible(ValueError):
    """The input could not be read as JSON: the message says why, in French."""


def _objet_sans_doublon(paires: list[tuple[str, Any]]) -> dict[str, Any]:
    objet: dict[str, Any] = {}
    for cle, valeur in paires:
        if cle in objet:
            raise _Illisible(f"la clé « {cle[:40]} » est donnée deux fois dans le même objet")
        objet[cle] = valeur
    return objet


def _constante(nom: str) -> Any:
    raise _Illisible(f"{nom} n'est pas un nombre JSON")


def _octets(flux: BinaryIO) -> bytes:
    contenu = flux.read(TAILLE_MAX + 1)
    if len(contenu) > TAILLE_MAX:
        raise _Illisible(f"fichier trop gros (au plus {TAILLE_MAX // (1024 * 1024)} Mo)")
    return contenu


def lire_json(contenu: bytes) -> Any:
    """The JSON document in `contenu`, or `_Illisible` with a French reason."""
    try:
        texte = contenu.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _Illisible(
            f"le fichier n'est pas encodé en UTF-8 (octet illisible en position {exc.start})"
        ) from None
    try:
        return json.loads(texte, object_pairs_hook=_objet_sans_doublon, parse_constant=_constante)
    except json.JSONDecodeError as exc:
        raise _Illisible(
            f"JSON invalide ligne {exc.lineno}, colonne {exc.colno} ({_raison(exc.msg)})"
        ) from None
    except RecursionError:
        raise _Illisible("crochets ou accolades imbriqués trop profondément") from None
    except ValueError as exc:  # an integer of thousands of digits
        if isinstance(exc, _Illisible):
            raise
        raise _Illisible("nombre trop long") from None


_RAISONS = {
    "Expecting value": "valeur attendue",
    "Expecting property name enclosed in double quotes": "nom de clé entre guillemets attendu",
    "Expecting ',' delimiter": "virgule attendue",
    "Expecting ':' delimiter": "deux-points attendus",
    "Extra data": "texte en trop après le document",
    "Unterminated string starting at": "texte sans guillemet fermant",
    "Invalid control character at": "caractère de contrôle dans un texte",
    "Invalid \\escape": "échappement invalide",
    "Invalid \\uXXXX escape": "échappement \\uXXXX invalide",
}


def _raison(message: str) -> str:
    return _RAISONS.get(message, "syntaxe incorrecte")


def _erreur_fichier(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "fichier introuvable"
    if isinstance(exc, PermissionError):
        return "lecture du fichier non autorisée"
    if isinstance(exc, IsADirectoryError):
        return "un dossier a été donné à la place d'un fichier"
    return "fichier illisible"


def main(
    argv: list[str] | None = None, *, stdin: TextIO | None = None, stdout: TextIO | None = None
) -> int:
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    parser = argparse.ArgumentParser(
        prog="python -m regles", description="Le droit des stages, en JSON."
    )
    commandes = parser.add_subparsers(dest="commande", required=True)
    evaluer_ = commandes.add_parser(
        "evaluer", help="évaluer une situation (conventions, organismes, étudiants)"
    )
    evaluer_.add_argument(
        "fichier", nargs="?", default="-", help="fichier JSON, ou - pour l'entrée standard"
    )
    evaluer_.add_argument(
        "--strict", action="store_true", help="code de sortie 1 s'il y a un constat bloquant"
    )
    args = parser.parse_args(argv)

    try:
        if args.fichier == "-":
            flux = getattr(stdin, "buffer", None)
            contenu = (
                _octets(flux)
                if flux is not None
                else stdin.read(TAILLE_MAX + 1).encode("utf-8", "surrogatepass")
            )
            if len(contenu) > TAILLE_MAX:
                raise _Illisible(f"fichier trop gros (au plus {TAILLE_MAX // (1024 * 1024)} Mo)")
        else:
            with open(args.fichier, "rb") as fh:
                contenu = _octets(fh)
        situation = lire_situation(lire_json(contenu))
    except OSError as exc:
        print(f"Entrée invalide : {_erreur_fichier(exc)}", file=sys.stderr)
        return 2
    except (_Illisible, EntreeInvalide) as exc:
        print(f"Entrée invalide : {exc}", file=sys.stderr)
        return 2
    evaluation = evaluer(situation)
    json.dump(evaluation.en_dict(), stdout, ensure_ascii=False, indent=2)
    stdout.write("\n")
    if args.strict and any(c.severite is Severite.BLOQUANT for c in evaluation.constats):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
