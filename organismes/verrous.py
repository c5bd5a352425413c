"""The host's and the tutor's row locks: a decision that depends on a host's interns, headcount
or tutor takes them (conventions.verrous gives the whole lock order), and so does a write of
the host's headcount or other schools' interns, so that the two follow one another."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.transaction import TransactionManagementError

from organismes.models import OrganismeAccueil, Tuteur


def dans_une_transaction() -> None:
    if not transaction.get_connection().in_atomic_block:
        raise TransactionManagementError(
            "Les verrous du droit se prennent dans une transaction (transaction.atomic)."
        )


def _verrouiller(modele: type[OrganismeAccueil] | type[Tuteur], pks: Iterable[int | None]) -> None:
    """Lock these rows of `modele`, by increasing id, to the end of the transaction. NO KEY
    UPDATE: exclusive between deciders, but a new row referring to them (a site, a tutor, a
    headcount, an audit row) does not wait for the decision."""
    dans_une_transaction()
    ids = sorted({pk for pk in pks if pk is not None})
    if ids:
        list(
            modele.objects.select_for_update(no_key=True)
            .filter(pk__in=ids)
            .order_by("pk")
            .values_list("pk", flat=True)
        )


def verrouiller_organismes(pks: Iterable[int | None]) -> None:
    """Lock these hosts' rows (see _verrouiller)."""
    _verrouiller(OrganismeAccueil, pks)


def verrouiller_tuteurs(pks: Iterable[int | None]) -> None:
    """Lock these tutors' rows (see _verrouiller)."""
    _verrouiller(Tuteur, pks)
