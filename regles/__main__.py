"""`python -m regles evaluer situation.json` (or `-` / nothing for stdin): the whole
evaluation as JSON on stdout. Exit status: 0 evaluated, 1 with blocking findings when
`--strict` is given, 2 for unreadable input (the message says where, in French)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TextIO

from regles.constats import Severite
from regles.entree import EntreeInvalide, lire_situation
from regles.evaluation import evaluer


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
            donnees = json.load(stdin)
        else:
            with open(args.fichier, encoding="utf-8") as fh:
                donnees = json.load(fh)
        situation = lire_situation(donnees)
    except (OSError, json.JSONDecodeError, EntreeInvalide) as exc:
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
