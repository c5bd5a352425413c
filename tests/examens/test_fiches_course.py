"""Two fiches created at once for one candidate: the student's row lock serializes them, so
they never draw the same number (the unique constraint would otherwise turn one into a
500). PostgreSQL only (SQLite locks the whole database)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from etablissement.models import Etudiant
from examens.models import Fiche
from tests.examens import outils_fiches as outils

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks need PostgreSQL (SQLite locks the whole database)",
    ),
]
FILS = 4
ESSAIS = 5


def _en_parallele(e: Etudiant) -> list[BaseException]:
    """FILS creations for `e` at once; E4's two types share one count, so the race is
    across types too."""
    depart = threading.Barrier(FILS)
    erreurs: list[BaseException] = []

    def creer(type_fiche: str) -> None:
        try:
            depart.wait()
            outils.fiche(e, type_fiche=type_fiche)
        except BaseException as erreur:  # judged by the test
            erreurs.append(erreur)
        finally:
            connection.close()

    fils = [
        threading.Thread(target=creer, args=(("E4_NEGO", "E4_EVENEMENT")[i % 2],))
        for i in range(FILS)
    ]
    for f in fils:
        f.start()
    for f in fils:
        f.join(timeout=60)
    assert not any(f.is_alive() for f in fils), "a thread is still waiting"
    return erreurs


def test_concurrent_creations_draw_distinct_numbers() -> None:
    for _ in range(ESSAIS):
        e = outils.eleve()
        assert _en_parallele(e) == []
        numeros = sorted(Fiche.objects.filter(etudiant=e).values_list("numero", flat=True))
        assert numeros == list(range(1, FILS + 1))
