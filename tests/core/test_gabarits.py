"""Templates as a person reads them: a Django comment `{# … #}` holds on one line only; one
spread over two lines is printed on the page as it is."""

from __future__ import annotations

import re
from pathlib import Path

RACINE = Path(__file__).resolve().parents[2]
COMMENTAIRE_OUVERT = re.compile(r"\{#(?!.*#\})")


def _gabarits() -> list[Path]:
    return [
        p
        for p in RACINE.rglob("*.html")
        if ".venv" not in p.parts and "node_modules" not in p.parts and "htmlcov" not in p.parts
    ]


def test_no_template_spreads_a_comment_over_several_lines() -> None:
    fautes = [
        f"{p.relative_to(RACINE)}:{n}"
        for p in _gabarits()
        for n, ligne in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if COMMENTAIRE_OUVERT.search(ligne)
    ]
    assert not fautes, (
        "Commentaire {# … #} sur plusieurs lignes (utilisez {% comment %}) : " + ", ".join(fautes)
    )


def test_the_check_catches_a_comment_left_open() -> None:
    assert COMMENTAIRE_OUVERT.search("{# a comment that goes on")
    assert not COMMENTAIRE_OUVERT.search("{# a comment on one line #}")
