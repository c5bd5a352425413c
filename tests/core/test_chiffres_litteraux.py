"""Every legal figure a user reads comes from the dated parameters: no template and no
sentence of the rules engine writes one literally (a new PHSS, a new threshold would leave the
page saying the old figure). The figures are passed from `regles.cadre`, the engine's
thresholds (`Seuils`) or the finding's own numbers."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

RACINE = Path(__file__).resolve().parents[2]

# The figures of the law as a sentence would write them (R124-10, L124-5, L124-6, D124-6…).
LITTERAUX = re.compile(
    r"\b(308|309|924|154) ?(h\b|heures?|<sup>e</sup> heure|e heure)"
    r"|\b7 ?(h\b|heures)"
    r"|\b(15|10) ?%"
    r"|\b4,50 ?€"
    r"|\b(22|40) jours"
    r"|\b44 semaines"
    r"|\b(deux|six) mois"
    r"|\b(3|trois) stagiaires"
    r"|\b20 personnes",
    re.IGNORECASE,
)

# Labels of static catalogues, not sentences built for a page: the title of a rule and the
# D124-4 list of contents name the rule in the words of their article. The figures the user
# reads with them come from the parameters (the finding's sentence, the convention's PDF).
# Owned by the catalogue, they are listed here so that a new one is still caught.
CATALOGUES = {
    ("regles/constats.py", "Plus de six mois de stage dans le même organisme et la même année"),
    (
        "regles/contenus.py",
        "congés et autorisations d'absence (stage de plus de deux mois, L124-13)",
    ),
}


def _gabarits() -> Iterator[Path]:
    for chemin in sorted(RACINE.rglob("*.html")):
        relatif = chemin.relative_to(RACINE)
        if relatif.parts[0] in {".venv", "node_modules", "tools", "media", "htmlcov"}:
            continue
        if "templates" in relatif.parts:
            yield chemin


def _docstrings(arbre: ast.Module) -> set[int]:
    """The ids of the docstring nodes: they are read by developers, not users."""
    ids = set()
    for noeud in ast.walk(arbre):
        if isinstance(noeud, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            corps = noeud.body
            if (
                corps
                and isinstance(corps[0], ast.Expr)
                and isinstance(corps[0].value, ast.Constant)
            ):
                ids.add(id(corps[0].value))
    return ids


def _phrases(chemin: Path) -> Iterator[tuple[int, str]]:
    """The string literals of a module, f-strings' fixed parts included, docstrings excluded."""
    arbre = ast.parse(chemin.read_text(encoding="utf-8"))
    docstrings = _docstrings(arbre)
    for noeud in ast.walk(arbre):
        if (
            isinstance(noeud, ast.Constant)
            and isinstance(noeud.value, str)
            and id(noeud) not in docstrings
        ):
            yield noeud.lineno, noeud.value


def test_the_pattern_catches_the_figures_the_pages_used_to_write() -> None:
    for phrase in (
        "(15 % du plafond horaire",
        "plus de 308 heures chez cet organisme",
        "(309<sup>e</sup> heure)",
        "Soit en jours (7 h)",
        "Soit en mois (22 jours)",
        "Soit en mois (154 h)",
        "Au plus 3 stagiaires en même temps dans un organisme de moins de 20 personnes",
        "stage de deux mois au plus",
        "Au plus six mois, et un repos l'été",
        "un jour compte 7 heures",
        "4,50 € de l'heure",
    ):
        assert LITTERAUX.search(phrase), phrase
    for phrase in ("17 h 30", "2026-15", "le 15/03/2026", "{{ cadre.seuil_minutes|heures }}"):
        assert not LITTERAUX.search(phrase), phrase


def test_no_template_writes_a_legal_figure() -> None:
    gabarits = list(_gabarits())
    assert len(gabarits) > 50  # the walk found the apps' templates
    trouves = [
        f"{chemin.relative_to(RACINE)}:{numero}: {ligne.strip()}"
        for chemin in gabarits
        for numero, ligne in enumerate(chemin.read_text(encoding="utf-8").splitlines(), 1)
        if LITTERAUX.search(ligne)
    ]
    assert trouves == [], "Chiffres légaux écrits en dur :\n" + "\n".join(trouves)


def test_no_sentence_of_the_engine_writes_a_legal_figure() -> None:
    trouves = []
    for chemin in sorted((RACINE / "regles").rglob("*.py")):
        relatif = chemin.relative_to(RACINE).as_posix()
        for numero, texte in _phrases(chemin):
            if LITTERAUX.search(texte) and (relatif, texte) not in CATALOGUES:
                trouves.append(f"{relatif}:{numero}: {texte}")
    assert trouves == [], "Chiffres légaux écrits en dur :\n" + "\n".join(trouves)
