from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.core.cache import cache

from tests.personas import *  # noqa: F403  (the persona fixtures)


@pytest.fixture(autouse=True)
def _compteurs_remis_a_zero() -> Iterator[None]:
    """The proposals' rate limit counts in the cache, which outlives a test's transaction."""
    cache.clear()
    yield
    cache.clear()
