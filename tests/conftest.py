"""Fixtures of the whole suite."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: Any) -> None:
    """The school the suite's documents and pages name: the demo's, created once in the new
    test database (the migrations seed none). A transactional test's flush removes it, as it
    removes every row; tests that run after one seed it again (demo.lycee.lycee_creer)."""
    from demo.lycee import lycee_creer

    with django_db_blocker.unblock():
        lycee_creer()
