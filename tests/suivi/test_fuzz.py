"""The visit report (typed on a phone, anything may come in): whatever the fields hold, the
answer is the page again with its messages (400) or the visit done (302), never a 500; a
refused report changes nothing."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comptes.models import Utilisateur
from suivi.models import Contact, EtatVisite, Visite
from tests.conventions.ecrans import referent
from tests.suivi import constructeurs as k

pytestmark = pytest.mark.django_db

CHAMPS = (
    "personnes_rencontrees",
    "avis_accueil",
    "commentaire_accueil",
    "avis_referent",
    "accueil_possible",
    "kilometres",
)
VALEUR = st.one_of(
    st.text(max_size=60),
    st.sampled_from(["oui", "non", "reserves", "satisfaisant", "1e9", "-0", "NaN", "12,5", "\x00"]),
    st.integers(min_value=-(10**12), max_value=10**12).map(str),
)
FUZZ = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FUZZ
@given(saisie=st.dictionaries(st.sampled_from(CHAMPS), VALEUR, min_size=1))
def test_the_report_never_fails(
    clients: dict[str, Client], enseignant: Utilisateur, saisie: dict[str, str]
) -> None:
    if not Visite.objects.exists():
        k.planifier(k.stage(referent=referent(enseignant)))
    visite = Visite.objects.get()
    Visite.objects.filter(pk=visite.pk).update(etat=EtatVisite.PLANIFIEE)
    Contact.objects.all().delete()
    reponse = clients["enseignant"].post(reverse("suivi:compte_rendu", args=[visite.pk]), saisie)
    assert reponse.status_code in (302, 400)
    visite.refresh_from_db()
    fait = visite.etat == EtatVisite.FAITE
    assert fait == (reponse.status_code == 302)
    assert Contact.objects.filter(visite=visite).exists() == fait
