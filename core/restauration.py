"""`manage.py restaurer`: an archive of `manage.py sauvegarder` (core/sauvegarde.py) put back.

Everything is checked before anything is written: the archive itself
(core/sauvegarde_lecture.py) and that the database holds no data of its own (unless
`ecraser`). Then in one transaction: the tables emptied, the rows loaded, the
sequences set past the largest key (PostgreSQL), the counts of each model compared with the
manifest; the documents are put in place inside the same transaction (an error rolls the
database back). A problem is an `ArchiveInvalide` with its reason in French."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import DatabaseError, connection, transaction

from core.sauvegarde import BASE, EN_COURS, compter, fichiers_media
from core.sauvegarde_lecture import ArchiveInvalide, extraire, verifier_migrations

# Rows `migrate` writes itself (the NDRC reference and the default evaluation forms): a
# database holding only these is a new one.
GRAINES_DES_MIGRATIONS = ("referentiel", "evaluations.questionnaire", "evaluations.question")


@dataclass(frozen=True)
class Bilan:
    lignes: int
    fichiers: int
    date: str


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
        tempfile.TemporaryDirectory(prefix=EN_COURS, dir=racine) as extraits,
    ):
        base = Path(temporaire) / BASE
        manifeste = extraire(chemin, base, Path(extraits))
        verifier_migrations(manifeste)
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
                if relatif not in places:
                    ancien.unlink()
    return Bilan(lignes=sum(lignes.values()), fichiers=len(places), date=str(manifeste["date"]))
