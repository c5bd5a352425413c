"""The sandbox the section's clause templates are rendered in.

A template typed in the back office must never reach data outside its convention. So:

* a dedicated `Engine` with no loader, no directory and no tag library: `{% include %}`,
  `{% extends %}` and `{% load %}` find nothing;
* a context of plain dicts, lists and strings only (`contexte.py` builds it; `_verifier` below
  refuses anything else), so there is no model instance to walk from, no queryset, no method
  to call: `{{ convention.etudiant.promotion.etudiants.all }}` yields an empty string (and
  the dicts are copies, so even `{{ etudiant.clear }}` changes nothing outside);
* the text it produces is escaped afterwards and its line breaks turned into paragraphs: a
  template cannot inject HTML (an <img> or <link> that WeasyPrint would fetch).
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from functools import cache

from django.template import Context, Engine, Template, TemplateSyntaxError
from django.template.base import VariableNode
from django.template.defaulttags import ForNode, IfNode
from django.utils.html import linebreaks

from documents.variables import VARIABLES

Donnee = str | int | bool | None | list["Donnee"] | dict[str, "Donnee"]


@cache
def moteur() -> Engine:
    return Engine(
        dirs=[],
        app_dirs=False,
        loaders=[],
        libraries={},
        context_processors=[],
        # Escaping happens once, on the whole text (see `rendre_corps`).
        autoescape=False,
        string_if_invalid="",
        debug=False,
    )


def _verifier(valeur: object, chemin: str) -> None:
    if valeur is None or isinstance(valeur, str | int | bool):
        return
    if isinstance(valeur, list):
        for i, element in enumerate(valeur):
            _verifier(element, f"{chemin}[{i}]")
        return
    if isinstance(valeur, dict):
        for cle, element in valeur.items():
            if not isinstance(cle, str):
                raise TypeError(f"{chemin} : clé non textuelle {cle!r}")
            _verifier(element, f"{chemin}.{cle}")
        return
    raise TypeError(f"{chemin} : {type(valeur).__name__} interdit dans un modèle de document")


def compiler(corps: str) -> Template:
    return moteur().from_string(corps)


def variables_inconnues(corps: str) -> list[str]:
    """The variables of `corps` that are not documented (a typo, or an attempt to reach
    something else), in order of appearance; a {% for %} variable walks freely (it only
    walks a documented list). Raises TemplateSyntaxError."""
    gabarit = compiler(corps)
    boucles: set[str] = {"forloop"}
    noeuds = _noeuds(gabarit.nodelist, boucles)
    inconnues: list[str] = []
    for noeud in noeuds:
        var = getattr(noeud.filter_expression.var, "var", None)
        if not isinstance(var, str):
            continue  # a literal
        racine = var.split(".")[0]
        if var not in VARIABLES and racine not in boucles and var not in inconnues:
            inconnues.append(var)
    return inconnues


def _noeuds(noeuds: Iterable[object], boucles: set[str]) -> list[VariableNode]:
    """The variable nodes under `noeuds`; adds the {% for %} variables to `boucles`."""
    trouves: list[VariableNode] = []
    for noeud in noeuds:
        if isinstance(noeud, VariableNode):
            trouves.append(noeud)
        if isinstance(noeud, ForNode):
            boucles.update(noeud.loopvars)
        for attribut in getattr(noeud, "child_nodelists", ()):
            trouves += _noeuds(getattr(noeud, attribut, None) or (), boucles)
        if isinstance(noeud, IfNode):  # {% if %} keeps its branches apart
            for _, branche in noeud.conditions_nodelists:
                trouves += _noeuds(branche, boucles)
    return trouves


def rendre_texte(corps: str, donnees: Mapping[str, Donnee]) -> str:
    """`corps` rendered against `donnees` (plain data only), as plain text."""
    _verifier(dict(donnees), "contexte")
    # A copy: Django calls argument-less methods, and `{{ etudiant.clear }}` would empty the
    # caller's dict; in the copy it only spoils this one rendering.
    return compiler(corps).render(Context(copy.deepcopy(dict(donnees)), autoescape=False))


def rendre_corps(corps: str, donnees: Mapping[str, Donnee]) -> str:
    """`corps` rendered, escaped, with its blank lines as paragraphs: HTML ready to print."""
    return linebreaks(rendre_texte(corps, donnees), autoescape=True)


__all__ = ["TemplateSyntaxError", "rendre_corps", "rendre_texte", "variables_inconnues"]
