"""Fixtures of the whole suite."""

from __future__ import annotations

import pytest

from tests.semis import semer_la_section


@pytest.fixture(autouse=True)
def section_semee_des_tests_transactionnels(request: pytest.FixtureRequest) -> None:
    """A transactional test (threads racing, a real commit) starts from an empty database
    once another one has run: give it what the migrations seed."""
    marqueur = request.node.get_closest_marker("django_db")
    if marqueur is not None and marqueur.kwargs.get("transaction"):
        request.getfixturevalue("transactional_db")
        semer_la_section()
