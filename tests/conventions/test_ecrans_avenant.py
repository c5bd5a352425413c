"""An avenant through its page: refused, with the findings and the input kept, when the
changed convention breaks the law; recorded, with its before/after, when it does not."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from comptes.models import Utilisateur
from conventions.models import Avenant, Convention, Statut
from tests import fabriques
from tests.conventions.ecrans import avancer

pytestmark = pytest.mark.django_db


def _avenant(gratification: str, **surcharges: Any) -> dict[str, Any]:
    """Twelve weeks instead of four: 420 h, beyond the 308 h of compulsory gratification."""
    donnees: dict[str, Any] = {
        "date_effet": "2026-03-16",
        "motif": "Prolongation demandée par l'organisme",
        "tuteur": "",
        "date_effet_tuteur": "",
        **{f"minutes_{j}": "7" for j in ("lundi", "mardi", "mercredi", "jeudi", "vendredi")},
        "minutes_samedi": "0",
        "minutes_dimanche": "0",
        "gratification_mode": gratification,
        "gratification_montant": "",
        "gratification_methode": "reelle",
        "periodes-TOTAL_FORMS": "1",
        "periodes-INITIAL_FORMS": "1",
        "periodes-MIN_NUM_FORMS": "1",
        "periodes-MAX_NUM_FORMS": "1000",
        "periodes-0-debut": "2026-03-02",
        "periodes-0-fin": "2026-05-22",
    }
    donnees.update(surcharges)
    return donnees


@pytest.fixture
def signee(administrateur: Utilisateur) -> Convention:
    # The leave clause of a stage of more than two months is there: the avenant form
    # changes dates, tutor, schedule and pay, not the clauses.
    clauses = {**fabriques.CLAUSES, "conges": "Deux jours de congé par mois de présence"}
    return avancer(fabriques.convention(contenus=clauses), Statut.SIGNEE, administrateur)


def test_an_avenant_that_breaks_the_law_is_refused_with_its_findings(
    signee: Convention, clients: dict[str, Client]
) -> None:
    url = reverse("conventions:avenant", kwargs={"pk": signee.pk})
    donnees = _avenant("aucune", tuteur=signee.tuteur_id)
    page = clients["administrateur"].post(url, donnees)

    texte = page.content.decode()
    assert page.status_code == 200 and "L'avenant est refusé" in texte
    assert "Gratification inférieure au minimum légal" in texte and "Pourquoi ?" in texte
    assert "Prolongation demandée par l&#x27;organisme" in texte and 'value="2026-05-22"' in texte
    assert not Avenant.objects.exists()
    assert signee.periodes.get().fin.day == 27  # rolled back


def test_a_lawful_avenant_is_recorded_with_its_before_and_after(
    signee: Convention, clients: dict[str, Client]
) -> None:
    url = reverse("conventions:avenant", kwargs={"pk": signee.pk})
    page = clients["administrateur"].get(url).content.decode()
    assert 'value="2026-03-27"' in page  # the convention's values are offered

    reponse = clients["administrateur"].post(
        url, _avenant("minimum_legal", tuteur=signee.tuteur_id)
    )

    assert reponse.status_code == 302
    avenant = Avenant.objects.get(convention=signee)
    assert avenant.numero == 1 and set(avenant.changements) == {"periodes", "gratification_mode"}
    detail = clients["enseignant"].get(reverse("conventions:detail", kwargs={"pk": signee.pk}))
    texte = detail.content.decode()
    assert "Avenant n° 1, à compter du 16/03/2026" in texte
    assert "du 02/03/2026 au 27/03/2026" in texte and "du 02/03/2026 au 22/05/2026" in texte
    assert "Pas de gratification" in texte and "Minimum légal" in texte


def test_a_draft_takes_no_avenant(administrateur: Utilisateur, clients: dict[str, Client]) -> None:
    convention = fabriques.convention()
    url = reverse("conventions:avenant", kwargs={"pk": convention.pk})
    page = clients["administrateur"].get(url).content.decode()
    assert "Un avenant modifie une convention signée ou en cours" in page
    assert "Modifiez-la directement." in page and "Enregistrer l&#x27;avenant" not in page
