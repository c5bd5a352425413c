"""Reading an archive of `manage.py sauvegarder` (core/sauvegarde.py) before anything is
written: it opens, its manifest is one of ours, each of its files is listed there with the
right SHA-256 and nothing else is in it (no path out of the folder it is extracted to), its
migrations are the ones this database has applied. A problem is an `ArchiveInvalide` with its
reason in French."""

from __future__ import annotations

import gzip
import hashlib
import json
import tarfile
import zlib
from pathlib import Path, PurePosixPath
from typing import Any

from core.sauvegarde import BASE, BLOC, FORMAT, MANIFESTE, MEDIA, migrations_appliquees


class ArchiveInvalide(Exception):
    pass


def extraire(chemin: Path, base: Path, media: Path) -> dict[str, Any]:
    """The manifest of the archive at `chemin`; its database dump written to `base`, its
    documents under `media`, each checked against its hash."""
    try:
        with tarfile.open(chemin, mode="r:gz") as archive:
            manifeste = _manifeste(archive)
            _extraire(archive, manifeste["fichiers"], base, media)
    except (tarfile.TarError, EOFError, zlib.error, gzip.BadGzipFile):
        raise ArchiveInvalide(
            f"« {chemin.name} » n'est pas une sauvegarde de Stages lisible (une archive "
            "tar.gz entière est attendue)."
        ) from None
    return manifeste


def _manifeste(archive: tarfile.TarFile) -> dict[str, Any]:
    try:
        membre = archive.getmember(MANIFESTE)
        lu = archive.extractfile(membre)
        manifeste = json.loads(lu.read()) if lu else None
    except KeyError:
        raise ArchiveInvalide(
            "Cette archive n'est pas une sauvegarde de Stages : elle n'a pas de manifeste."
        ) from None
    except ValueError:
        raise ArchiveInvalide("Le manifeste de cette sauvegarde est illisible.") from None
    if (
        not isinstance(manifeste, dict)
        or manifeste.get("application") != "Stages"
        or not isinstance(manifeste.get("fichiers"), dict)
        or not isinstance(manifeste.get("modeles"), dict)
        or not isinstance(manifeste.get("migrations"), dict)
    ):
        raise ArchiveInvalide("Le manifeste de cette sauvegarde est illisible.")
    if manifeste.get("format") != FORMAT:
        raise ArchiveInvalide(
            "Cette sauvegarde a été faite par une autre version de Stages, dont ce format "
            "d'archive n'est pas lu."
        )
    return manifeste


def _nom_sur(nom: str) -> bool:
    chemin = PurePosixPath(nom)
    return not chemin.is_absolute() and ".." not in chemin.parts and nom == chemin.as_posix()


def _extraire(archive: tarfile.TarFile, fichiers: dict[str, str], base: Path, media: Path) -> None:
    """Each listed file, its hash checked, BASE to `base` and the documents under `media`."""
    vus = set()
    for membre in archive:
        if membre.name == MANIFESTE:
            continue
        if not membre.isfile() or not _nom_sur(membre.name) or membre.name not in fichiers:
            raise ArchiveInvalide(
                f"L'archive est abîmée : « {membre.name} » n'est pas dans son manifeste."
            )
        if membre.name != BASE and not membre.name.startswith(MEDIA):
            raise ArchiveInvalide(
                f"L'archive est abîmée : « {membre.name} » n'est pas dans son manifeste."
            )
        cible = base if membre.name == BASE else media / membre.name.removeprefix(MEDIA)
        cible.parent.mkdir(parents=True, exist_ok=True)
        sha = hashlib.sha256()
        source = archive.extractfile(membre)
        assert source is not None  # a regular file
        with cible.open("wb") as sortie:
            while bloc := source.read(BLOC):
                sha.update(bloc)
                sortie.write(bloc)
        if sha.hexdigest() != fichiers[membre.name]:
            raise ArchiveInvalide(
                f"L'archive est abîmée : « {membre.name} » ne correspond pas à son empreinte "
                "SHA-256."
            )
        vus.add(membre.name)
    manquants = sorted(set(fichiers) - vus)
    if manquants:
        raise ArchiveInvalide(
            f"L'archive est incomplète : « {manquants[0]} » manque"
            + (f" (et {len(manquants) - 1} autre(s) fichier(s))." if len(manquants) > 1 else ".")
        )


def verifier_migrations(manifeste: dict[str, Any]) -> None:
    ici = migrations_appliquees()
    sauvees = {app: sorted(noms) for app, noms in manifeste["migrations"].items()}
    if sauvees == ici:
        return
    en_trop = sorted(
        f"{a}.{n}" for a, noms in sauvees.items() for n in set(noms) - set(ici.get(a, []))
    )
    absentes = sorted(
        f"{a}.{n}" for a, noms in ici.items() for n in set(noms) - set(sauvees.get(a, []))
    )
    if en_trop:
        raise ArchiveInvalide(
            f"Cette sauvegarde vient d'une version plus récente de Stages (migration "
            f"{en_trop[0]} inconnue ici) : installez cette version de Stages, lancez "
            "manage.py migrate, puis restaurez."
        )
    version = manifeste.get("version", "")
    raise ArchiveInvalide(
        f"Cette sauvegarde vient d'une version plus ancienne de Stages (migration "
        f"{absentes[0]} non appliquée alors) : restaurez-la avec sa version ({version}), "
        "puis installez celle-ci et lancez manage.py migrate."
    )
