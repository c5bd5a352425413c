"""The API's tests: the personas, a cache emptied between tests (the rate limit counts in
it), PDFs in a temporary MEDIA_ROOT, and a client that sends a personal token."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.cache import cache
from pytest_django.fixtures import Settings

from tests.personas import *  # noqa: F403  (the persona fixtures)


@pytest.fixture(autouse=True)
def cache_vide() -> None:
    cache.clear()


@pytest.fixture(autouse=True)
def media_temporaire(settings: Settings, tmp_path: Path) -> Path:
    media = tmp_path / "media"
    settings.MEDIA_ROOT = media
    return media
