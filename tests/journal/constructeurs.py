"""URL arguments for the access table (tests/acces/matrice.py): an entry and an attachment
of a student the personas are not (the student persona finds neither: 404), a tutor's link
with an attachment of its scope, and an entry of another host seen from a tutor's link."""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any


def _entree() -> Any:
    from tests.journal import outils

    return outils.entree(outils.stage())


def _piece(entree: Any) -> Any:
    from django.utils import timezone

    from journal import services
    from tests.journal import outils

    return services.piece_ajouter(
        entree=entree,
        flux=io.BytesIO(outils.PDF),
        nom="devis.pdf",
        taille=len(outils.PDF),
        le=timezone.now(),
    )


def entree() -> Mapping[str, Any]:
    return {"pk": _entree().pk}


def piece() -> Mapping[str, Any]:
    return {"pk": _piece(_entree()).pk}


def _jeton_tuteur(nom: str) -> tuple[Any, str]:
    from espaces import services
    from tests.espaces import outils as espaces
    from tests.journal import outils

    org, _, tuteur = espaces.hote(nom)
    convention = outils.stage(organisme=org, tuteur=tuteur)
    _, jeton = espaces.lien(services.titulaire_tuteur(tuteur))
    return convention, jeton


def piece_du_lien() -> Mapping[str, Any]:
    """An attachment of the tutor's own intern: the tutor opens it."""
    from tests.journal import outils

    convention, jeton = _jeton_tuteur("Aquitaine Distribution")
    return {"jeton": jeton, "pk": _piece(outils.entree(convention)).pk}


def entree_etrangere() -> Mapping[str, Any]:
    """An entry of another host's intern: not found from this tutor's link."""
    from tests.journal import outils

    _, jeton = _jeton_tuteur("Aquitaine Distribution")
    autre, _ = _jeton_tuteur("Garonne Services")
    return {"jeton": jeton, "pk": outils.entree(autre).pk}
