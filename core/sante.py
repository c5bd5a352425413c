"""The state of an instance, for `/sante/` (core/views/sante.py): does the database answer, are
its migrations applied, are the static files collected (out of DEBUG every page names them
through their manifest), how long has the oldest task of the queue waited. Read only; the
reason of a failure is a French sentence, never the error itself (it may name a host or a
user), which goes to the log."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from django.contrib.staticfiles.storage import ManifestFilesMixin
from django.core.files.storage import storages
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django_tasks_db.models import DBTaskResult

journal = logging.getLogger(__name__)


@dataclass(frozen=True)
class Sante:
    raison: str = ""  # empty: everything answers
    taches_en_attente: int = 0
    attente_secondes: int | None = None  # the oldest waiting task's, None without any

    @property
    def ok(self) -> bool:
        return not self.raison


def _migrations_en_retard() -> int:
    executeur = MigrationExecutor(connection)
    return len(executeur.migration_plan(executeur.loader.graph.leaf_nodes()))


def _statiques_collectees() -> bool:
    statiques = storages["staticfiles"]
    if not isinstance(statiques, ManifestFilesMixin):
        return True  # DEBUG, the tests: the sources as they are
    return bool(statiques.exists(statiques.manifest_name))


def sante(maintenant: datetime) -> Sante:
    try:
        connection.ensure_connection()
        with connection.cursor() as curseur:
            curseur.execute("SELECT 1")
    except DatabaseError:
        journal.exception("Santé : la base de données ne répond pas")
        return Sante(raison="La base de données ne répond pas.")
    try:
        retard = _migrations_en_retard()
    except DatabaseError:
        journal.exception("Santé : la table des migrations est illisible")
        return Sante(raison="La base de données ne dit pas quelles migrations sont appliquées.")
    if retard:
        return Sante(
            raison=f"La base de données n'est pas à jour : {retard} migration(s) à appliquer "
            "(manage.py migrate)."
        )
    if not _statiques_collectees():
        return Sante(
            raison="Les fichiers statiques ne sont pas collectés (manage.py collectstatic)."
        )
    en_attente = DBTaskResult.objects.ready()
    plus_ancienne = en_attente.order_by("enqueued_at").values_list("enqueued_at", flat=True)
    premiere = plus_ancienne.first()
    return Sante(
        taches_en_attente=en_attente.count(),
        attente_secondes=None
        if premiere is None
        else max(0, int((maintenant - premiere).total_seconds())),
    )
