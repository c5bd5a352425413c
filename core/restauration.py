"""`manage.py restaurer`: an archive of `manage.py sauvegarder` (core/sauvegarde.py) put back.

Everything is checked before anything is written: the archive opens, its manifest is one of
ours, each of its files is listed there with the right SHA-256 and nothing else is in it, its
migrations are the ones this database has applied, and the database holds no data of its own
(unless `ecraser`). Then in one transaction: the tables emptied, the rows loaded, the
sequences set past the largest key (PostgreSQL), the counts of each model compared with the
manifest; the documents are put in place inside the same transaction (an error rolls the
database back). A problem is an `ArchiveInvalide` with its reason in French."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import tarfile
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import DatabaseError, connection, transaction

from core.sauvegarde import (
    BASE,
    BLOC,
    FORMAT,
    MANIFESTE,
    MEDIA,
    compter,
    fichiers_media,
    migrations_appliquees,
)

# Rows `migrate` writes itself (the NDRC reference and the default evaluation forms): a
# database holding only these is a new one.
GRAINES_DES_MIGRATIONS = ("referentiel", "evaluations.questionnaire", "evaluations.question")


class ArchiveInvalide(Exception):
    pass


@dataclass(frozen=True)
class Bilan:
    lignes: int
    fichiers: int
    date: str


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


def _verifier_migrations(manifeste: dict[str, Any]) -> None:
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
            f"{en_trop[0]} inconnue ici) : installez cette version, `migrate`, puis restaurez."
        )
    raise ArchiveInvalide(
        f"Cette sauvegarde vient d'une version plus ancienne de Stages (migration "
        f"{absentes[0]} non appliquée alors) : restaurez-la avec sa version ({manifeste.get('version')}), "
        "puis installez celle-ci et lancez `migrate`."
    )


def donnees_presentes() -> list[str]:
    """The models holding rows of their own, by their French plural name; empty: a new base."""
    noms = []
    for label, nombre in compter().items():
        app = label.partition(".")[0]
        if nombre and app not in GRAINES_DES_MIGRATIONS and label not in GRAINES_DES_MIGRATIONS:
            noms.append(str(apps.get_model(label)._meta.verbose_name_plural))
    return noms


def _remettre_les_sequences() -> None:
    modeles = [apps.get_model(label) for label in compter()]
    requetes = connection.ops.sequence_reset_sql(no_style(), modeles)
    if requetes:
        with connection.cursor() as curseur:
            for requete in requetes:
                curseur.execute(requete)


def _mettre_en_place(extraits: Path, racine: Path) -> set[str]:
    places = set()
    for relatif, chemin in fichiers_media(extraits):
        cible = racine / relatif
        cible.parent.mkdir(parents=True, exist_ok=True)
        os.replace(chemin, cible)
        places.add(relatif)
    return places


def vider() -> None:
    """`flush`: every table emptied. On PostgreSQL a TRUNCATE refuses a table whose foreign
    keys' checks still wait for the end of the transaction (writes of a caller's transaction
    before): they are run first, then deferred again for the rows to load."""
    postgresql = connection.vendor == "postgresql"
    if postgresql:
        with connection.cursor() as curseur:
            curseur.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False, verbosity=0)
    if postgresql:
        with connection.cursor() as curseur:
            curseur.execute("SET CONSTRAINTS ALL DEFERRED")


def restaurer(chemin: Path, *, ecraser: bool) -> Bilan:
    if not chemin.is_file():
        raise ArchiveInvalide(f"Le fichier « {chemin} » n'existe pas.")
    racine = Path(settings.MEDIA_ROOT)
    racine.mkdir(parents=True, exist_ok=True)
    # Under MEDIA_ROOT: the same file system, each document moved into place at once.
    with (
        tempfile.TemporaryDirectory(prefix="stages-restauration-") as temporaire,
        tempfile.TemporaryDirectory(prefix=".restauration-", dir=racine) as extraits,
    ):
        base = Path(temporaire) / BASE
        try:
            with tarfile.open(chemin, mode="r:gz") as archive:
                manifeste = _manifeste(archive)
                _extraire(archive, manifeste["fichiers"], base, Path(extraits))
        except (tarfile.TarError, EOFError, zlib.error, gzip.BadGzipFile):
            raise ArchiveInvalide(
                f"« {chemin.name} » n'est pas une sauvegarde de Stages lisible (une archive "
                "tar.gz entière est attendue)."
            ) from None
        _verifier_migrations(manifeste)
        if not ecraser and (presentes := donnees_presentes()):
            raise ArchiveInvalide(
                "La base de données n'est pas vide ("
                + ", ".join(presentes[:3])
                + (", …" if len(presentes) > 3 else "")
                + ") : relancez avec --ecraser pour la remplacer par la sauvegarde."
            )
        with transaction.atomic():
            vider()
            # `flush` recreated the content types, perhaps under other numbers than cached.
            ContentType.objects.clear_cache()
            try:
                call_command("loaddata", str(base), verbosity=0)
            except DatabaseError as erreur:
                raise ArchiveInvalide(
                    "La sauvegarde ne se charge pas dans cette base de données ; rien n'a été "
                    f"changé ({erreur.__class__.__name__})."
                ) from erreur
            _remettre_les_sequences()
            lignes = compter()
            attendues = {label: int(n) for label, n in manifeste["modeles"].items()}
            if {k: v for k, v in lignes.items() if v} != {k: v for k, v in attendues.items() if v}:
                raise ArchiveInvalide(
                    "La base restaurée ne compte pas les lignes du manifeste ; rien n'a été changé."
                )
            places = _mettre_en_place(Path(extraits), racine)
        if ecraser:
            for relatif, ancien in list(fichiers_media(racine)):
                if relatif not in places and not relatif.startswith(".restauration-"):
                    ancien.unlink()
    return Bilan(lignes=sum(lignes.values()), fichiers=len(places), date=str(manifeste["date"]))
