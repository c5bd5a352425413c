"""Hypothesis throws random names, dates, choices and ids at the application form: the answer
is the application saved (302) or the form again with a French message (400), never a 500;
nothing outside the rules of an application is ever saved."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from candidatures.models import CONTACT_MAX, NOM_MAX, NOTES_MAX, Canal, Candidature, Reponse
from comptes.models import Utilisateur
from tests.candidatures import outils

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
    nom=st.one_of(texte, st.text(min_size=NOM_MAX - 5, max_size=NOM_MAX + 5, alphabet="ab ")),
    jour=dates,
    canal=st.one_of(st.sampled_from(Canal.values), texte),
    reponse=st.one_of(st.sampled_from(Reponse.values), texte),
    contact=st.one_of(texte, st.text(min_size=CONTACT_MAX - 2, max_size=CONTACT_MAX + 2)),
    notes=st.one_of(
        texte, st.text(min_size=NOTES_MAX - 5, max_size=NOTES_MAX + 5, alphabet="a \n")
    ),
    periode=st.one_of(st.just("ok"), identifiants),
)
def test_the_application_form_never_fails(
    clients: dict[str, Client],
    etudiant: Utilisateur,
    nom: str,
    jour: str,
    canal: str,
    reponse: str,
    contact: str,
    notes: str,
    periode: str,
) -> None:
    if not hasattr(etudiant, "etudiant"):
        promo, _, _ = outils.promotion()
        outils.etudiant_de(etudiant, promo)
    eleve = etudiant.etudiant
    premiere = eleve.promotion.periodes.order_by("debut").first()
    assert premiere is not None
    donnees = {
        "organisme_nom": nom,
        "periode": premiere.pk if periode == "ok" else periode,
        "date": jour,
        "canal": canal,
        "reponse": reponse,
        "contact": contact,
        "notes": notes,
    }
    resultat = clients["etudiant"].post(reverse("candidatures:ajouter"), donnees)
    assert resultat.status_code in (302, 400)
    for c in Candidature.objects.all():
        assert c.etudiant == eleve and c.periode.promotion == eleve.promotion
        assert c.organisme_nom.strip() and len(c.organisme_nom) <= NOM_MAX
        assert len(c.contact) <= CONTACT_MAX and len(c.notes) <= NOTES_MAX
        assert c.canal in Canal.values and c.reponse in Reponse.values
        assert date(1900, 1, 1) <= c.date <= outils.aujourdhui()
