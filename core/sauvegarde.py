"""`manage.py sauvegarder`: the database and the documents of an instance in one archive.

A tar.gz holding `base.json` (`dumpdata`, every app, primary keys kept, foreign keys to
content types and permissions by natural key: `migrate` recreates those, under other numbers
on another machine), `media/…` (every file of MEDIA_ROOT: PDFs, signed copies, annexes,
logo) and, last, `manifeste.json`: the format, the application's version, the date, the
database engine, the applied migrations, the rows of each model and the SHA-256 of every
file, hashed as it is archived. The database is
read in one transaction (on PostgreSQL a repeatable-read snapshot), so the rows agree with
one another and with their counts, whatever the application writes meanwhile.
`core/sauvegarde_lecture.py` and `core/restauration.py` read it back."""

from __future__ import annotations

import hashlib
import importlib.metadata
import io
import json
import os
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder

FORMAT = 1
MANIFESTE = "manifeste.json"
BASE = "base.json"
MEDIA = "media/"
# Recreated by `migrate` on any database (content types, permissions), or not worth
# keeping (sessions: a restored instance logs everyone out).
EXCLUS = ("contenttypes", "auth.permission", "sessions")
BLOC = 1 << 20
EN_COURS = ".restauration-"  # the folder a restore extracts to, under MEDIA_ROOT


def modeles_sauvegardes() -> list[str]:
    """The models whose rows the archive holds, as `app_label.model_name`."""
    labels = []
    for modele in apps.get_models():
        meta = modele._meta
        if meta.proxy or meta.app_label in EXCLUS or meta.label_lower in EXCLUS:
            continue
        labels.append(meta.label_lower)
    return sorted(labels)


def compter() -> dict[str, int]:
    """The rows of each model the archive holds (those with none included)."""
    return {label: apps.get_model(label)._base_manager.count() for label in modeles_sauvegardes()}


def migrations_appliquees() -> dict[str, list[str]]:
    par_app: dict[str, list[str]] = {}
    for app, nom in MigrationRecorder(connection).applied_migrations():
        par_app.setdefault(app, []).append(nom)
    return {app: sorted(noms) for app, noms in sorted(par_app.items())}


def fichiers_media(racine: Path) -> Iterator[tuple[str, Path]]:
    """Every file under MEDIA_ROOT, by its path relative to it, in a stable order."""
    if not racine.is_dir():
        return
    for dossier, sous_dossiers, fichiers in os.walk(racine):
        # A restore's own working folder (core/restauration.py), left by a killed one.
        sous_dossiers[:] = sorted(d for d in sous_dossiers if not d.startswith(EN_COURS))
        for nom in sorted(fichiers):
            chemin = Path(dossier) / nom
            if chemin.is_file() and not chemin.is_symlink():
                yield chemin.relative_to(racine).as_posix(), chemin


def version() -> str:
    return importlib.metadata.version("stages")


@dataclass(frozen=True)
class Bilan:
    chemin: Path
    lignes: int
    fichiers: int


def _base_lue(dossier: Path) -> tuple[Path, dict[str, int], dict[str, list[str]]]:
    """The dump, the rows it holds and the migrations, from one consistent read."""
    base = dossier / BASE
    dehors = not connection.in_atomic_block  # else the snapshot is the caller's transaction
    with transaction.atomic():
        if connection.vendor == "postgresql" and dehors:
            with connection.cursor() as curseur:
                curseur.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        call_command(
            "dumpdata",
            exclude=list(EXCLUS),
            natural_foreign=True,
            use_base_manager=True,
            format="json",
            indent=None,
            output=str(base),
            verbosity=0,
        )
        return base, compter(), migrations_appliquees()


def sauvegarder(destination: Path, le: datetime) -> Bilan:
    """Write the archive at `destination` (readable by its owner only), complete or not at all."""
    racine = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="stages-sauvegarde-") as temporaire:
        base, lignes, migrations = _base_lue(Path(temporaire))
        descripteur, partiel = tempfile.mkstemp(
            prefix=".sauvegarde-", suffix=".partielle", dir=destination.parent
        )
        try:
            with (
                os.fdopen(descripteur, "wb") as sortie,
                tarfile.open(fileobj=sortie, mode="w:gz") as archive,
            ):
                fichiers = {BASE: _ajouter_fichier(archive, base, BASE)}
                media = list(fichiers_media(racine))
                for relatif, chemin in media:
                    fichiers[MEDIA + relatif] = _ajouter_fichier(archive, chemin, MEDIA + relatif)
                manifeste = {
                    "format": FORMAT,
                    "application": "Stages",
                    "version": version(),
                    "date": le.isoformat(),
                    "base_de_donnees": connection.vendor,
                    "migrations": migrations,
                    "modeles": lignes,
                    "fichiers": fichiers,
                }
                _ajouter(archive, MANIFESTE, json.dumps(manifeste, indent=1).encode())
            os.replace(partiel, destination)
        except BaseException:
            Path(partiel).unlink(missing_ok=True)
            raise
    return Bilan(chemin=destination, lignes=sum(lignes.values()), fichiers=len(media))


class _Lu:
    """A file read into the archive, hashed as it is read: the hash is that of the bytes
    archived, even of a document being written meanwhile."""

    def __init__(self, fichier: BinaryIO) -> None:
        self.fichier = fichier
        self.sha = hashlib.sha256()

    def read(self, taille: int = -1) -> bytes:
        bloc = self.fichier.read(taille)
        self.sha.update(bloc)
        return bloc


def _ajouter_fichier(archive: tarfile.TarFile, chemin: Path, nom: str) -> str:
    with chemin.open("rb") as fichier:
        info = archive.gettarinfo(arcname=nom, fileobj=fichier)
        lu = _Lu(fichier)
        archive.addfile(info, lu)
    return lu.sha.hexdigest()


def _ajouter(archive: tarfile.TarFile, nom: str, contenu: bytes) -> None:
    info = tarfile.TarInfo(nom)
    info.size = len(contenu)
    info.mode = 0o600
    archive.addfile(info, io.BytesIO(contenu))
