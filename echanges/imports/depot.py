"""Keep an uploaded file on the server between its preview and its confirmation.

The file's bytes go into the session, which Django's default engine stores in the database
(the browser holds only the session id), under a random token that the preview's form sends
back. So nothing the client sends at confirmation is trusted: not the rows, not the
promotion, not even the file; the confirmation re-reads the very bytes that were previewed
and runs the same checks again, against the database as it is then. A token belongs to its
session: another user cannot confirm it. The session engine must stay server-side (a
signed-cookie session would carry the file to the browser and overflow the cookie).
"""

from __future__ import annotations

import base64
import secrets
from dataclasses import dataclass

from django.contrib.sessions.backends.base import SessionBase

CLE_SESSION = "echanges_depots"


@dataclass(frozen=True)
class Depot:
    sorte: str  # which import: "etudiants", "organismes"
    nom: str  # the file's name, shown again
    contenu: bytes
    parametres: dict[str, str]  # what the form chose: the promotion, the month…


def deposer(
    session: SessionBase, *, sorte: str, nom: str, contenu: bytes, parametres: dict[str, str]
) -> str:
    """Keep the file; return the token its confirmation will send. One pending file per
    kind of import: a new preview replaces the previous one, so an older preview left open
    in another tab cannot be confirmed, and the session stays small."""
    depots = dict(session.get(CLE_SESSION, {}))
    jeton = secrets.token_urlsafe(24)
    depots[sorte] = {
        "jeton": jeton,
        "nom": nom,
        "contenu": base64.b64encode(contenu).decode("ascii"),
        "parametres": parametres,
    }
    session[CLE_SESSION] = depots
    return jeton


def reprendre(session: SessionBase, jeton: str, *, sorte: str) -> Depot | None:
    """The file kept under `jeton` for this kind of import, or None (confirmed, replaced
    by a newer preview, session expired, or a forged token)."""
    donnees = session.get(CLE_SESSION, {}).get(sorte)
    if not isinstance(donnees, dict) or not secrets.compare_digest(
        str(donnees.get("jeton", "")), jeton
    ):
        return None
    return Depot(
        sorte=sorte,
        nom=donnees["nom"],
        contenu=base64.b64decode(donnees["contenu"]),
        parametres=dict(donnees["parametres"]),
    )


def retirer(session: SessionBase, *, sorte: str) -> None:
    depots = dict(session.get(CLE_SESSION, {}))
    if depots.pop(sorte, None) is not None:
        session[CLE_SESSION] = depots
