"""What every page's layout needs from the project: the main menu and the skip links.

The menu names every app's screens, so it lives here, above the apps (stages/menu.py); the
school comes from core (core/context_processors.py). Values are computed once per request.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from django.http import HttpRequest

from core.context_processors import par_requete
from stages.menu import Lien, liens_du_menu


def menu(request: HttpRequest) -> dict[str, Any]:
    return {
        "navigation": partial(par_requete, request, "navigation", liens_du_menu),
        "skiplinks": partial(par_requete, request, "skiplinks", _liens_d_evitement),
    }


def _liens_d_evitement(request: HttpRequest) -> list[dict[str, str]]:
    """The DSFR skip links (keyboard users jump past the header): content, menu, footer."""
    liens = [{"link": "#content", "label": "Contenu"}]
    menu: list[Lien] = par_requete(request, "navigation", liens_du_menu)
    if menu:
        liens.append({"link": "#fr-navigation", "label": "Menu"})
    liens.append({"link": "#footer", "label": "Pied de page"})
    return liens
