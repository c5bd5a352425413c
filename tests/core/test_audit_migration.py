"""The offers' history kept through its move to the common audit trail: each old row gets
the action it stood for, its author and reason under their new names."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

AVANT = [("public", "0004_tuteur_et_gratification")]
APRES = [("public", "0005_evenements_au_journal_commun")]


@pytest.mark.django_db(transaction=True)
def test_old_offer_events_are_named_by_what_they_were() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(AVANT)
    anciens = executor.loader.project_state(AVANT).apps
    proposition = anciens.get_model("public", "PropositionStage").objects.create(
        entreprise="Aquitaine Distribution",
        ville="Mérignac",
        contact_nom="Julie Martin",
        contact_email="julie.martin@example.org",
    )
    evenements = anciens.get_model("public", "EvenementProposition").objects
    evenements.create(proposition=proposition, avant="recue", apres="recue", motif="corrigée")
    evenements.create(proposition=proposition, avant="recue", apres="refusee", motif="Complet.")

    executor = MigrationExecutor(connection)
    executor.migrate(APRES)
    nouveaux = executor.loader.project_state(APRES).apps
    lignes = nouveaux.get_model("public", "EvenementProposition").objects.order_by("pk")
    assert [(e.action, e.commentaire, e.auteur_id) for e in lignes] == [
        ("proposition_modification", "corrigée", None),
        ("proposition_statut", "Complet.", None),
    ]
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
