"""URL arguments for the access table (tests/acces/matrice.py): a fiche of a student the
personas are not and nobody follows (the student persona does not find it: 404; the persona
teacher may read it, not review it: 403), with its offer's annex."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def _fiche(*, annexe: bool = False) -> Any:
    from tests.examens import outils_fiches as outils

    f = outils.fiche(outils.eleve())
    return outils.remplir(f) if annexe else f


def fiche() -> Mapping[str, Any]:
    return {"pk": _fiche().pk}


def fiche_avec_annexe() -> Mapping[str, Any]:
    return {"pk": _fiche(annexe=True).pk}
