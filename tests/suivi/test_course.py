"""Two clicks on two slots of the same visit at the same instant (the tutor and a colleague
sharing the link): the visit's row is locked, so exactly one choice wins and the other is
told the slot is taken; the visit keeps the winner's slot. PostgreSQL only (SQLite locks
the whole database: choices there follow one another)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from suivi import services
from suivi.models import EtatVisite, Visite
from tests.suivi import constructeurs as k

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks need PostgreSQL (SQLite locks the whole database)",
    ),
]
ESSAIS = 5


def _en_parallele(*taches: Callable[[], object]) -> list[BaseException]:
    depart = threading.Barrier(len(taches))
    erreurs: list[BaseException] = []

    def lancer(tache: Callable[[], object]) -> None:
        try:
            depart.wait()
            tache()
        except BaseException as erreur:  # every outcome is judged by the test
            erreurs.append(erreur)
        finally:
            connection.close()

    fils = [threading.Thread(target=lancer, args=(t,)) for t in taches]
    for f in fils:
        f.start()
    for f in fils:
        f.join(timeout=60)
    assert not any(f.is_alive() for f in fils), "a thread is still waiting: a lock never freed"
    return erreurs


def test_two_choices_at_once_one_wins() -> None:
    jours = [timezone.localdate() + timedelta(days=n) for n in (2, 3)]
    for essai in range(ESSAIS):
        visite = k.proposer(k.stage(f"Hote{essai} Distribution"), *jours)
        a, b = visite.creneaux.all()
        erreurs = _en_parallele(
            *(
                (
                    lambda pk=c.pk, v=visite: services.creneau_choisir(
                        visite=v, creneau_pk=pk, maintenant=timezone.now()
                    )
                )
                for c in (a, b)
            )
        )
        assert len(erreurs) == 1 and isinstance(erreurs[0], services.Refus), erreurs
        visite = Visite.objects.get(pk=visite.pk)
        assert visite.etat == EtatVisite.PLANIFIEE and visite.creneau in (a, b)
