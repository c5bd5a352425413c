"""Late follow-ups: the selector, the dashboard's count and its list page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from comptes.models import Utilisateur
from suivi import selectors, services
from tests.conventions.ecrans import referent
from tests.suivi import constructeurs as k

pytestmark = pytest.mark.django_db


def _stages(utilisateur: Utilisateur):  # type: ignore[no-untyped-def]
    aujourdhui = timezone.localdate()
    moi = referent(utilisateur)
    ancien = ((aujourdhui - timedelta(days=30), aujourdhui + timedelta(days=10)),)
    en_retard = k.stage("Aquitaine Distribution", periodes=ancien, referent=moi)
    suivi = k.stage("Garonne Services", periodes=ancien, referent=moi)
    services.contact_ajouter(
        convention=suivi,
        nature="appel",
        le=aujourdhui - timedelta(days=25),
        avec="La tutrice",
        note="",
        auteur=None,
        maintenant=timezone.now(),
        aujourdhui=aujourdhui,
    )
    recent = ((aujourdhui - timedelta(days=3), aujourdhui + timedelta(days=30)),)
    k.stage("Landes Commerce", periodes=recent, referent=moi)  # still in time
    termine = k.stage("Medoc Vins", periodes=ancien, statut="terminee", referent=moi)
    ailleurs = k.stage("Bassin Nautique", periodes=ancien)  # another référent's, late
    return en_retard, suivi, termine, ailleurs


def test_the_selector_lists_only_overdue_followed_stages(enseignant: Utilisateur) -> None:
    en_retard, _, _, ailleurs = _stages(enseignant)
    tous = selectors.suivis_en_retard(aujourdhui=timezone.localdate())
    assert {r.convention.pk for r in tous} == {en_retard.pk, ailleurs.pk}
    miens = selectors.suivis_en_retard(aujourdhui=timezone.localdate(), referent=en_retard.referent)
    assert [r.convention.pk for r in miens] == [en_retard.pk]
    assert [e.libelle.split(" (")[0] for e in miens[0].echeances] == ["Contact avec le tuteur"]


def test_the_dashboard_counts_and_links_the_list(
    clients: dict[str, Client], enseignant: Utilisateur
) -> None:
    en_retard, *_ = _stages(enseignant)
    tableau = clients["enseignant"].get(reverse("pilotage:tableau_de_bord")).content.decode()
    assert "Suivis en retard : 2" in tableau and reverse("suivi:retards") in tableau
    liste = clients["enseignant"].get(reverse("suivi:retards")).content.decode()
    assert "Aquitaine Distribution" in liste and "Bassin Nautique" not in liste
    assert "Choix de la section, pas de la loi" in liste
    section = clients["enseignant"].get(reverse("suivi:retards"), {"perimetre": "section"})
    assert "Bassin Nautique" in section.content.decode()


def test_the_convention_page_says_what_is_late(
    clients: dict[str, Client], enseignant: Utilisateur
) -> None:
    en_retard, suivi, *_ = _stages(enseignant)
    texte = clients["enseignant"].get(reverse("conventions:detail", args=[en_retard.pk])).content
    assert "En retard" in texte.decode()
    texte = clients["enseignant"].get(reverse("conventions:detail", args=[suivi.pk])).content
    assert "En retard" not in texte.decode() and "Fait" in texte.decode()
