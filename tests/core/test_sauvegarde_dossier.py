"""`manage.py sauvegarder DOSSIER --garder N`, as the README's systemd timer runs it: a dated
archive in the folder, only the N most recent kept, readable by its owner only (it holds
personal data); a folder that does not exist is said in French."""

from __future__ import annotations

import io
import json
import re
import stat
import tarfile
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.core.management import CommandError, call_command

from tests import fabriques

pytestmark = pytest.mark.django_db


def test_each_night_a_dated_archive_and_only_the_most_recent_kept(
    settings: Any, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media" / "etablissement").mkdir(parents=True)
    (tmp_path / "media" / "etablissement" / "logo.png").write_bytes(b"\x89PNG logo")
    fabriques.convention()
    dossier = tmp_path / "sauvegardes"
    dossier.mkdir()
    for jour in (1, 2, 3):
        with time_machine.travel(f"2026-12-0{jour} 02:30 +01:00", tick=False):
            call_command("sauvegarder", str(dossier), garder=2, stdout=io.StringIO())
    noms = sorted(p.name for p in dossier.iterdir())
    assert noms == ["stages-20261202-023000.tar.gz", "stages-20261203-023000.tar.gz"]
    derniere = dossier / noms[-1]
    assert stat.S_IMODE(derniere.stat().st_mode) == 0o600
    with tarfile.open(derniere) as archive:
        manifeste = json.load(archive.extractfile("manifeste.json"))  # type: ignore[arg-type]
        assert sorted(archive.getnames()) == [
            "base.json",
            "manifeste.json",
            "media/etablissement/logo.png",
        ]
    assert manifeste["date"].startswith("2026-12-03T01:30:00")
    assert manifeste["modeles"]["conventions.convention"] == 1
    assert re.fullmatch(r"[0-9a-f]{64}", manifeste["fichiers"]["media/etablissement/logo.png"])


def test_a_missing_folder_is_said_in_french(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match=r"Le dossier « .*absent » n'existe pas\."):
        call_command("sauvegarder", str(tmp_path / "absent" / "stages.tar.gz"))
    with pytest.raises(CommandError, match=r"--garder N .* ne vaut qu'avec un dossier\."):
        call_command("sauvegarder", str(tmp_path / "stages.tar.gz"), garder=3)
