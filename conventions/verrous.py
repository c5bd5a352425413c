"""The locks a decision of the law takes, in the one lock order of the project.

Validating a convention, opening its signature circuit, recording its last signature, an
avenant on its dates or tutor, a change of its host's headcount: each decides on what other
rows say (the host's interns of the same civil weeks, the tutor's interns, the headcount).
Two such decisions taken at the same instant would each see the other's slot still free, so
before the engine reads anything each one locks, to the end of its transaction:

    signature → document → convention → host organisme(s) → tutor(s)

and every caller taking several of these rows takes them in that order (documents/ locks its
signature and document, then calls these functions); rows of one kind are locked by
increasing id. The host's row stands for everything counted over the legal entity (its
SIREN: weekly quota, six months a year, waiting period on a post, headcount), the tutor's
row for the tutor's interns.

On PostgreSQL these are row locks (SELECT … FOR UPDATE); a waiting transaction, once it
holds them, reads what the other one committed (READ COMMITTED reads again at each
statement), so the engine, which reads everything from the database, sees it. SQLite has no
row lock: every transaction there takes the database's write lock when it begins
(`transaction_mode` IMMEDIATE, stages/settings.py), so decisions follow one another.
"""

from __future__ import annotations

from collections.abc import Iterable

from conventions.models import Convention
from organismes.verrous import (
    dans_une_transaction,
    verrouiller_organismes,
    verrouiller_tuteurs,
)


def verrouiller_pour_le_droit(
    convention: Convention | int, *, tuteurs: Iterable[int | None] = ()
) -> Convention:
    """Inside a transaction, lock a convention, then its host, then its tutor and `tuteurs`
    (the new tutor of an avenant), and return the convention's row read after the locks:
    the engine run next sees every decision committed before."""
    dans_une_transaction()
    pk = convention if isinstance(convention, int) else convention.pk
    verrouillee = (
        Convention.objects.select_for_update(of=("self",))
        .select_related("etablissement_accueil")
        .get(pk=pk)
    )
    verrouiller_organismes([verrouillee.etablissement_accueil.organisme_id])
    verrouiller_tuteurs([verrouillee.tuteur_id, *tuteurs])
    return verrouillee
