"""Attachments go to a temporary MEDIA_ROOT, never into the project's media/."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_django.fixtures import Settings

from tests.personas import *  # noqa: F403  (the persona fixtures)


@pytest.fixture(autouse=True)
def media_temporaire(settings: Settings, tmp_path: Path) -> Path:
    media = tmp_path / "media"
    settings.MEDIA_ROOT = media
    return media
