"""Hypothesis throws random dates, texts and ids at the entry form: the answer is the entry
saved (302) or the form again with a French message (400), never a 500; nothing outside
the rules of an entry is ever saved."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comptes.models import Utilisateur
from journal.models import EntreeJournal
from journal.services import JOURS_MAX
from tests.journal import outils

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
texte = st.text(max_size=60)
dates = st.one_of(
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(date.isoformat),
    st.integers(-40, 40).map(lambda n: (date.today() + timedelta(days=n)).isoformat()),
    texte,
)
identifiants = st.one_of(st.integers(-(2**70), 2**70).map(str), texte)


@FUZZ
@given(
    debut=dates,
    fin=st.one_of(st.just(""), dates),
    activites=st.one_of(texte, st.text(min_size=3990, max_size=4010, alphabet="ab \n")),
    missions=st.lists(identifiants, max_size=3),
    competences=st.lists(identifiants, max_size=3),
    convention=st.one_of(st.just("ok"), identifiants),
)
def test_the_entry_form_never_fails(
    clients: dict[str, Client],
    etudiant: Utilisateur,
    debut: str,
    fin: str,
    activites: str,
    missions: list[str],
    competences: list[str],
    convention: str,
) -> None:
    if not hasattr(etudiant, "etudiant"):
        outils.stage(etudiant=outils.etudiant_de(etudiant))
    c = etudiant.etudiant.conventions.get()
    donnees: dict[str, Any] = {
        "convention": c.pk if convention == "ok" else convention,
        "date_debut": debut,
        "date_fin": fin,
        "activites": activites,
        "missions": missions,
        "competences": competences,
    }
    reponse = clients["etudiant"].post(reverse("journal:ajouter"), donnees)
    assert reponse.status_code in (302, 400)
    for e in EntreeJournal.objects.all():
        periode = c.periodes.get()
        assert periode.debut <= e.date_debut <= e.date_fin <= periode.fin
        assert (e.date_fin - e.date_debut).days < JOURS_MAX
        assert e.date_debut <= outils.aujourdhui()
        assert e.activites.strip() and len(e.activites) <= 4000
