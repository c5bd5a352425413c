"""The dependency rule, app by app: every import of every module, walked with `ast`.

The layers are written once, in COUCHES below, bottom first; ARCHITECTURE.md states the same
table (« La règle de dépendance, app par app ») and a test checks they agree. The rule:

- a domain module (models, services, selectors, forms, engines…) imports only its own app and
  the apps of the layers below it: never upwards, never sideways (apps of one layer are peers);
- a screen (views, vues_*.py, urls.py, templatetags, admin.py) may cross apps: a page shows
  what it needs, wherever it lives; it still never imports `demo` or the project (`stages`);
- nothing but a screen imports a screen: a query a screen and an export share is a selector;
- `regles` is pure Python: the standard library, PyYAML, holidays, vacances-scolaires-france.

Every import counts, including those inside functions and under `if TYPE_CHECKING:`. A string
reference (`apps.get_model("etablissement", …)`, `include("core.urls")`) is not an import.
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

RACINE = Path(__file__).resolve().parent.parent

# The layers, bottom first: an app imports the apps of the layers below its own.
COUCHES: tuple[frozenset[str], ...] = (
    frozenset({"regles"}),
    frozenset({"core"}),
    frozenset({"comptes"}),
    frozenset({"referentiel"}),
    frozenset({"etablissement"}),
    frozenset({"organismes"}),
    frozenset({"conventions"}),
    frozenset({"documents", "evaluations", "journal", "suivi"}),
    frozenset({"echanges", "espaces", "examens", "pilotage", "public"}),
    frozenset({"candidatures", "api", "prospection"}),
    frozenset({"demo"}),
    frozenset({"stages", "bench"}),
)

# The apps no screen below them imports: the demonstration and the project.
HORS_ECRANS = frozenset({"demo", "stages", "bench"})

# What `regles` may import besides itself and the standard library.
REGLES_PERMIS = frozenset({"yaml", "holidays", "vacances_scolaires_france"})

# Known exceptions, as (module path, imported app), each with the reason it is allowed.
# None today: add one only with a comment saying why the arrow cannot point down.
EXCEPTIONS: frozenset[tuple[str, str]] = frozenset()


def niveaux(couches: tuple[frozenset[str], ...] = COUCHES) -> dict[str, int]:
    return {app: rang for rang, couche in enumerate(couches) for app in couche}


def est_ecran(module: str) -> bool:
    """Whether a dotted module name is a screen: views, vues_*, urls, urls_* (examens splits
    its URLs by part), templatetags, admin."""
    parties = module.split(".")
    return any(
        partie in {"views", "urls", "templatetags", "admin"}
        or partie.startswith(("vues_", "urls_"))
        for partie in parties[1:]
    )


def nom_de_module(chemin: Path, racine: Path) -> str:
    parties = list(chemin.relative_to(racine).with_suffix("").parts)
    if parties[-1] == "__init__":
        parties.pop()
    return ".".join(parties)


@dataclass(frozen=True)
class Import:
    ligne: int
    cibles: tuple[str, ...]  # the dotted modules this statement may load


def imports_de(source: str, module: str, paquet: bool) -> Iterator[Import]:
    """Every import of a module, top-level or not, relative ones made absolute."""
    for noeud in ast.walk(ast.parse(source)):
        if isinstance(noeud, ast.Import):
            for alias in noeud.names:
                yield Import(noeud.lineno, (alias.name,))
        elif isinstance(noeud, ast.ImportFrom):
            base = noeud.module or ""
            if noeud.level:
                ici = module.split(".") if paquet else module.split(".")[:-1]
                ici = ici[: len(ici) - (noeud.level - 1)]
                base = ".".join([*ici, base] if base else ici)
            # `from etablissement import views` loads etablissement.views: each name may be a
            # submodule, so each counts.
            yield Import(noeud.lineno, (base, *(f"{base}.{a.name}" for a in noeud.names)))


def infractions(racine: Path, couches: tuple[frozenset[str], ...] = COUCHES) -> list[str]:
    """Every import that breaks the rule, as "file:line: app A imports app B (why)"."""
    rangs = niveaux(couches)
    trouvees: list[str] = []
    for app in sorted(rangs):
        for chemin in sorted((racine / app).rglob("*.py")):
            if "migrations" in chemin.parts:
                continue
            module = nom_de_module(chemin, racine)
            fichier = chemin.relative_to(racine).as_posix()
            ecran = est_ecran(module)
            source = chemin.read_text(encoding="utf-8")
            for imp in imports_de(source, module, chemin.name == "__init__.py"):
                for motif in _motifs(app, module, ecran, imp, rangs):
                    cible = imp.cibles[0].split(".")[0]
                    if (fichier, cible) not in EXCEPTIONS:
                        trouvees.append(f"{fichier}:{imp.ligne}: app {app} imports {motif}")
    return sorted(set(trouvees))


def _motifs(
    app: str, module: str, ecran: bool, imp: Import, rangs: dict[str, int]
) -> Iterator[str]:
    haut = imp.cibles[0].split(".")[0]
    if app == "regles" and haut not in rangs:
        if haut not in sys.stdlib_module_names and haut not in REGLES_PERMIS:
            yield f"{haut} (regles is pure Python)"
        return
    if haut not in rangs or haut == app:
        if not ecran and haut == app and any(est_ecran(c) for c in imp.cibles):
            yield f"its own screen {imp.cibles[0]} (a screen is imported by screens only)"
        return
    if ecran:
        if haut in HORS_ECRANS:
            yield f"app {haut} (no screen depends on the demonstration or the project)"
        return
    if rangs[haut] > rangs[app]:
        yield f"app {haut} (upward)"
    elif rangs[haut] == rangs[app]:
        yield f"app {haut} (same layer: peers do not import each other)"
    elif any(est_ecran(c) for c in imp.cibles):
        yield f"app {haut}'s screen {imp.cibles[0]} (a screen is imported by screens only)"


def couches_de_l_architecture() -> tuple[frozenset[str], ...]:
    """The table of ARCHITECTURE.md's section, read bottom first."""
    texte = (RACINE / "ARCHITECTURE.md").read_text(encoding="utf-8")
    section = texte.split("## La règle de dépendance, app par app", 1)[1].split("\n## ", 1)[0]
    lignes = [ligne for ligne in section.splitlines() if re.match(r"\|\s*\d+\s*\|", ligne)]
    rangees = sorted(
        (int(ligne.split("|")[1]), frozenset(re.findall(r"`(\w+)`", ligne.split("|")[2])))
        for ligne in lignes
    )
    return tuple(apps for _, apps in rangees)


# --- The project itself ---


def test_no_import_breaks_the_dependency_rule() -> None:
    assert infractions(RACINE) == []


def test_every_app_has_its_layer() -> None:
    paquets = {
        chemin.parent.name
        for chemin in RACINE.glob("*/__init__.py")
        if chemin.parent.name not in {"tests", "tools"}
    }
    assert paquets == set(niveaux())


def test_architecture_states_the_same_layers() -> None:
    assert couches_de_l_architecture() == COUCHES


# --- The checker, on synthetic modules ---


def _ecrire(racine: Path, chemin: str, source: str) -> None:
    fichier = racine / chemin
    fichier.parent.mkdir(parents=True, exist_ok=True)
    for dossier in fichier.relative_to(racine).parents:
        if dossier != Path("."):
            (racine / dossier / "__init__.py").touch()
    fichier.write_text(source, encoding="utf-8")


def test_an_import_upward_is_caught_even_inside_a_function(tmp_path: Path) -> None:
    _ecrire(
        tmp_path,
        "core/menu.py",
        "import os\n\n\ndef menu():\n    from comptes.models import Role\n    return Role\n",
    )
    assert infractions(tmp_path) == ["core/menu.py:5: app core imports app comptes (upward)"]


def test_peers_do_not_import_each_other(tmp_path: Path) -> None:
    _ecrire(tmp_path, "pilotage/tableau.py", "import public.annuaire\n")
    assert infractions(tmp_path) == [
        "pilotage/tableau.py:1: app pilotage imports app public "
        "(same layer: peers do not import each other)"
    ]


def test_a_screen_may_cross_apps_but_not_into_the_demo(tmp_path: Path) -> None:
    _ecrire(tmp_path, "etablissement/views/fiche.py", "from pilotage import suivi_etudiant\n")
    _ecrire(tmp_path, "core/vues_courriels.py", "from comptes.acces import personnel_requis\n")
    assert infractions(tmp_path) == []
    _ecrire(tmp_path, "core/urls.py", "from demo import donnees\n")
    assert infractions(tmp_path) == [
        "core/urls.py:1: app core imports app demo "
        "(no screen depends on the demonstration or the project)"
    ]


def test_only_a_screen_imports_a_screen(tmp_path: Path) -> None:
    _ecrire(tmp_path, "echanges/exports/etudiants.py", "from etablissement.views import liste\n")
    _ecrire(tmp_path, "etablissement/services.py", "from .views.liste import filtrer\n")
    _ecrire(tmp_path, "etablissement/urls.py", "from . import views\n")
    assert infractions(tmp_path) == [
        "echanges/exports/etudiants.py:1: app echanges imports app etablissement's screen "
        "etablissement.views (a screen is imported by screens only)",
        "etablissement/services.py:1: app etablissement imports its own screen "
        "etablissement.views.liste (a screen is imported by screens only)",
    ]


def test_regles_imports_no_django(tmp_path: Path) -> None:
    _ecrire(tmp_path, "regles/calcul.py", "import yaml\nfrom decimal import Decimal\n")
    assert infractions(tmp_path) == []
    _ecrire(tmp_path, "regles/horloge.py", "from django.utils import timezone\n")
    assert infractions(tmp_path) == [
        "regles/horloge.py:1: app regles imports django (regles is pure Python)"
    ]


def test_an_import_downward_passes(tmp_path: Path) -> None:
    _ecrire(
        tmp_path,
        "documents/signatures.py",
        "from etablissement.models import Etablissement\nfrom regles import modele\n",
    )
    assert infractions(tmp_path) == []
