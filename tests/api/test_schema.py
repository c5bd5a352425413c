"""The OpenAPI document: valid JSON, served without a token, naming every route the API
declares with its method, and its documentation page served from the site's own files."""

from __future__ import annotations

import json

from django.test import Client

from api.views.racine import api


def _declarees() -> set[tuple[str, str]]:
    """(method, path) of every operation, read from the API's routers."""
    declarees = set()
    for prefixe, routeur in api._routers:
        for chemin, vue in routeur.path_operations.items():
            for operation in vue.operations:
                for methode in operation.methods:
                    adresse = "/api/" + "/".join(
                        p.strip("/") for p in (prefixe, chemin) if p.strip("/")
                    )
                    declarees.add((methode.lower(), adresse.replace("{int:pk}", "{pk}")))
    return declarees


def test_the_schema_is_valid_json_and_lists_every_route(db: None) -> None:
    reponse = Client().get("/api/openapi.json")
    assert reponse.status_code == 200
    schema = json.loads(reponse.content)
    assert schema["openapi"].startswith("3.")
    publiees = {(methode, chemin) for chemin, ops in schema["paths"].items() for methode in ops}
    declarees = _declarees()
    assert len(declarees) == 13
    assert publiees == declarees
    assert schema["components"]["securitySchemes"]["JetonBearer"]["scheme"] == "bearer"


def test_the_documentation_page_uses_no_cdn(db: None) -> None:
    reponse = Client().get("/api/docs")
    assert reponse.status_code == 200
    page = reponse.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in page
    assert "cdn" not in page.lower()
    assert Client().get("/api/").headers["Location"] == "/api/docs"
