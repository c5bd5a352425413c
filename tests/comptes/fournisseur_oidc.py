"""A local OpenID Connect provider for the tests: a real HTTP server on 127.0.0.1 (a thread),
with the token and userinfo endpoints of the authorization-code flow. The tests play the
browser: they follow Stages' redirect to the provider's authorize address, read its state and
nonce, and come back to Stages' callback with a code the provider knows. Stages then calls
the provider over HTTP, as it would the académie's, and checks the ID token it signs (HS256
with the client's secret)."""

from __future__ import annotations

import json
import secrets
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import jwt

CLIENT_ID = "stages-tests"
SECRET = "secret-du-client-de-test-assez-long-pour-hs256"


class _Silencieux(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


@dataclass
class Fournisseur:
    url: str = ""
    # code → the identity it stands for and the nonce of the request it answers
    codes: dict[str, tuple[dict[str, Any], str]] = field(default_factory=dict)
    jetons: dict[str, dict[str, Any]] = field(default_factory=dict)  # access token → claims
    appels: list[str] = field(default_factory=list)

    def code_pour(self, claims: dict[str, Any], nonce: str) -> str:
        code = secrets.token_urlsafe(16)
        self.codes[code] = (claims, nonce)
        return code

    def __call__(self, environ: dict[str, Any], start_response: Any) -> list[bytes]:
        chemin = environ["PATH_INFO"]
        self.appels.append(chemin)
        if chemin == "/token" and environ["REQUEST_METHOD"] == "POST":
            taille = int(environ.get("CONTENT_LENGTH") or 0)
            donnees = {
                k: v[0] for k, v in parse_qs(environ["wsgi.input"].read(taille).decode()).items()
            }
            if donnees.get("client_id") != CLIENT_ID or donnees.get("client_secret") != SECRET:
                return self._json(start_response, "401 Unauthorized", {"error": "invalid_client"})
            trouve = self.codes.pop(donnees.get("code", ""), None)  # a code serves once
            if trouve is None or not donnees.get("code_verifier"):
                return self._json(start_response, "400 Bad Request", {"error": "invalid_grant"})
            claims, nonce = trouve
            acces = secrets.token_urlsafe(16)
            self.jetons[acces] = claims
            maintenant = int(time.time())
            id_token = jwt.encode(
                {
                    "iss": self.url,
                    "aud": CLIENT_ID,
                    "sub": claims.get("sub", "x"),
                    "nonce": nonce,
                    "iat": maintenant,
                    "exp": maintenant + 300,
                },
                SECRET,
                algorithm="HS256",
            )
            return self._json(
                start_response,
                "200 OK",
                {"access_token": acces, "token_type": "Bearer", "id_token": id_token},
            )
        if chemin == "/userinfo":
            entete = environ.get("HTTP_AUTHORIZATION", "")
            claims = self.jetons.get(entete.removeprefix("Bearer "))
            if claims is None:
                return self._json(start_response, "401 Unauthorized", {"error": "invalid_token"})
            return self._json(start_response, "200 OK", claims)
        return self._json(start_response, "404 Not Found", {"error": "not_found"})

    @staticmethod
    def _json(start_response: Any, statut: str, corps: dict[str, Any]) -> list[bytes]:
        start_response(statut, [("Content-Type", "application/json")])
        return [json.dumps(corps).encode()]


@contextmanager
def fournisseur_oidc() -> Iterator[Fournisseur]:
    fournisseur = Fournisseur()
    serveur: WSGIServer = make_server("127.0.0.1", 0, fournisseur, handler_class=_Silencieux)
    fournisseur.url = f"http://127.0.0.1:{serveur.server_port}"
    fil = threading.Thread(target=serveur.serve_forever, daemon=True)
    fil.start()
    try:
        yield fournisseur
    finally:
        serveur.shutdown()
        serveur.server_close()
