"""The exam dossier's background work, on Django's tasks API (django-tasks, its database
backend: the queue is a table, run by `manage.py db_worker`; ARCHITECTURE.md says why).

`pack_demander` records the request (a `Pack` row « en attente ») and queues its task in the
same transaction: a rolled-back request queues nothing, and the worker sees both at once."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django_tasks import task

from comptes.models import Utilisateur
from etablissement.models import Etudiant
from examens import pack
from examens.models import EtatPack, Pack, SessionExamen

# A pack still « en attente » or « en cours » after this long was lost (a worker stopped
# mid-way): a new request is then taken rather than sent back to it.
DELAI_PERDU = timedelta(hours=1)


@task()
def generer_pack(pack_id: int) -> None:
    pack.executer(pack_id)


@transaction.atomic
def pack_demander(
    *,
    session: SessionExamen,
    etudiant: Etudiant | None,
    par: Utilisateur | None,
    le: datetime,
) -> Pack:
    """Ask for a candidate's pack (`etudiant`) or the cohort's archive (None). A second
    click while the same pack is being built gets that one back, not a second task."""
    SessionExamen.objects.select_for_update().get(pk=session.pk)  # one request at a time
    en_cours = (
        Pack.objects.filter(
            session=session,
            etudiant=etudiant,
            etat__in=(EtatPack.EN_ATTENTE, EtatPack.EN_COURS),
            demande_le__gt=le - DELAI_PERDU,
        )
        .order_by("-demande_le")
        .first()
    )
    if en_cours is not None:
        return en_cours
    total = 1 if etudiant is not None else pack.candidats(session).count()
    nouveau = Pack.objects.create(
        session=session, etudiant=etudiant, total=total, demande_par=par, demande_le=le
    )
    generer_pack.enqueue(nouveau.pk)
    return nouveau
