"""URL arguments for the access table (tests/acces/matrice.py): a valid space link, a
document of its scope, a convention of its scope, a period of another host."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def _tuteur_et_jeton() -> tuple[Any, str]:
    from espaces import services
    from tests.espaces import outils

    org, _, tuteur = outils.hote("Aquitaine Distribution")
    _, jeton = outils.lien(services.titulaire_tuteur(tuteur))
    return tuteur, jeton


def espace() -> Mapping[str, Any]:
    return {"jeton": _tuteur_et_jeton()[1]}


def document() -> Mapping[str, Any]:
    """The convention PDF awaiting the tutor's signature, read from their space."""
    from tests.espaces import outils

    tuteur, jeton = _tuteur_et_jeton()
    document = outils.circuit(outils.convention(tuteur.organisme, tuteur))
    return {"jeton": jeton, "pk": document.pk}


def convention() -> Mapping[str, Any]:
    """A draft the tutor tutors: a bare POST is answered with the form's errors (400)."""
    from tests.espaces import outils

    tuteur, jeton = _tuteur_et_jeton()
    return {"jeton": jeton, "pk": outils.convention(tuteur.organisme, tuteur).pk}


def periode_etrangere() -> Mapping[str, Any]:
    """A period of another host's convention: not found from this space."""
    from tests.espaces import outils

    _, jeton = _tuteur_et_jeton()
    org, _, tuteur = outils.hote("Garonne Services")
    return {"jeton": jeton, "periode": outils.convention(org, tuteur).periodes.get().pk}


def presence_etrangere() -> Mapping[str, Any]:
    """A week of another host's stage: not found from this tutor's space (their own weeks:
    tests/espaces/test_presence.py)."""
    from tests.espaces import outils

    _, jeton = _tuteur_et_jeton()
    org, _, tuteur = outils.hote("Garonne Services")
    return {"jeton": jeton, "pk": outils.convention(org, tuteur).pk, "lundi": "2026-03-02"}
