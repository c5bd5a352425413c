"""A convention's dates stay within 01/01/1900–31/12/2100 (regles.bornes): an end of
31/12/9999 would make every page that evaluates the convention fail forever, so the
services, the form and its live check refuse it with a French message (issue 9, point 9)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conventions.models import Convention, Statut
from conventions.services import PeriodeSaisie, convention_modifier
from regles.bornes import MESSAGE_DATE
from tests import fabriques
from tests.conventions.ecrans import avancer, formulaire

pytestmark = pytest.mark.django_db
CREER = reverse("conventions:creer")
APERCU = reverse("conventions:apercu")
FIN_DES_TEMPS = date(9999, 12, 31)


def _messages(erreur: pytest.ExceptionInfo[ValidationError]) -> list[str]:
    return erreur.value.messages


def test_convention_creer_refuses_an_end_in_year_9999() -> None:
    with pytest.raises(ValidationError) as erreur:
        fabriques.convention(periodes=[(date(2026, 3, 2), FIN_DES_TEMPS)])
    assert MESSAGE_DATE in _messages(erreur)
    assert not Convention.objects.exists()


def test_convention_creer_refuses_a_signature_in_year_1() -> None:
    with pytest.raises(ValidationError) as erreur:
        fabriques.convention(date_signature=date(1, 1, 1))
    assert MESSAGE_DATE in _messages(erreur)


def test_convention_modifier_refuses_an_end_in_year_9999() -> None:
    convention = fabriques.convention()
    with pytest.raises(ValidationError) as erreur:
        convention_modifier(
            convention=convention,
            auteur=None,
            periodes=[PeriodeSaisie(date(2026, 3, 2), FIN_DES_TEMPS)],
        )
    assert MESSAGE_DATE in _messages(erreur)
    convention.refresh_from_db()
    assert convention.fin == date(2026, 3, 27)


def test_convention_modifier_refuses_a_tutor_named_in_year_9999() -> None:
    convention = fabriques.convention()
    with pytest.raises(ValidationError) as erreur:
        convention_modifier(convention=convention, auteur=None, date_effet_tuteur=FIN_DES_TEMPS)
    assert MESSAGE_DATE in _messages(erreur)


def _saisie(**surcharges: Any) -> dict[str, Any]:
    org = fabriques.organisme()
    return formulaire(
        etudiant=fabriques.etudiant(),
        organisme=org,
        tuteur=fabriques.tuteur(organisme=org),
        **surcharges,
    )


@pytest.mark.parametrize("url", [CREER, APERCU])
def test_the_form_and_its_live_check_explain_an_end_in_year_9999(
    clients: dict[str, Client], url: str
) -> None:
    donnees = _saisie(**{"periodes-0-fin": "9999-12-31"})
    reponse = clients["administrateur"].post(url, donnees, HTTP_HX_REQUEST="true")
    assert reponse.status_code == 200
    assert not Convention.objects.exists()
    if url == CREER:
        page = reponse.content.decode()
        assert MESSAGE_DATE in page and 'value="9999-12-31"' in page


def test_the_edit_form_explains_an_end_in_year_9999(clients: dict[str, Client]) -> None:
    convention = fabriques.convention()
    url = reverse("conventions:modifier", kwargs={"pk": convention.pk})
    page = clients["administrateur"].get(url)
    assert page.status_code == 200
    donnees = formulaire(
        etudiant=convention.etudiant,
        organisme=convention.etablissement_accueil.organisme,
        tuteur=convention.tuteur,
        **{"periodes-0-fin": "9999-12-31"},
    )
    reponse = clients["administrateur"].post(url, donnees)
    assert reponse.status_code == 200
    assert MESSAGE_DATE in reponse.content.decode()
    convention.refresh_from_db()
    assert convention.fin == date(2026, 3, 27)


# Any day of the calendar: out of the bounds (years 1–1899 and 2101–9999), or within them,
# before the law's parameters (the engine then says the rule is not applicable) or after.
JOUR = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
VALEUR = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=20),
    JOUR.map(lambda j: f"{j.year:04d}-{j.month:02d}-{j.day:02d}"),
    JOUR.map(lambda j: j.strftime("%d/%m/") + f"{j.year:04d}"),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.sampled_from(["1e30", "24:01", "99:99", "NaN", "-0", "٣", "²:00"]),
)
CHAMPS = (
    "periodes-0-debut",
    "periodes-0-fin",
    "date_effet_tuteur",
    "minutes_lundi",
    "minutes_samedi",
    "gratification_montant",
    "poste",
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    saisie=st.dictionaries(st.sampled_from(CHAMPS), VALEUR, min_size=1, max_size=2),
    mode=st.sampled_from(["aucune", "minimum_legal", "horaire", "mensuelle"]),
    url=st.sampled_from([APERCU, CREER]),
)
def test_fuzz_the_form_and_its_live_check_never_fail(
    clients: dict[str, Client], saisie: dict[str, str], mode: str, url: str
) -> None:
    """The live check runs the engine on every keystroke, the form saves: random values
    never make them fail, and a form sent back shows what was typed."""
    donnees = _saisie(gratification_mode=mode, **saisie)
    entetes = {"HTTP_HX_REQUEST": "true"} if url == APERCU else {}
    reponse = clients["administrateur"].post(url, donnees, **entetes)
    assert reponse.status_code < 500
    if url == CREER and reponse.status_code == 200:
        page = reponse.content.decode()
        # NUL characters are taken out of every request (core/middleware.py).
        tapes = [v.replace("\x00", "") for v in saisie.values()]
        assert all(escape(v) in page for v in tapes if v.strip())


@pytest.mark.parametrize("jour", ["0001-01-01", "9999-12-31"])
def test_a_signature_date_out_of_bounds_is_refused_in_french(
    clients: dict[str, Client], administrateur: Any, jour: str
) -> None:
    convention = avancer(fabriques.convention(), Statut.EN_SIGNATURE, administrateur)
    reponse = clients["administrateur"].post(
        reverse("conventions:transition", kwargs={"pk": convention.pk}),
        {"action": "enregistrer_signatures", "date_signature": jour},
    )
    assert reponse.status_code < 500
    assert MESSAGE_DATE in reponse.content.decode()
    convention.refresh_from_db()
    assert (convention.statut, convention.date_signature) == (Statut.EN_SIGNATURE, None)


def test_a_convention_before_the_law_stages_knows_shows_which_rule_could_not_be_checked(
    administrateur: Any, clients: dict[str, Client]
) -> None:
    """1950 is within the bounds, but the law's parameters start in 2015: the convention's
    page says the check could not be made, and validating it is refused."""
    convention = fabriques.convention(periodes=[(date(1950, 3, 6), date(1950, 3, 24))])
    client = clients["administrateur"]
    page = client.get(reverse("conventions:detail", args=[convention.pk]))
    assert page.status_code == 200
    assert "non applicable à cette date" in page.content.decode()
    for url in (
        reverse("etablissement:etudiant", args=[convention.etudiant_id]),
        reverse("organismes:detail", args=[convention.etablissement_accueil.organisme_id]),
        reverse("documents:convention", args=[convention.pk]),
        reverse("pilotage:tableau_de_bord"),
    ):
        assert client.get(url).status_code == 200, url
    presence = client.get(reverse("conventions:pointages", args=[convention.pk]), follow=True)
    assert "Le relevé de présence ne peut pas être tenu pour ce stage" in presence.content.decode()
    assert client.post(reverse("documents:convention_pdf", args=[convention.pk])).status_code < 500
    avancer(convention, Statut.A_VALIDER, administrateur)
    reponse = clients["administrateur"].post(
        reverse("conventions:transition", args=[convention.pk]), {"action": "valider"}
    )
    assert reponse.status_code < 500
    convention.refresh_from_db()
    assert convention.statut == Statut.A_VALIDER
