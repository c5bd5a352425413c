"""A request is not wrapped in a test's transaction: each service that locks a fiche opens
its own. On PostgreSQL a lock outside a transaction is an error (SQLite would ignore it):
the whole life of a fiche runs here as the screens run it, outside any test transaction."""

from __future__ import annotations

import pytest
from django.utils import timezone

from comptes.models import Utilisateur
from examens import services
from examens.models import StatutFiche
from tests.examens import outils_fiches as outils
from tests.examens.outils_fiches import media_temporaire  # noqa: F401  (fixture)
from tests.personas import *  # noqa: F403  (the persona fixtures)

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("media_temporaire")]


def test_every_step_of_a_fiche_opens_its_own_transaction(enseignant: Utilisateur) -> None:
    f = outils.remplir(outils.fiche(outils.eleve(referent=enseignant)))  # edit + annex
    assert f.annexe_offre.name.endswith(".pdf")
    services.fiche_soumettre(fiche=f, le=timezone.now())
    services.fiche_relire(
        fiche=f, avis=outils.tout(f, "conforme"), par=enseignant, le=timezone.now()
    )
    services.fiche_rouvrir(fiche=f, par=enseignant, le=timezone.now())
    f.refresh_from_db()
    assert f.statut == StatutFiche.BROUILLON and f.versions.count() == 2
