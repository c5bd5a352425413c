"""Fixtures of the whole suite."""

from __future__ import annotations

from typing import Any

import pytest

from tests.semis import semer_la_section


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: Any) -> None:
    """The school the suite's documents and pages name: the demo's, created once in the new
    test database (the migrations seed none)."""
    from demo.lycee import lycee_creer

    with django_db_blocker.unblock():
        lycee_creer()


@pytest.fixture(autouse=True)
def section_semee_des_tests_transactionnels(request: pytest.FixtureRequest) -> None:
    """A transactional test (threads racing, a real commit) starts from an empty database
    once another one has run: give it what the migrations and the suite's setup seed."""
    marqueur = request.node.get_closest_marker("django_db")
    if marqueur is not None and marqueur.kwargs.get("transaction"):
        request.getfixturevalue("transactional_db")
        semer_la_section()
