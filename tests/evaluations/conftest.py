"""PDFs and files go to a temporary MEDIA_ROOT."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_django.fixtures import Settings

from tests.personas import *  # noqa: F403  (the persona fixtures)


@pytest.fixture(autouse=True)
def media_temporaire(settings: Settings, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
