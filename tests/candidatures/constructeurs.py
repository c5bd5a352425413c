"""URL arguments for the access table (tests/acces/matrice.py): an application and an offer's
interest of a student the personas are not (the student persona finds neither: 404), an
accepted offer no persona may mark (the student persona has no record: 404)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def _eleve() -> Any:
    from tests.candidatures import outils

    promo, periode, _ = outils.promotion()
    return outils.etudiant(promo), periode


def candidature() -> Mapping[str, Any]:
    from tests.candidatures import outils

    eleve, periode = _eleve()
    return {"pk": outils.candidature(eleve, periode).pk}


def offre() -> Mapping[str, Any]:
    from tests.candidatures import outils

    _, periode = _eleve()
    return {"pk": outils.offre(periode).pk}


def interet() -> Mapping[str, Any]:
    from candidatures import services
    from tests.candidatures import outils

    eleve, periode = _eleve()
    interet = services.interet_marquer(
        etudiant=eleve, proposition=outils.offre(periode), le=outils.maintenant()
    )
    return {"pk": interet.pk}


def etudiant() -> Mapping[str, Any]:
    """A student nobody follows: the persona teacher may not read their search (403)."""
    eleve, _ = _eleve()
    return {"pk": eleve.pk}


def rappel() -> Mapping[str, Any]:
    """A reminder the section set for a coming period, not sent yet."""
    from candidatures import services
    from tests.candidatures import outils

    _, periode = _eleve()
    rappel = services.rappel_prevoir(
        periode=periode, jour=outils.aujourdhui(), par=None, aujourdhui=outils.aujourdhui()
    )
    return {"pk": rappel.pk}
