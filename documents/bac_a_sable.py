"""The sandbox the section's clause templates are rendered in.

A template typed in the back office must never reach data outside its convention, nor break
the documents. So:

* a dedicated `Engine` with no loader, no directory and, as its only built-in library, this
  module's `register`: an allow-list of harmless tags (`if`, `for`, `with`, `firstof`…) and
  filters (`upper`, `default`, `join`…). `{% include %}`, `{% extends %}`, `{% url %}`,
  `{% load %}`, `{% debug %}`, `{% lorem %}`, `ljust`, `stringformat`… do not exist in it;
* a context of plain dicts, lists and strings only (`contexte.py` builds it; `_verifier` below
  refuses anything else), so there is no model instance to walk from, no queryset, no method
  to call: `{{ convention.etudiant.promotion.etudiants.all }}` yields an empty string (and
  the dicts are copies, so even `{{ etudiant.clear }}` changes nothing outside);
* bounded work: a template of TAILLE_MAX characters at most, ITERATIONS_MAX turns of its
  `{% for %}` loops in all (counted as they run, so nested loops over a long literal cannot
  hang) and SORTIE_MAX characters of output (measured inside the loops as they write);
* `essayer` renders a template against sample values of every documented variable: a template
  that fails is refused at save, with the reason in French (`ModeleIllisible`), and one that
  still fails when a document is printed (an old version) says the same instead of a 500;
* the text it produces is escaped afterwards and its line breaks turned into paragraphs: a
  template cannot inject HTML (an <img> or <link> that WeasyPrint would fetch).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any, cast

from django.template import (
    Context,
    Engine,
    Library,
    Node,
    NodeList,
    Template,
    TemplateSyntaxError,
    defaultfilters,
    defaulttags,
)
from django.template.base import Lexer, Parser, Token, TokenType, VariableNode
from django.template.defaulttags import ForNode, IfNode, WithNode
from django.utils.html import linebreaks

from documents.variables import VARIABLES

Donnee = str | int | bool | None | list["Donnee"] | dict[str, "Donnee"]

# The section's texts are a few thousand characters; a convention's clauses a few pages.
TAILLE_MAX = 50_000
SORTIE_MAX = 200_000
ITERATIONS_MAX = 10_000

BALISES = (
    "if",
    "for",
    "with",
    "firstof",
    "cycle",
    "resetcycle",
    "ifchanged",
    "filter",
    "spaceless",
    "comment",
    "templatetag",
    "verbatim",
)
# The closing and intermediate words of the allowed tags (the parser reads them itself).
_FINS = frozenset(
    {
        "elif",
        "else",
        "endif",
        "empty",
        "endfor",
        "endwith",
        "endifchanged",
        "endfilter",
        "endspaceless",
        "endcomment",
        "endverbatim",
    }
)
FILTRES = (
    "capfirst",
    "cut",
    "default",
    "default_if_none",
    "divisibleby",
    "first",
    "join",
    "last",
    "length",
    "lower",
    "pluralize",
    "slice",
    "striptags",
    "title",
    "truncatechars",
    "truncatewords",
    "upper",
    "wordcount",
    "yesno",
)


class ModeleIllisible(ValueError):
    """A clause template that cannot be rendered; the message says why, in French."""


# The only library of the sandbox's engine (Engine(builtins=[__name__]) reads `register`).
register = Library()
for _nom in BALISES:
    if _nom != "for":
        register.tags[_nom] = defaulttags.register.tags[_nom]
for _nom in FILTRES:
    register.filters[_nom] = defaultfilters.register.filters[_nom]


class _Budget:
    """The work one rendering may still do."""

    def __init__(self) -> None:
        self.tours = 0
        self.caracteres = 0

    def tour(self) -> None:
        self.tours += 1
        if self.tours > ITERATIONS_MAX:
            raise ModeleIllisible(
                f"Les boucles {{% for %}} du modèle font plus de {ITERATIONS_MAX} tours : "
                "simplifiez-les (une boucle dans une boucle multiplie les tours)."
            )

    def ecrire(self, caracteres: int) -> None:
        self.caracteres += caracteres
        if self.caracteres > SORTIE_MAX:
            raise ModeleIllisible(_trop_long())


def _trop_long() -> str:
    return f"Le texte produit par le modèle dépasse {SORTIE_MAX} caractères : raccourcissez-le."


IMBRICATION = "Le modèle imbrique trop de balises les unes dans les autres."
_CLE_BUDGET = "documents.bac_a_sable.budget"


def _budget(context: Context) -> _Budget:
    # The render context belongs to this rendering (Template.render pushes a fresh one) and a
    # template cannot name it, unlike a context variable that {% with %} could hide.
    budget = context.render_context.get(_CLE_BUDGET)
    if not isinstance(budget, _Budget):
        budget = _Budget()
        context.render_context[_CLE_BUDGET] = budget
    return budget


class _Tour(Node):
    """First node of every loop body: counts the turn."""

    def render(self, context: Context) -> str:
        _budget(context).tour()
        return ""


class _Mesure(Node):
    """A node of a loop body whose output is counted as each turn writes it."""

    child_nodelists = ()

    def __init__(self, noeud: Node) -> None:
        self.noeud = noeud
        self.token = noeud.token
        self.origin = noeud.origin

    def render(self, context: Context) -> str:
        sortie = str(self.noeud.render_annotated(context))
        _budget(context).ecrire(len(sortie))
        return sortie


@register.tag("for")
def _for(parser: Parser, token: Token) -> ForNode:
    noeud = defaulttags.do_for(parser, token)
    corps = [_Mesure(cast(Node, n)) for n in noeud.nodelist_loop]
    noeud.nodelist_loop = NodeList([_Tour(), *corps])
    return noeud


class _Moteur(Engine):
    default_builtins: list[str] = []  # no defaulttags, defaultfilters nor loader_tags


@cache
def moteur() -> Engine:
    return _Moteur(
        dirs=[],
        app_dirs=False,
        loaders=[],
        libraries={},
        builtins=[__name__],
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


def _balises_interdites(corps: str) -> list[str]:
    """The tags of `corps` outside the allow-list, in order of appearance."""
    interdites: list[str] = []
    verbatim = False
    for jeton in Lexer(corps).tokenize():
        if jeton.token_type is not TokenType.BLOCK or not jeton.contents.split():
            continue
        nom = jeton.contents.split()[0]
        if verbatim:  # {% verbatim %} prints tags as text up to its end
            verbatim = not nom.startswith("endverbatim")
            continue
        verbatim = nom == "verbatim"
        if nom not in BALISES and nom not in _FINS and nom not in interdites:
            interdites.append(nom)
    return interdites


_FILTRE_INVALIDE = re.compile(r"Invalid filter: '([^']*)'")
_NON_FERMEE = re.compile(r"Unclosed tag on line (\d+): '([^']*)'")
_SOULIGNE = "may not begin with underscores"


def _en_francais(erreur: TemplateSyntaxError) -> str:
    """Django's syntax errors are in English: the usual ones, said in French."""
    texte = str(erreur)
    if trouve := _FILTRE_INVALIDE.search(texte):
        return (
            f"Le filtre « {trouve[1]} » n'est pas permis dans un modèle de document ; "
            f"filtres permis : {', '.join(FILTRES)}."
        )
    if _SOULIGNE in texte:
        return "Un nom de variable ne peut pas commencer par « _ »."
    if trouve := _NON_FERMEE.search(texte):
        return f"La balise {{% {trouve[2]} %}} de la ligne {trouve[1]} n'est pas fermée."
    return f"Le modèle ne se lit pas : {texte}"


def compiler(corps: str) -> Template:
    """`corps` compiled in the sandbox; ModeleIllisible (French) if it cannot be."""
    if len(corps) > TAILLE_MAX:
        raise ModeleIllisible(f"Le modèle dépasse {TAILLE_MAX} caractères : raccourcissez-le.")
    interdites = _balises_interdites(corps)
    if interdites:
        raise ModeleIllisible(
            "Balise non permise dans un modèle de document : "
            + ", ".join("{% " + nom + " %}" for nom in interdites)
            + f" ; balises permises : {', '.join(BALISES)}."
        )
    try:
        return moteur().from_string(corps)
    except TemplateSyntaxError as erreur:
        raise ModeleIllisible(_en_francais(erreur)) from erreur
    except RecursionError:
        raise ModeleIllisible(IMBRICATION) from None


def variables_inconnues(corps: str) -> list[str]:
    """The variables of `corps` that are not documented (a typo, or an attempt to reach
    something else), in order of appearance; a {% for %} variable walks freely (it only
    walks a documented list). Raises ModeleIllisible."""
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
    """The variable nodes under `noeuds`; adds the {% for %} and {% with %} names to
    `boucles`."""
    trouves: list[VariableNode] = []
    for noeud in noeuds:
        if isinstance(noeud, _Mesure):
            noeud = noeud.noeud
        if isinstance(noeud, VariableNode):
            trouves.append(noeud)
        if isinstance(noeud, ForNode):
            boucles.update(noeud.loopvars)
        if isinstance(noeud, WithNode):  # {% with nom=etudiant.nom %}: its values are checked
            boucles.update(noeud.extra_context)
            trouves += [VariableNode(valeur) for valeur in noeud.extra_context.values()]
        for attribut in getattr(noeud, "child_nodelists", ()):
            trouves += _noeuds(getattr(noeud, attribut, None) or (), boucles)
        if isinstance(noeud, IfNode):  # {% if %} keeps its branches apart
            for _, branche in noeud.conditions_nodelists:
                trouves += _noeuds(branche, boucles)
    return trouves


def rendre_texte(corps: str, donnees: Mapping[str, Donnee]) -> str:
    """`corps` rendered against `donnees` (plain data only), as plain text. Raises
    ModeleIllisible (French) if the template cannot be rendered within its bounds."""
    _verifier(dict(donnees), "contexte")
    gabarit = compiler(corps)
    # A copy: Django calls argument-less methods, and `{{ etudiant.clear }}` would empty the
    # caller's dict; in the copy it only spoils this one rendering.
    contexte = Context(copy.deepcopy(dict(donnees)), autoescape=False)
    try:
        texte = gabarit.render(contexte)
    except ModeleIllisible:
        raise
    except RecursionError:
        raise ModeleIllisible(IMBRICATION) from None
    except Exception as erreur:  # the template is typed by a person: any failure is theirs
        raise ModeleIllisible(f"Le modèle ne peut pas être rendu : {erreur}") from erreur
    if len(texte) > SORTIE_MAX:
        raise ModeleIllisible(_trop_long())
    return texte


def rendre_corps(corps: str, donnees: Mapping[str, Donnee]) -> str:
    """`corps` rendered, escaped, with its blank lines as paragraphs: HTML ready to print."""
    return linebreaks(rendre_texte(corps, donnees), autoescape=True)


def exemple() -> dict[str, Donnee]:
    """Sample values of every documented variable, as `contexte.py` fills them: what a
    template is test-rendered against before it is saved."""
    donnees: dict[str, Any] = {}
    for nom, description in VARIABLES.items():
        *parents, feuille = nom.split(".")
        cible = donnees
        for parent in parents:
            cible = cible.setdefault(parent, {})
        cible[feuille] = f"[{description}]"
    # A list of periods, as long as a convention's can reasonably be.
    donnees["periodes"] = [
        {"debut": f"{jour:02d}/03/2026", "fin": f"{jour + 4:02d}/03/2026"} for jour in range(1, 13)
    ]
    return donnees


def essayer(corps: str) -> None:
    """Render `corps` against the sample values: ModeleIllisible (French) if it fails."""
    rendre_texte(corps, exemple())


__all__ = [
    "ModeleIllisible",
    "TemplateSyntaxError",
    "essayer",
    "exemple",
    "rendre_corps",
    "rendre_texte",
    "variables_inconnues",
]
