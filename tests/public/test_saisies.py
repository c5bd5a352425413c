"""Hostile or careless input in the companies' pages (issue 9, point 8): an amount of 1e30, a
day of "²:00", a stage in year 1 or 9999 get a French message on the form, never a 500, and
what the company typed stays in the form. Hypothesis then throws random text, numbers and
dates at each field of the simulator, the proposal and the private follow-up form."""

from __future__ import annotations

import re
from datetime import date
from html import unescape
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import fabriques

pytestmark = pytest.mark.django_db

SEMAINE = {"lundi": "7", "mardi": "7", "mercredi": "7", "jeudi": "7", "vendredi": "7"}
STAGE = {**SEMAINE, "debut": "07/09/2026", "fin": "30/10/2026"}
MESSAGE_DATE = "La date doit être comprise entre le 01/01/1900 et le 31/12/2100."
OFFRE = {
    "siret": "83214567600025",
    "entreprise": "Aquitaine Distribution",
    "ville": "Mérignac",
    "contact_nom": "Julie Martin",
    "contact_email": "julie.martin@example.org",
    "nombre_stagiaires": "1",
    "gratification": "minimum",
}
FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _simuler(client: Client, **champs: str) -> tuple[int, str, Any]:
    reponse = client.get(reverse("public:simulateur"), {**STAGE, **champs})
    return reponse.status_code, reponse.content.decode(), reponse.context


def _reaffiche(page: str, valeur: str) -> bool:
    """The value typed is in the page again (HTML-escaped, as a template writes it), less
    its NUL characters, which no request keeps (core.middleware.SansNulMiddleware)."""
    valeur = valeur.replace("\x00", "")
    return not valeur.strip() or escape(valeur) in page


@pytest.mark.parametrize(
    ("champs", "champ", "message"),
    [
        ({"gratification": "horaire", "montant": "1e30"}, "montant", "Saisissez un montant"),
        ({"gratification": "mensuelle", "montant": "2000000"}, "montant", "ne peut pas dépasser"),
        ({"gratification": "horaire", "montant": "٣"}, "montant", "Saisissez un montant"),
        ({"lundi": "²:00"}, "lundi", "Saisissez une durée"),
        ({"lundi": "7:²"}, "lundi", "Saisissez une durée"),
        ({"mardi": "²"}, "mardi", "Saisissez une durée"),
        ({"mercredi": "23:99"}, "mercredi", "Saisissez une durée"),
        ({"jeudi": "24:30"}, "jeudi", "24 heures au plus"),
        ({"debut": "01/01/0001", "fin": "30/01/0001"}, "debut", MESSAGE_DATE),
        ({"debut": "01/12/9999", "fin": "31/12/9999"}, "fin", MESSAGE_DATE),
        ({"debut": "9999-12-01", "fin": "9999-12-31"}, "debut", MESSAGE_DATE),
        (
            {"anterieur_debut": "01/01/0001", "anterieur_fin": "02/01/0001"},
            "anterieur_debut",
            MESSAGE_DATE,
        ),
        (
            {"anterieur_debut": "01/01/2020", "anterieur_fin": "31/01/2020"},
            "anterieur_debut",
            "moins d'un an avant",
        ),
        ({"effectif": "1e30"}, "effectif", "nombre entier"),
        ({"effectif": "1000001"}, "effectif", "1000000"),
        ({"autres_stagiaires": "9" * 5000}, "autres_stagiaires", "nombre entier"),
    ],
)
def test_the_simulator_explains_a_wrong_value_and_keeps_it(
    client: Client, champs: dict[str, str], champ: str, message: str
) -> None:
    statut, page, contexte = _simuler(client, **champs)
    assert statut == 200
    assert contexte["resultat"] is None
    assert any(message in erreur for erreur in contexte["form"].errors[champ])
    assert escape(message) in page
    assert all(_reaffiche(page, valeur) for valeur in champs.values())


def test_the_simulator_says_when_the_law_of_its_dates_is_unknown(client: Client) -> None:
    """1900 is within the bounds of a date, not within the law's parameters."""
    statut, page, contexte = _simuler(client, debut="01/01/1900", fin="30/01/1900")
    assert statut == 200 and contexte["resultat"] is None
    assert "ne connaît pas les règles des stages en vigueur" in unescape(page)
    assert 'value="01/01/1900"' in page


def test_the_simulator_takes_the_last_day_of_the_bounds(client: Client) -> None:
    statut, _, contexte = _simuler(client, debut="01/12/2100", fin="31/12/2100")
    assert statut == 200 and contexte["resultat"] is not None


@pytest.mark.parametrize(
    "champs",
    [
        {"gratification": "horaire", "montant": "1e30"},
        {"lundi": "²:00"},
        {"debut": "9999-12-01", "fin": "9999-12-31"},
        {"debut": "0001-01-01", "fin": "0001-01-31"},
        {"anterieur_debut": "0001-01-01", "anterieur_fin": "0001-01-02"},
        {"debut": "1900-01-01", "fin": "1900-01-30"},
    ],
)
def test_the_simulation_pdf_of_a_wrong_link_is_the_form_with_its_errors(
    client: Client, champs: dict[str, str]
) -> None:
    reponse = client.get(reverse("public:simulateur_pdf"), {**STAGE, **champs})
    assert reponse.status_code == 400
    assert reponse["Content-Type"].startswith("text/html")
    assert reponse.context["form"].errors


@pytest.mark.parametrize(
    "champs",
    [
        {"gratification": "horaire", "montant": "1e30"},
        {"lundi": "²:00"},
        {"debut": "9999-12-01", "fin": "9999-12-31"},
        {"debut": "1900-01-01", "fin": "1900-01-30"},
    ],
)
def test_a_wrong_simulation_link_opens_an_empty_proposal(
    client: Client, champs: dict[str, str]
) -> None:
    reponse = client.get(reverse("public:proposer"), {**STAGE, **champs})
    assert reponse.status_code == 200
    assert not reponse.context["reprise"]


def test_the_proposal_bounds_its_long_texts(client: Client) -> None:
    reponse = client.post(reverse("public:proposer"), {**OFFRE, "message": "x" * 5001})
    assert reponse.status_code == 200
    assert "message" in reponse.context["form"].errors


# Random input: text of any script (no lone surrogate: a browser cannot send one), numbers
# written every way, dates far outside the bounds in both formats.
TEXTE = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
NOMBRE = st.one_of(
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(["1e30", "²", "²:00", "7:²", "٣", "24:00", "23:59", "99:99", "0,001"]),
)
JOUR = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
DATE = st.one_of(
    JOUR.map(lambda j: j.strftime("%d/%m/") + f"{j.year:04d}"),
    JOUR.map(lambda j: f"{j.year:04d}-{j.month:02d}-{j.day:02d}"),
)
VALEUR = st.one_of(TEXTE, NOMBRE, DATE)
CHAMPS_SIMULATEUR = (
    "debut",
    "fin",
    "lundi",
    "mardi",
    "samedi",
    "effectif",
    "autres_stagiaires",
    "montant",
    "anterieur_debut",
    "anterieur_fin",
)


@FUZZ
@given(
    # One or two fields changed in a valid simulation: the rest must not hide them.
    saisie=st.dictionaries(st.sampled_from(CHAMPS_SIMULATEUR), VALEUR, min_size=1, max_size=2),
    gratification=st.sampled_from(["aucune", "minimum_legal", "horaire", "mensuelle", "x"]),
)
def test_fuzz_the_simulator_never_fails_and_keeps_what_was_typed(
    client: Client, saisie: dict[str, str], gratification: str
) -> None:
    statut, page, _ = _simuler(client, gratification=gratification, **saisie)
    assert statut < 500
    assert all(_reaffiche(page, valeur) for valeur in saisie.values())


CHAMPS_PROPOSITION = (
    "siret",
    "entreprise",
    "adresse",
    "code_postal",
    "ville",
    "naf",
    "contact_nom",
    "contact_email",
    "contact_telephone",
    "tuteur_nom",
    "tuteur_email",
    "nombre_stagiaires",
    "message",
)


@FUZZ
@given(saisie=st.dictionaries(st.sampled_from(CHAMPS_PROPOSITION), VALEUR, min_size=1))
def test_fuzz_the_proposal_never_fails_and_keeps_what_was_typed(
    client: Client, saisie: dict[str, str]
) -> None:
    reponse = client.post(reverse("public:proposer"), {**OFFRE, **saisie})
    assert reponse.status_code < 500
    if reponse.status_code == 200:  # re-shown (a 302 is an offer accepted and thanked)
        page = reponse.content.decode()
        assert all(_reaffiche(page, valeur) for valeur in saisie.values())


@FUZZ
@given(saisie=st.dictionaries(st.sampled_from(CHAMPS_SIMULATEUR), VALEUR, min_size=1, max_size=2))
def test_fuzz_a_simulation_link_never_breaks_the_proposal(
    client: Client, saisie: dict[str, str]
) -> None:
    assert client.get(reverse("public:proposer"), {**STAGE, **saisie}).status_code < 500


@pytest.fixture
def lien_de_suivi(client: Client, django_capture_on_commit_callbacks: Any) -> str:
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(reverse("public:proposer"), OFFRE).status_code == 302
    (confirmation,) = [c for c in mail.outbox if c.to == ["julie.martin@example.org"]]
    trouve = re.search(r"https?://\S+(/entreprises/suivi/[^/\s]+/)", str(confirmation.body))
    assert trouve is not None
    return trouve.group(1)


CHAMPS_SUIVI = ("contact_telephone", "tuteur_nom", "tuteur_email", "nombre_stagiaires", "message")


@FUZZ
@given(saisie=st.dictionaries(st.sampled_from(CHAMPS_SUIVI), VALEUR, min_size=1))
def test_fuzz_the_private_follow_up_form_never_fails(
    client: Client, lien_de_suivi: str, saisie: dict[str, str]
) -> None:
    reponse = client.post(lien_de_suivi, {"gratification": "minimum", **saisie})
    assert reponse.status_code < 500
    if reponse.status_code == 200:
        page = reponse.content.decode()
        assert all(_reaffiche(page, valeur) for valeur in saisie.values())


@pytest.mark.parametrize("valeur", ["99999999999999999999", "-1", "²", "1e3"])
def test_hostile_choices_are_refused_not_failed(client: Client, valeur: str) -> None:
    """Checkboxes and radio buttons edited by hand: an error on the form, never a 500."""
    fabriques.promotion(annee_debut=2026)
    for champ in ("periodes", "missions", "tranche_effectif", "gratification"):
        reponse = client.post(reverse("public:proposer"), {**OFFRE, champ: valeur})
        assert reponse.status_code == 200
        assert champ in reponse.context["form"].errors
    reponse = client.get(reverse("public:simulateur"), {**STAGE, "periodes": valeur})
    assert reponse.status_code == 200
