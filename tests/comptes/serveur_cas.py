"""A local CAS server for the tests: a real HTTP server on 127.0.0.1 (a thread) that answers
CAS 3's ticket validation (`/cas/p3/serviceValidate`). The tests play the browser: they follow
Stages' redirect to the server's login address, read the service address, and come back to it
with a ticket the server issued for that service; Stages then validates it over HTTP."""

from __future__ import annotations

import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs
from wsgiref.simple_server import WSGIRequestHandler, make_server
from xml.sax.saxutils import escape

_NS = 'xmlns:cas="http://www.yale.edu/tp/cas"'


class _Silencieux(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


@dataclass
class ServeurCas:
    url: str = ""  # CAS_SERVER_URL, with its trailing slash
    # ticket → (login, attributes, service it was issued for); a ticket serves once
    tickets: dict[str, tuple[str, dict[str, str], str]] = field(default_factory=dict)

    def ticket_pour(self, login: str, attributs: dict[str, str], service: str) -> str:
        ticket = "ST-" + secrets.token_urlsafe(12)
        self.tickets[ticket] = (login, attributs, service)
        return ticket

    def __call__(self, environ: dict[str, Any], start_response: Any) -> list[bytes]:
        start_response("200 OK", [("Content-Type", "application/xml; charset=utf-8")])
        if environ["PATH_INFO"] != "/cas/p3/serviceValidate":
            return [b"<html>CAS</html>"]
        demande = {k: v[0] for k, v in parse_qs(environ["QUERY_STRING"]).items()}
        trouve = self.tickets.pop(demande.get("ticket", ""), None)
        if trouve is None or trouve[2] != demande.get("service"):
            corps = (
                f'<cas:serviceResponse {_NS}><cas:authenticationFailure code="INVALID_TICKET">'
                "Ticket inconnu</cas:authenticationFailure></cas:serviceResponse>"
            )
            return [corps.encode()]
        login, attributs, _ = trouve
        valeurs = "".join(f"<cas:{k}>{escape(v)}</cas:{k}>" for k, v in attributs.items())
        corps = (
            f"<cas:serviceResponse {_NS}><cas:authenticationSuccess>"
            f"<cas:user>{escape(login)}</cas:user><cas:attributes>{valeurs}</cas:attributes>"
            "</cas:authenticationSuccess></cas:serviceResponse>"
        )
        return [corps.encode()]


@contextmanager
def serveur_cas() -> Iterator[ServeurCas]:
    serveur = ServeurCas()
    http = make_server("127.0.0.1", 0, serveur, handler_class=_Silencieux)
    serveur.url = f"http://127.0.0.1:{http.server_port}/cas/"
    fil = threading.Thread(target=http.serve_forever, daemon=True)
    fil.start()
    try:
        yield serveur
    finally:
        http.shutdown()
        http.server_close()
