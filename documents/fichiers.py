"""Files that follow their transaction: a PDF written by a write that then fails is deleted
with the rows that would have named it, so `media/` keeps no file that no row references
(and the next file of the same name is not renamed around an orphan).

Django has no "on rollback" hook: the writes that store files (`sans_orphelins`) note every
file they save (`enregistrer_fichier`) and delete them when they raise, i.e. when their
transaction rolls back. What a crash of the process leaves behind (no exception to catch),
or a caller's outer transaction rolled back later, the sweep finds: `orphelins()` and the
command `manage.py documents_orphelins`."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from datetime import datetime, timedelta
from pathlib import PurePosixPath
from typing import ParamSpec, TypeVar

from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from django.db.models.fields.files import FieldFile

P = ParamSpec("P")
R = TypeVar("R")

_ecrits: ContextVar[list[tuple[Storage, str]] | None] = ContextVar("_ecrits", default=None)


def enregistrer_fichier(champ: FieldFile, nom: str, contenu: bytes) -> None:
    """Save `contenu` in the file field (the row itself is saved by the caller), noted for
    deletion if the write around it fails."""
    champ.save(nom, ContentFile(contenu), save=False)
    ecrits = _ecrits.get()
    if ecrits is not None and champ.name:
        ecrits.append((champ.storage, champ.name))


def sans_orphelins(fonction: Callable[P, R]) -> Callable[P, R]:
    """Put around (outside) the transaction of a write that stores files: when it raises,
    the files it saved are deleted. Nested writes hand their files to the outer one, which
    deletes them too if it fails afterwards."""

    @functools.wraps(fonction)
    def enveloppe(*args: P.args, **kwargs: P.kwargs) -> R:
        ecrits: list[tuple[Storage, str]] = []
        jeton = _ecrits.set(ecrits)
        try:
            resultat = fonction(*args, **kwargs)
        except BaseException:
            for stockage, nom in ecrits:
                stockage.delete(nom)
            raise
        finally:
            _ecrits.reset(jeton)
        exterieurs = _ecrits.get()
        if exterieurs is not None:
            exterieurs.extend(ecrits)
        return resultat

    return enveloppe


DOSSIER = "documents"
DELAI_ORPHELIN = timedelta(hours=1)  # a write in progress is never swept


def _references() -> set[str]:
    from documents.models import CopieSignee, Document

    noms: set[str] = set()
    for fichier, signe in Document.objects.values_list("fichier", "fichier_signe"):
        noms.update(n for n in (fichier, signe) if n)
    noms.update(n for n in CopieSignee.objects.values_list("fichier", flat=True) if n)
    return noms


def _parcourir(stockage: Storage, dossier: str) -> Iterator[str]:
    try:
        sous_dossiers, fichiers = stockage.listdir(dossier)
    except FileNotFoundError:
        return
    for fichier in fichiers:
        yield str(PurePosixPath(dossier) / fichier)
    for sous in sous_dossiers:
        yield from _parcourir(stockage, str(PurePosixPath(dossier) / sous))


def orphelins(*, le: datetime, stockage: Storage | None = None) -> list[str]:
    """The files under media/documents/ that no document nor paper copy references, last
    written more than an hour before `le`."""
    from django.core.files.storage import default_storage

    stockage = stockage or default_storage
    references = _references()
    return sorted(
        nom
        for nom in _parcourir(stockage, DOSSIER)
        if nom not in references and stockage.get_modified_time(nom) <= le - DELAI_ORPHELIN
    )
