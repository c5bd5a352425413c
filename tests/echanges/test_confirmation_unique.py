"""A preview is imported once: a double click on « Confirmer » imports the class list once."""

from __future__ import annotations

import threading
import time
from http.cookies import SimpleCookie
from typing import Any

import pytest
from django.db import connection
from django.test import Client

from echanges.imports import etudiants
from echanges.imports.bilan import Bilan
from etablissement.models import Etudiant
from tests import fabriques
from tests.echanges.fichiers import csv_octets
from tests.echanges.test_vues_import import CLASSE, CONFIRMER, deposer, jeton_de, messages_de

DEJA_IMPORTE = "Cet aperçu a déjà été importé : rien n'a été écrit une seconde fois."


@pytest.mark.django_db
def test_confirming_the_same_preview_twice_imports_it_once(
    clients: dict[str, Client],
) -> None:
    admin = clients["administrateur"]
    promo = fabriques.promotion(periodes=False)
    jeton = jeton_de(deposer(admin, csv_octets(CLASSE), promo))

    premiere = admin.post(CONFIRMER, {"jeton": jeton})
    seconde = admin.post(CONFIRMER, {"jeton": jeton})

    assert "terminé : 2 créations" in messages_de(premiere)[0]
    assert messages_de(seconde)[-1] == DEJA_IMPORTE
    assert Etudiant.objects.filter(promotion=promo).count() == 2


def _meme_navigateur(client: Client) -> Client:
    """A second client with the first one's cookies: the same browser, the same session."""
    jumeau = Client()
    jumeau.cookies = SimpleCookie(client.cookies.output(header="", sep=";"))
    return jumeau


def _confirmer_ensemble(clients: list[Client], jeton: str) -> list[str]:
    """Post the confirmation from every client at the same instant; the messages shown."""
    depart = threading.Barrier(len(clients))
    messages: list[str] = []

    def confirmer(client: Client) -> None:
        try:
            depart.wait()
            messages.extend(messages_de(client.post(CONFIRMER, {"jeton": jeton})))
        finally:
            connection.close()

    fils = [threading.Thread(target=confirmer, args=(client,)) for client in clients]
    for fil in fils:
        fil.start()
    for fil in fils:
        fil.join()
    return messages


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="two requests at once need PostgreSQL's row locks (SQLite has one writer)",
)
@pytest.mark.django_db(transaction=True)
def test_two_confirmations_at_once_import_the_class_list_once(
    clients: dict[str, Client], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A slower import, as on a loaded server: both confirmations are surely in flight.
    importer = etudiants.etudiants_importer

    def importer_lentement(**arguments: Any) -> Bilan:
        if arguments["enregistrer"]:
            time.sleep(0.2)
        return importer(**arguments)

    monkeypatch.setattr(etudiants, "etudiants_importer", importer_lentement)
    admin = clients["administrateur"]
    for tour in range(3):
        promo = fabriques.promotion(periodes=False, libelle=f"NDRC tour {tour}")
        # Without INE (often so): no unique column stops a second copy of the students.
        classe = [rangee[:3] for rangee in CLASSE]
        jeton = jeton_de(deposer(admin, csv_octets(classe), promo))

        messages = _confirmer_ensemble([admin, _meme_navigateur(admin)], jeton)

        assert Etudiant.objects.filter(promotion=promo).count() == 2, f"tour {tour}"
        assert DEJA_IMPORTE in messages, f"tour {tour}: {messages}"
        assert sum("terminé : 2 créations" in m for m in messages) == 1, f"tour {tour}"
